const LOOKS_LIKE_EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;

/**
 * What was typed into the sign-in email field, fit to keep: people type passwords there, so anything
 * that is not an address is kept only as this placeholder (it can match no account anyway).
 */
export function keptEmail(typed: string): string {
  return LOOKS_LIKE_EMAIL.test(typed) ? typed : '(not an email address)';
}
