import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import { IsNull, Not } from 'typeorm';
import { SessionEntity } from './session.entity';

@Injectable()
export class SessionsRepository {
  constructor(@InjectTransactions() private readonly txHost: Transactions) {}

  async insert(values: Partial<SessionEntity>): Promise<SessionEntity> {
    const repo = this.txHost.tx.getRepository(SessionEntity);
    return repo.save(repo.create(values));
  }

  /** A live session with its (enabled) user, or null. */
  findLiveByTokenHash(tokenHash: string): Promise<SessionEntity | null> {
    return this.txHost.tx
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
  async revoke(id: string): Promise<boolean> {
    const result = await this.txHost.tx
      .getRepository(SessionEntity)
      .update({ id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    return (result.affected ?? 0) > 0;
  }

  /** Every session of a user, except the one given (a password change keeps the caller signed in). */
  async revokeAllOfUser(userId: string, exceptId?: string): Promise<void> {
    const repo = this.txHost.tx.getRepository(SessionEntity);
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
