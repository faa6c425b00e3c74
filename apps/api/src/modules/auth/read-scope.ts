import { GLOBAL_SCOPE } from '@llm-registry/contracts';
import { AuthErrorCode, AuthException } from './auth.exception';
import { type Principal } from '../../common/request-context/principal';

/**
 * The scope a caller reads. A scoped API key reads its own scope (plus global, through the fallback)
 * and is refused any other; users and unscoped keys read whatever they ask for.
 */
export function readScope(
  principal: Principal,
  requested: string | undefined,
): string {
  if (principal.kind !== 'api_key' || principal.scope === null)
    return requested ?? GLOBAL_SCOPE;
  if (requested === undefined || requested === principal.scope)
    return principal.scope;
  if (requested === GLOBAL_SCOPE) return GLOBAL_SCOPE;
  throw new AuthException(
    AuthErrorCode.Forbidden,
    `This API key reads scope ${principal.scope} (and global) only, not ${requested}.`,
  );
}
