import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull, Not } from 'typeorm';
import { SessionEntity } from './session.entity';

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(
    values: Partial<SessionEntity>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SessionEntity> {
    const repo = manager.getRepository(SessionEntity);
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

  /** False when the session had already ended. */
  async revoke(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(SessionEntity)
      .update({ id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    return (result.affected ?? 0) > 0;
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
