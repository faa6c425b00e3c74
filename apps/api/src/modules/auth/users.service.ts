import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import {
  DEFAULT_PAGE_SIZE,
  type CreateUserRequest,
  type Page,
  type UpdateUserRequest,
  type User,
  type UserRole,
} from '@llm-registry/contracts';
import {
  ValidationProblem,
  VersionConflictProblem,
} from '../../common/problem/problem.exception';
import { definedOnly } from '../../common/utils/defined-only';
import { isUniqueViolation } from '../../database/postgres-errors';
import { AuditService } from '../audit/audit.service';
import { toUser } from './auth.mapper';
import { AuthErrorCode, AuthException } from './auth.exception';
import { hashPassword, verifyPassword } from './password-hasher';
import { assertStrongPassword } from './password-policy';
import { SessionsRepository } from './sessions.repository';
import { type UserEntity } from './user.entity';
import { passwordChanged, userChanged, userCreated } from './user-audit';
import { UsersRepository } from './users.repository';

/** Users and their passwords; the registry always keeps at least one enabled admin. */
@Injectable()
export class UsersService {
  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
  ) {}

  async create(request: CreateUserRequest): Promise<User> {
    const email = request.email.trim().toLowerCase();
    assertStrongPassword(request.password, 'password', email);
    try {
      const passwordHash = await hashPassword(request.password);
      const entity = await this.txHost.withTransaction(async () => {
        const row = await this.users.insert({
          email,
          displayName: request.displayName.trim(),
          role: request.role,
          passwordHash,
        });
        await this.audit.record(userCreated(row));
        return row;
      });
      return toUser(entity);
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_users_email')) {
        throw new AuthException(
          AuthErrorCode.EmailTaken,
          `A user with email ${email} already exists.`,
          {
            errors: [{ field: 'email', message: 'is already used' }],
          },
        );
      }
      throw error;
    }
  }

  async list(query: {
    q?: string;
    role?: UserRole;
    page?: number;
    pageSize?: number;
  }): Promise<Page<User>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const [rows, total] = await this.users.findPage({
      q: query.q,
      role: query.role,
      page,
      pageSize,
    });
    return { items: rows.map(toUser), total, page, pageSize };
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw notFound(id);
    return toUser(user);
  }

  /** Disabling a user or taking away admin signs them out everywhere. */
  async update(id: string, request: UpdateUserRequest): Promise<User> {
    const { version, ...changes } = request;
    return this.txHost.withTransaction(async () => {
      await this.users.lockAdminSet();
      const current = await this.lockCurrent(id, version);
      const next = { ...current, ...definedOnly(changes) };
      if (losesAdmin(current, next)) await this.assertAnotherAdmin(id);
      const updated = await this.users.update(id, definedOnly(changes));
      if (next.disabled || current.role !== next.role)
        await this.sessions.revokeAllOfUser(id, undefined);
      await this.audit.record(userChanged('user.updated', current, updated));
      return toUser(updated);
    });
  }

  /**
   * An admin sets a new password for someone; their sessions end. The admin knows it, and it reached
   * the user over some other channel, so the user must replace it at their next sign-in.
   */
  async resetPassword(id: string, password: string): Promise<void> {
    const user = await this.users.findById(id);
    if (!user) throw notFound(id);
    assertStrongPassword(password, 'password', user.email);
    const passwordHash = await hashPassword(password);
    await this.txHost.withTransaction(async () => {
      await this.users.update(id, {
        passwordHash,
        passwordChangeRequired: true,
      });
      await this.sessions.revokeAllOfUser(id, undefined);
      await this.audit.record(passwordChanged('user.password_reset', id));
    });
  }

  /** The caller changes their own password; their other sessions end, this one stays. */
  async changeOwnPassword(
    userId: string,
    sessionId: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const user = await this.users.findWithPasswordById(userId);
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new AuthException(
        AuthErrorCode.InvalidCredentials,
        'The current password is incorrect.',
        {
          errors: [{ field: 'currentPassword', message: 'is incorrect' }],
        },
      );
    }
    assertStrongPassword(newPassword, 'newPassword', user.email);
    // The same password again would clear the change requirement without changing anything.
    if (newPassword === currentPassword)
      throw new ValidationProblem([
        {
          field: 'newPassword',
          message: 'must differ from the current password',
        },
      ]);
    const passwordHash = await hashPassword(newPassword);
    await this.txHost.withTransaction(async () => {
      await this.users.update(userId, {
        passwordHash,
        passwordChangeRequired: false,
      });
      await this.sessions.revokeAllOfUser(userId, sessionId);
      await this.audit.record(passwordChanged('auth.password_changed', userId));
    });
  }

  async remove(id: string): Promise<void> {
    await this.txHost.withTransaction(async () => {
      await this.users.lockAdminSet();
      const current = await this.lockCurrent(id, undefined);
      if (current.role === 'admin' && !current.disabled)
        await this.assertAnotherAdmin(id);
      await this.users.delete(id);
      await this.audit.record(userChanged('user.deleted', current, null));
    });
  }

  private async lockCurrent(
    id: string,
    version: number | undefined,
  ): Promise<UserEntity> {
    const current = await this.users.findByIdForUpdate(id);
    if (!current) throw notFound(id);
    if (version !== undefined && version !== current.version) {
      throw new VersionConflictProblem('user', current.version, version);
    }
    return current;
  }

  private async assertAnotherAdmin(id: string): Promise<void> {
    if ((await this.users.countOtherActiveAdmins(id)) === 0) {
      throw new AuthException(
        AuthErrorCode.LastAdmin,
        'This is the last enabled admin: make another user admin first, so the registry is never left without one.',
      );
    }
  }
}

function losesAdmin(
  current: UserEntity,
  next: { role: UserRole; disabled: boolean },
): boolean {
  const wasActiveAdmin = current.role === 'admin' && !current.disabled;
  return wasActiveAdmin && (next.role !== 'admin' || next.disabled);
}

function notFound(id: string): AuthException {
  return new AuthException(
    AuthErrorCode.UserNotFound,
    `No user with id ${id}.`,
  );
}
