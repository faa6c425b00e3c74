import { type PrincipalRole, type UserRole } from '@llm-registry/contracts';

export interface UserPrincipal {
  kind: 'user';
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  sessionId: string;
  /** Cookie sessions must prove CSRF on writes; bearer tokens need not. */
  viaCookie: boolean;
  /** Until the password is changed, only routes marked DuringPasswordChange answer. */
  passwordChangeRequired: boolean;
}

export interface ApiKeyPrincipal {
  kind: 'api_key';
  id: string;
  name: string;
  prefix: string;
  role: Extract<PrincipalRole, 'consumer'>;
  scope: string | null;
}

export type Principal = UserPrincipal | ApiKeyPrincipal;

/** Where the guard leaves the caller on the request. */
export const PRINCIPAL_KEY = 'principal';
