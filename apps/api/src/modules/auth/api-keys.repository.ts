import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import { IsNull, LessThan, type Repository } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity';

/** How stale `last_used_at` may get: one write per key per minute, not one per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiKeysRepository {
  constructor(@InjectTransactions() private readonly txHost: Transactions) {}

  async insert(values: Partial<ApiKeyEntity>): Promise<ApiKeyEntity> {
    const repo = this.repo();
    const saved = await repo.save(repo.create(values));
    return repo.findOneByOrFail({ id: saved.id });
  }

  findById(id: string): Promise<ApiKeyEntity | null> {
    return this.repo().findOneBy({ id });
  }

  findByHash(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.repo().findOneBy({ keyHash });
  }

  findPage(page: number, pageSize: number): Promise<[ApiKeyEntity[], number]> {
    return this.repo().findAndCount({
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }

  /** False when the key was already revoked. */
  async revoke(id: string): Promise<boolean> {
    const result = await this.repo().update(
      { id, revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
    return (result.affected ?? 0) > 0;
  }

  async touchLastUsed(key: ApiKeyEntity, now = new Date()): Promise<void> {
    if (
      key.lastUsedAt &&
      now.getTime() - key.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS
    )
      return;
    const cutoff = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    await this.repo()
      .createQueryBuilder()
      .update()
      .set({ lastUsedAt: now })
      .where('id = :id', { id: key.id })
      .andWhere([{ lastUsedAt: IsNull() }, { lastUsedAt: LessThan(cutoff) }])
      .execute();
  }

  private repo(): Repository<ApiKeyEntity> {
    return this.txHost.tx.getRepository(ApiKeyEntity);
  }
}
