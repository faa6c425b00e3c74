import { timingSafeEqual } from 'node:crypto';
import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type FastifyRequest } from 'fastify';
import {
  API_KEY_PREFIX,
  CSRF_HEADER,
  SESSION_COOKIE,
} from '@llm-registry/contracts';
import {
  ACCESS_KEY,
  allows,
  DURING_PASSWORD_CHANGE_KEY,
  describeAccess,
  isReadMethod,
  requiredAccess,
} from './access';
import { AuthErrorCode, AuthException } from './auth.exception';
import { ApiKeysService } from './api-keys.service';
import {
  type Principal,
  PRINCIPAL_KEY,
} from '../../common/request-context/principal';
import { SessionsService } from './sessions.service';
import { hashToken, SESSION_TOKEN_PREFIX } from './tokens';

type AuthenticatedRequest = FastifyRequest & { [PRINCIPAL_KEY]?: Principal };

/** Every route goes through here (registered globally): who is calling, and may they? */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const declared = this.reflector.getAllAndOverride<
      'public' | 'users' | undefined
    >(ACCESS_KEY, targets);
    const access = requiredAccess(
      request.method,
      request.routeOptions.url ?? request.url,
      declared,
    );
    if (access === 'public') return true;

    const principal = await this.authenticate(request);
    if (!principal) throw AuthException.unauthenticated();
    if (!allows(access, principal)) {
      throw new AuthException(
        AuthErrorCode.Forbidden,
        `This route requires ${describeAccess(access)}.`,
      );
    }
    if (
      principal.kind === 'user' &&
      principal.passwordChangeRequired &&
      !this.reflector.getAllAndOverride<boolean>(
        DURING_PASSWORD_CHANGE_KEY,
        targets,
      )
    ) {
      throw new AuthException(
        AuthErrorCode.PasswordChangeRequired,
        'This password was generated or set by an admin: change it with POST /api/v1/auth/password before anything else.',
      );
    }
    request[PRINCIPAL_KEY] = principal;
    return true;
  }

  private async authenticate(
    request: FastifyRequest,
  ): Promise<Principal | null> {
    const header = request.headers.authorization;
    if (header !== undefined) return this.fromBearer(header);
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return null;
    const session = await this.sessions.authenticate(cookie, true);
    if (!session)
      throw AuthException.unauthenticated(
        'Your session has expired or was ended; sign in again.',
      );
    const { csrfHash, ...principal } = session;
    // A cookie arrives with any request the browser makes; a write must also prove it came from our app.
    if (
      !isReadMethod(request.method) &&
      !csrfMatches(request.headers[CSRF_HEADER], csrfHash)
    ) {
      throw new AuthException(
        AuthErrorCode.CsrfFailed,
        `Send the csrfToken from sign-in in the ${CSRF_HEADER} header.`,
      );
    }
    return principal;
  }

  private async fromBearer(header: string): Promise<Principal> {
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token)
      throw AuthException.unauthenticated(
        'Send credentials as `Authorization: Bearer <token>`.',
      );
    if (token.startsWith(API_KEY_PREFIX))
      return this.apiKeys.authenticate(token);
    if (token.startsWith(SESSION_TOKEN_PREFIX)) {
      const session = await this.sessions.authenticate(token, false);
      if (!session)
        throw AuthException.unauthenticated(
          'The access token has expired or was ended; sign in again.',
        );
      const { csrfHash: _csrfHash, ...principal } = session;
      return principal;
    }
    throw AuthException.unauthenticated(
      'The token is not an API key or an access token.',
    );
  }
}

function csrfMatches(
  header: string | string[] | undefined,
  expectedHash: string,
): boolean {
  if (typeof header !== 'string' || header.length === 0) return false;
  return timingSafeEqual(
    Buffer.from(hashToken(header)),
    Buffer.from(expectedHash),
  );
}
