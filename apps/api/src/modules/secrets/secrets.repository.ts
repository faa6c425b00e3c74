import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import { Not, type Repository } from 'typeorm';
import { SecretEntity } from './secret.entity';

@Injectable()
export class SecretsRepository {
  constructor(@InjectTransactions() private readonly txHost: Transactions) {}

  findById(id: string): Promise<SecretEntity | null> {
    return this.repo().findOneBy({ id });
  }

  async save(
    values: Pick<
      SecretEntity,
      'id' | 'keyId' | 'wrappedKey' | 'ciphertext' | 'hints'
    >,
  ): Promise<void> {
    await this.repo().save(this.repo().create(values));
  }

  async delete(id: string): Promise<void> {
    await this.repo().delete({ id });
  }

  async findHints(
    ids: readonly string[],
  ): Promise<Map<string, Record<string, string>>> {
    if (ids.length === 0) return new Map();
    const rows = await this.repo()
      .createQueryBuilder('s')
      .select(['s.id', 's.hints'])
      .where('s.id IN (:...ids)', { ids })
      .getMany();
    return new Map(rows.map((row) => [row.id, row.hints]));
  }

  /** A batch of secrets not yet under `keyId`, locked; rows another rotation holds are skipped. */
  findBatchNotUnderKey(keyId: string, limit: number): Promise<SecretEntity[]> {
    return this.repo()
      .createQueryBuilder('s')
      .where('s.key_id <> :keyId', { keyId })
      .orderBy('s.id')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async rewrap(id: string, keyId: string, wrappedKey: string): Promise<void> {
    await this.repo().update({ id }, { keyId, wrappedKey });
  }

  async keyIdsInUse(): Promise<string[]> {
    const rows: Array<{ key_id: string }> = await this.txHost.tx.query(
      'SELECT DISTINCT key_id FROM secrets',
    );
    return rows.map((r) => r.key_id);
  }

  countNotUnderKey(keyId: string): Promise<number> {
    return this.repo().countBy({ keyId: Not(keyId) });
  }

  private repo(): Repository<SecretEntity> {
    return this.txHost.tx.getRepository(SecretEntity);
  }
}
