import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type DataSource,
  type EntityManager,
  Not,
  type Repository,
} from 'typeorm';
import { SecretEntity } from './secret.entity';

@Injectable()
export class SecretsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, manager?: EntityManager): Promise<SecretEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  async save(
    values: Pick<
      SecretEntity,
      'id' | 'keyId' | 'wrappedKey' | 'ciphertext' | 'hints'
    >,
    manager?: EntityManager,
  ): Promise<void> {
    await this.repo(manager).save(this.repo(manager).create(values));
  }

  async delete(id: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).delete({ id });
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
  findBatchNotUnderKey(
    keyId: string,
    limit: number,
    manager: EntityManager,
  ): Promise<SecretEntity[]> {
    return this.repo(manager)
      .createQueryBuilder('s')
      .where('s.key_id <> :keyId', { keyId })
      .orderBy('s.id')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async rewrap(
    id: string,
    keyId: string,
    wrappedKey: string,
    manager: EntityManager,
  ): Promise<void> {
    await this.repo(manager).update({ id }, { keyId, wrappedKey });
  }

  async keyIdsInUse(): Promise<string[]> {
    const rows: Array<{ key_id: string }> = await this.dataSource.query(
      'SELECT DISTINCT key_id FROM secrets',
    );
    return rows.map((r) => r.key_id);
  }

  countNotUnderKey(keyId: string): Promise<number> {
    return this.repo().countBy({ keyId: Not(keyId) });
  }

  private repo(manager?: EntityManager): Repository<SecretEntity> {
    return (manager ?? this.dataSource.manager).getRepository(SecretEntity);
  }
}
