export const USER_ROLES = ['admin', 'viewer'] as const;
export type UserRole = (typeof USER_ROLES)[number];
/** Services authenticate with API keys and get the `consumer` role. */
export type PrincipalRole = UserRole | 'consumer';

export const SESSION_COOKIE = 'llmr_session';
/** Readable by the admin app, which echoes it in the CSRF header on cookie-authenticated writes. */
export const CSRF_COOKIE = 'llmr_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const API_KEY_PREFIX = 'llmr_';
/** The problem code of a call refused until a generated or admin-set password is changed. */
export const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED';

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CreateUserRequest {
  email: string;
  password: string;
  role: UserRole;
  displayName: string;
}

export interface UpdateUserRequest {
  displayName?: string;
  role?: UserRole;
  disabled?: boolean;
  version: number;
}

export interface ResetPasswordRequest {
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  /** Send as `Authorization: Bearer <accessToken>` from scripts. */
  accessToken: string;
  expiresAt: string;
  /** Send in the X-CSRF-Token header on writes authenticated by the session cookie. */
  csrfToken: string;
  user: User;
  /** Signed in with a generated or admin-set password: until it is changed, only the change, sign-out and `me` answer. */
  passwordChangeRequired: boolean;
}

/** Who is calling: a signed-in user or a service's API key. */
export interface Me {
  kind: 'user' | 'api_key';
  id: string;
  name: string;
  email: string | null;
  role: PrincipalRole;
  /** API keys only: the scope they may read (plus global); null reads every scope. */
  scope: string | null;
  /** Users only: the password must be changed before anything else (always false for API keys). */
  passwordChangeRequired: boolean;
}

export type ApiKeyStatus = 'active' | 'expired' | 'revoked';

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scope: string | null;
  status: ApiKeyStatus;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export interface CreateApiKeyRequest {
  name: string;
  scope?: string | null;
  expiresAt?: string | null;
}

/** The only response that ever carries the key. */
export interface CreatedApiKey extends ApiKey {
  key: string;
}

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

const COMMON_PASSWORDS = new Set([
  'password1234',
  'passwordpassword',
  '123456789012',
  'qwertyuiopas',
  'letmein12345',
  'administrator',
  'changeme1234',
  'welcome12345',
]);

/** Why a password is refused, or an empty list. Shared by the API and the admin app's forms. */
export function passwordProblems(
  password: string,
  context: { email?: string } = {},
): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH)
    problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH)
    problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  if (new Set(password).size < 5)
    problems.push('must use at least 5 different characters');
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) problems.push('is too common');
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local))
    problems.push('must not contain your email name');
  return problems;
}
