import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import { type LoginResponse } from '@llm-registry/contracts';
import { AppConfigService } from '../../config/app-config.service';
import { toUser } from './auth.mapper';
import { AuthErrorCode, AuthException } from './auth.exception';
import { LoginThrottleService } from './login-throttle.service';
import { decoyHash, verifyPassword } from './password-hasher';
import { type UserPrincipal } from '../../common/request-context/principal';
import { SessionsRepository } from './sessions.repository';
import { hashToken, newCsrfToken, newSessionToken } from './tokens';
import { keptEmail } from './typed-email';
import { UsersRepository } from './users.repository';
import { AuditService } from '../audit/audit.service';

/** The same answer whether the email exists, the password is wrong or the account is disabled. */
const SIGN_IN_FAILED = 'Email or password is incorrect.';

export interface ClientInfo {
  ip: string;
  userAgent?: string;
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly throttle: LoginThrottleService,
    private readonly config: AppConfigService,
    private readonly audit: AuditService,
  ) {}

  async login(
    rawEmail: string,
    password: string,
    client: ClientInfo,
  ): Promise<LoginResponse> {
    const email = rawEmail.trim().toLowerCase();
    await this.throttle.assertAllowed(email, client.ip);
    const user = await this.users.findWithPasswordByEmail(email);
    const valid = await verifyPassword(
      password,
      user?.passwordHash ?? (await decoyHash()),
    );
    if (!user || !valid || user.disabled) {
      await this.throttle.recordFailure(email, client.ip);
      // Its own transaction: the request fails, the attempt stays on record.
      await this.txHost.withTransaction(() =>
        this.audit.record({
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          actor: {
            type: 'user',
            id: user?.id ?? null,
            label: keptEmail(email),
          },
        }),
      );
      throw new AuthException(AuthErrorCode.InvalidCredentials, SIGN_IN_FAILED);
    }
    await this.throttle.recordSuccess(email, client.ip);

    const session = newSessionToken();
    const csrf = newCsrfToken();
    const expiresAt = new Date(
      Date.now() + this.config.get('sessionTtlHours') * 3600_000,
    );
    await this.txHost.withTransaction(async () => {
      const row = await this.sessions.insert({
        userId: user.id,
        tokenHash: session.hash,
        csrfHash: csrf.hash,
        expiresAt,
        ip: client.ip.slice(0, 64),
        userAgent: client.userAgent?.slice(0, 300) ?? null,
      });
      await this.users.touchLastLogin(user.id);
      await this.audit.record({
        action: 'auth.login_succeeded',
        entityType: 'session',
        entityId: row.id,
        actor: { type: 'user', id: user.id, label: user.email },
      });
    });
    const fresh = await this.users.findById(user.id);
    return {
      accessToken: session.token,
      expiresAt: expiresAt.toISOString(),
      csrfToken: csrf.token,
      user: toUser(fresh ?? user),
      passwordChangeRequired: user.passwordChangeRequired,
    };
  }

  /** The user behind a session token, or null when it is unknown, expired or revoked. */
  async authenticate(
    token: string,
    viaCookie: boolean,
  ): Promise<(UserPrincipal & { csrfHash: string }) | null> {
    const session = await this.sessions.findLiveByTokenHash(hashToken(token));
    if (!session?.user) return null;
    return {
      kind: 'user',
      id: session.user.id,
      email: session.user.email,
      displayName: session.user.displayName,
      role: session.user.role,
      sessionId: session.id,
      viaCookie,
      passwordChangeRequired: session.user.passwordChangeRequired,
      csrfHash: session.csrfHash,
    };
  }

  async logout(sessionId: string): Promise<void> {
    await this.txHost.withTransaction(async () => {
      if (!(await this.sessions.revoke(sessionId))) return;
      await this.audit.record({
        action: 'auth.logout',
        entityType: 'session',
        entityId: sessionId,
      });
    });
  }
}
