import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { ADMIN_API } from '../../common/routes';
import { type Principal } from '../../common/request-context/principal';

/**
 * What a route requires. The admin area is decided by path alone, so a new admin route is protected
 * without anyone remembering a decorator; everything else needs a signed-in principal unless marked.
 */
export type Access =
  | 'public'
  | 'authenticated'
  | 'users'
  | 'admin-read'
  | 'admin-write';
type DeclaredAccess = Extract<Access, 'public' | 'users'>;

export const ACCESS_KEY = 'auth:access';
/** Mirrors the declaration into the OpenAPI document, where the docs post-processing reads it. */
export const ACCESS_EXTENSION = 'x-access';

function declare(access: DeclaredAccess): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_KEY, access),
    ApiExtension(ACCESS_EXTENSION, access),
  );
}

/** No credentials needed (login, health). Ignored inside the admin area. */
export const Public = () => declare('public');
/** Signed-in users only, not API keys (own password, logout). */
export const UsersOnly = () => declare('users');

export const DURING_PASSWORD_CHANGE_KEY = 'auth:during-password-change';
/** Answers a user who must change their password first (the change itself, sign-out, who am I). */
export const DuringPasswordChange = () =>
  SetMetadata(DURING_PASSWORD_CHANGE_KEY, true);

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ADMIN_PREFIX = `/${ADMIN_API}/`;

export function isReadMethod(method: string): boolean {
  return READ_METHODS.has(method.toUpperCase());
}

export function requiredAccess(
  method: string,
  path: string,
  declared?: DeclaredAccess,
): Access {
  if (path.startsWith(ADMIN_PREFIX))
    return isReadMethod(method) ? 'admin-read' : 'admin-write';
  return declared ?? 'authenticated';
}

export function allows(access: Access, principal: Principal | null): boolean {
  switch (access) {
    case 'public':
      return true;
    case 'authenticated':
      return principal !== null;
    case 'users':
      return principal?.kind === 'user';
    case 'admin-read':
      return (
        principal?.kind === 'user' &&
        (principal.role === 'admin' || principal.role === 'viewer')
      );
    case 'admin-write':
      return principal?.kind === 'user' && principal.role === 'admin';
  }
}

/** For error messages and the docs: who may call a route. */
export function describeAccess(access: Access): string {
  switch (access) {
    case 'public':
      return 'no authentication';
    case 'authenticated':
      return 'any signed-in user or API key';
    case 'users':
      return 'a signed-in user (admin or viewer)';
    case 'admin-read':
      return 'role admin or viewer';
    case 'admin-write':
      return 'role admin';
  }
}
