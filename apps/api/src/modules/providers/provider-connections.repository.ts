import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import {
  type ConnectionSortField,
  type ProviderConnectionListQuery,
} from '@llm-registry/contracts';
import { containsPattern } from '../../database/like-pattern';
import { updateAndReload } from '../../database/update-and-reload';
import { ProviderConnectionEntity } from './provider-connection.entity';
import { EntityRepository } from '../../database/entity-repository';

export type ConnectionChanges = Partial<
  Omit<
    ProviderConnectionEntity,
    'id' | 'createdAt' | 'updatedAt' | 'version' | 'secret'
  >
>;

const SORT_COLUMNS: Record<ConnectionSortField, string> = {
  name: 'c.name',
  provider: 'c.provider',
  createdAt: 'c.createdAt',
  updatedAt: 'c.updatedAt',
};

/** Provider connection rows: queries only, on the current transaction's manager. */
@Injectable()
export class ProviderConnectionsRepository extends EntityRepository<ProviderConnectionEntity> {
  constructor(@InjectTransactions() txHost: Transactions) {
    super(txHost, ProviderConnectionEntity);
  }

  findByName(name: string): Promise<ProviderConnectionEntity | null> {
    return this.repo().findOneBy({ name });
  }

  findPage(
    query: Required<
      Pick<ProviderConnectionListQuery, 'sort' | 'order' | 'page' | 'pageSize'>
    > &
      ProviderConnectionListQuery,
  ): Promise<[ProviderConnectionEntity[], number]> {
    const qb = this.repo().createQueryBuilder('c');
    if (query.provider)
      qb.andWhere('c.provider = :provider', { provider: query.provider });
    if (query.enabled !== undefined)
      qb.andWhere('c.enabled = :enabled', { enabled: query.enabled });
    if (query.q)
      qb.andWhere(`(c.name || ' ' || coalesce(c.base_url, '')) ILIKE :q`, {
        q: containsPattern(query.q),
      });
    qb.orderBy(
      SORT_COLUMNS[query.sort],
      query.order === 'desc' ? 'DESC' : 'ASC',
    )
      .addOrderBy('c.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    return qb.getManyAndCount();
  }

  insert(values: ConnectionChanges): Promise<ProviderConnectionEntity> {
    const repo = this.repo();
    return repo.save(repo.create(values));
  }

  /** Updates the row and bumps its version; returns the fresh row. */
  update(
    id: string,
    changes: ConnectionChanges,
  ): Promise<ProviderConnectionEntity> {
    return updateAndReload(this.repo(), id, changes);
  }

  async delete(id: string): Promise<void> {
    await this.repo().delete({ id });
  }

  /** Models attached to each connection, in one query. */
  async countModels(ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; count: string }> = await this.manager.query(
      `SELECT provider_connection_id AS id, count(*) AS count FROM models
       WHERE provider_connection_id = ANY($1::uuid[]) GROUP BY provider_connection_id`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, Number(row.count)]));
  }

  /** Models attached to the connection, by the provider's model name. */
  async findModelIdsByName(
    connectionId: string,
  ): Promise<Map<string, string[]>> {
    const rows: Array<{ id: string; model_name: string }> =
      await this.manager.query(
        'SELECT id, model_name FROM models WHERE provider_connection_id = $1',
        [connectionId],
      );
    const byName = new Map<string, string[]>();
    for (const row of rows)
      byName.set(row.model_name, [
        ...(byName.get(row.model_name) ?? []),
        row.id,
      ]);
    return byName;
  }
}
