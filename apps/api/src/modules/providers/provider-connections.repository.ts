import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager } from 'typeorm';
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

/** Provider connection rows: queries only. Methods take the transaction's manager inside one. */
@Injectable()
export class ProviderConnectionsRepository extends EntityRepository<ProviderConnectionEntity> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, ProviderConnectionEntity);
  }

  findByName(
    name: string,
    manager?: EntityManager,
  ): Promise<ProviderConnectionEntity | null> {
    return this.repo(manager).findOneBy({ name });
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

  insert(
    values: ConnectionChanges,
    manager: EntityManager,
  ): Promise<ProviderConnectionEntity> {
    const repo = this.repo(manager);
    return repo.save(repo.create(values));
  }

  /** Updates the row and bumps its version; returns the fresh row. */
  update(
    id: string,
    changes: ConnectionChanges,
    manager: EntityManager,
  ): Promise<ProviderConnectionEntity> {
    return updateAndReload(this.repo(manager), id, changes);
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).delete({ id });
  }

  /** Models attached to each connection, in one query. */
  async countModels(
    ids: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; count: string }> = await (
      manager ?? this.dataSource.manager
    ).query(
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
      await this.dataSource.query(
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
