const REDACTED = '[redacted]';
/** Shorter values would redact ordinary words and numbers. */
const MIN_SECRET_LENGTH = 4;
/** A run this long of a secret is redacted wherever it appears: an echo may cut or wrap the key. */
export const MIN_FRAGMENT_LENGTH = 8;

/**
 * Replaces every occurrence of each secret value (of 4 characters or more) with `[redacted]`, and
 * of 8 characters or more, every run of 8 or more of its characters in a row (a truncated or split
 * echo of the key, `sk-proj-abcd…`).
 */
export function scrubSecrets(text: string, secrets: Iterable<string>): string {
  const values = [...new Set(secrets)].filter(
    (secret) => secret.length >= MIN_SECRET_LENGTH,
  );
  const hidden = new Array<boolean>(text.length).fill(false);
  for (const secret of values) {
    for (const [start, end] of occurrences(text, secret)) {
      hidden.fill(true, start, end);
    }
  }
  return redact(text, hidden);
}

/** Where `secret` appears whole, or for a long one, each maximal run of 8+ of its characters. */
function occurrences(text: string, secret: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  if (secret.length < MIN_FRAGMENT_LENGTH) {
    for (
      let at = text.indexOf(secret);
      at >= 0;
      at = text.indexOf(secret, at + 1)
    ) {
      found.push([at, at + secret.length]);
    }
    return found;
  }
  for (let start = 0; start + MIN_FRAGMENT_LENGTH <= text.length; start++) {
    let end = start + MIN_FRAGMENT_LENGTH;
    if (!secret.includes(text.slice(start, end))) continue;
    while (end < text.length && secret.includes(text.slice(start, end + 1))) {
      end++;
    }
    found.push([start, end]);
  }
  return found;
}

/** Each run of hidden characters becomes one `[redacted]`. */
function redact(text: string, hidden: boolean[]): string {
  let result = '';
  for (let at = 0; at < text.length; at++) {
    if (!hidden[at]) result += text[at];
    else if (at === 0 || !hidden[at - 1]) result += REDACTED;
  }
  return result;
}
