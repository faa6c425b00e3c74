import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import { type UserRole } from '@llm-registry/contracts';
import { containsPattern } from '../../database/like-pattern';
import { AdvisoryLocks } from '../../database/advisory-lock';
import { UserEntity } from './user.entity';
import { EntityRepository } from '../../database/entity-repository';

export interface UserListQuery {
  q?: string;
  role?: UserRole;
  page: number;
  pageSize: number;
}

@Injectable()
export class UsersRepository extends EntityRepository<UserEntity> {
  constructor(
    @InjectTransactions() txHost: Transactions,
    private readonly locks: AdvisoryLocks,
  ) {
    super(txHost, UserEntity);
  }

  /** With the password hash, which no other query selects. */
  findWithPasswordByEmail(email: string): Promise<UserEntity | null> {
    return this.repo()
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
  }

  findWithPasswordById(id: string): Promise<UserEntity | null> {
    return this.repo()
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id })
      .getOne();
  }

  findPage(query: UserListQuery): Promise<[UserEntity[], number]> {
    const qb = this.repo().createQueryBuilder('u');
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.q) {
      qb.andWhere(`(u.email ILIKE :q OR u.display_name ILIKE :q)`, {
        q: containsPattern(query.q),
      });
    }
    return qb
      .orderBy('u.email', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
  }

  count(): Promise<number> {
    return this.repo().count();
  }

  /** Enabled admins other than `exceptId`. */
  countOtherActiveAdmins(exceptId: string): Promise<number> {
    return this.repo()
      .createQueryBuilder('u')
      .where(`u.role = 'admin' AND NOT u.disabled AND u.id <> :exceptId`, {
        exceptId,
      })
      .getCount();
  }

  /** Serialises changes that could remove the last admin (two admins demoting each other at once). */
  async lockAdminSet(): Promise<void> {
    await this.locks.lockUntilCommit('users.admins');
  }

  async insert(values: Partial<UserEntity>): Promise<UserEntity> {
    const repo = this.repo();
    const saved = await repo.save(repo.create(values));
    return repo.findOneByOrFail({ id: saved.id });
  }

  async update(id: string, changes: Partial<UserEntity>): Promise<UserEntity> {
    await this.repo()
      .createQueryBuilder()
      .update()
      .set(changes)
      .where('id = :id', { id })
      .execute();
    return this.repo().findOneByOrFail({ id });
  }

  async touchLastLogin(id: string): Promise<void> {
    await this.repo()
      .createQueryBuilder()
      .update()
      .set({ lastLoginAt: () => 'now()', version: () => 'version' })
      .where('id = :id', { id })
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.repo().delete({ id });
  }
}
