const REDACTED = '[redacted]';
/** Shorter values would redact ordinary words and numbers. */
const MIN_SECRET_LENGTH = 4;

/** Replaces every occurrence of each secret value (of 4 characters or more) with `[redacted]`. */
export function scrubSecrets(text: string, secrets: Iterable<string>): string {
  // Longest first, so a secret that contains another one is redacted whole.
  const values = [...new Set(secrets)]
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  return values.reduce(
    (scrubbed, secret) => scrubbed.replaceAll(secret, REDACTED),
    text,
  );
}
