const REDACTED = '[redacted]';
/** Shorter values are too likely to match ordinary text; patterns below still catch well-known key shapes. */
const MIN_KNOWN_LENGTH = 8;

/** Credentials by shape, wherever they appear: URLs, headers quoted in errors, SDK messages. */
const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // Keys in query strings, as Gemini's `?key=` (LiteLLM #8075).
  [
    /([?&](?:key|api[-_]?key|access[-_]?token|token|sig|signature|x-amz-security-token|x-amz-signature)=)[^&#\s"'<>]+/gi,
    `$1${REDACTED}`,
  ],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`],
  [
    /((?:x-api-key|api-key|x-goog-api-key|authorization|x-amz-security-token)["']?\s*[:=]\s*["']?)[^\s"',}]{8,}/gi,
    `$1${REDACTED}`,
  ],
  [/\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{16,}/g, REDACTED],
  [/\bAIza[0-9A-Za-z_-]{30,}/g, REDACTED],
  [/\bllmr_[A-Za-z0-9_-]{16,}/g, REDACTED],
  [/\bAKIA[0-9A-Z]{16}\b/g, REDACTED],
];

/**
 * Scrubs credentials from anything about to leave the process: log lines, problem bodies, queued
 * payloads. It knows every secret value this process has decrypted or read from the environment, and
 * recognises common key shapes it was never told about.
 */
export class Redactor {
  private readonly known = new Set<string>();
  private ordered: string[] = [];

  /** Called wherever a credential value enters memory in clear. */
  remember(value: string | null | undefined): void {
    if (!value || value.length < MIN_KNOWN_LENGTH || this.known.has(value))
      return;
    this.known.add(value);
    // Longest first, so a value containing another is replaced whole.
    this.ordered = [...this.known].sort((a, b) => b.length - a.length);
  }

  scrub(text: string): string {
    let result = text;
    for (const value of this.ordered) {
      if (result.includes(value)) result = result.split(value).join(REDACTED);
    }
    for (const [pattern, replacement] of PATTERNS) {
      result = result.replace(pattern, replacement);
    }
    return result;
  }

  /** Every string inside a JSON-like value, scrubbed; the input is not modified. */
  scrubDeep<T>(value: T): T {
    if (typeof value === 'string') return this.scrub(value) as T;
    if (Array.isArray(value))
      return value.map((item: unknown) => this.scrubDeep(item)) as T;
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, this.scrubDeep(item)]),
      ) as T;
    }
    return value;
  }
}

/**
 * One per process: the logger is built before the application (and its container) exists, and every
 * way out (logs, responses, queues) must consult the same set of known values.
 */
export const redactor = new Redactor();
