import type { DoubleRequest } from './double-definition';

export type KeyCheck = 'ok' | 'missing' | 'wrong';

/** Compares the key a request carries with the expected one; no expected key lets everything in. */
export function checkKey(
  sent: string | undefined,
  expected: string | undefined,
): KeyCheck {
  if (expected === undefined) return 'ok';
  if (!sent) return 'missing';
  return sent === expected ? 'ok' : 'wrong';
}

/** The key of an `Authorization: Bearer <key>` header. */
export function bearerKey(request: DoubleRequest): string | undefined {
  return /^Bearer (.+)$/i.exec(request.headers['authorization'] ?? '')?.[1];
}
