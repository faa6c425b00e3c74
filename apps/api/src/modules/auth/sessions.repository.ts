import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull, Not } from 'typeorm';
import { SessionEntity } from './session.entity';

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(values: Partial<SessionEntity>): Promise<SessionEntity> {
    const repo = this.dataSource.getRepository(SessionEntity);
    return repo.save(repo.create(values));
  }

  /** A live session with its (enabled) user, or null. */
  findLiveByTokenHash(tokenHash: string): Promise<SessionEntity | null> {
    return this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.user', 'u')
      .where('s.token_hash = :tokenHash', { tokenHash })
      .andWhere(
        's.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled',
      )
      .getOne();
  }

  async revoke(id: string): Promise<void> {
    await this.dataSource
      .getRepository(SessionEntity)
      .update({ id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  /** Every session of a user, except the one given (a password change keeps the caller signed in). */
  async revokeAllOfUser(
    userId: string,
    exceptId?: string,
    manager?: EntityManager,
  ): Promise<void> {
    const repo = (manager ?? this.dataSource.manager).getRepository(
      SessionEntity,
    );
    await repo.update(
      {
        userId,
        revokedAt: IsNull(),
        ...(exceptId ? { id: Not(exceptId) } : {}),
      },
      { revokedAt: () => 'now()' },
    );
  }
}
