import { createHash, randomBytes } from 'node:crypto';
import { API_KEY_PREFIX } from '@llm-registry/contracts';

/** Session tokens look different from API keys, so a leaked one is recognisable in a report. */
export const SESSION_TOKEN_PREFIX = 'llmrs_';

/** 256 random bits, URL-safe. */
function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** High-entropy tokens need no slow hash: SHA-256 is enough to make a stolen table useless. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${API_KEY_PREFIX}${randomToken()}`;
  return {
    key,
    prefix: key.slice(0, API_KEY_PREFIX.length + 8),
    hash: hashToken(key),
  };
}

export function newSessionToken(): { token: string; hash: string } {
  const token = `${SESSION_TOKEN_PREFIX}${randomToken()}`;
  return { token, hash: hashToken(token) };
}

export function newCsrfToken(): { token: string; hash: string } {
  const token = randomToken();
  return { token, hash: hashToken(token) };
}

export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
