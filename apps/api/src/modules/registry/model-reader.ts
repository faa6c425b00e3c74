import { Injectable } from '@nestjs/common';
import { In, type Repository } from 'typeorm';
import {
  GLOBAL_SCOPE,
  type ModelType,
  type ProxySyncState,
} from '@llm-registry/contracts';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import { ModelEntity } from './model.entity';
import { RegistryException } from './registry.exception';
import { servingSql } from './serving.sql';

/** How many replacement candidates the dependents view offers. */
const MAX_REPLACEMENTS = 50;

/** What a reconcile compares with the model it planned from. */
export interface CurrentModel {
  version: number;
  status: ModelEntity['status'];
  /** Null when the model has no connection. */
  connectionVersion: number | null;
}

/**
 * The reads of `models` other modules need. The registry owns the table: knowledge bases, the LiteLLM
 * mirror and connection tests read models through this class and never query the table themselves.
 * Every read runs in the caller's transaction, if one is open.
 */
@Injectable()
export class ModelReader {
  constructor(@InjectTransactions() private readonly txHost: Transactions) {}

  private repo(): Repository<ModelEntity> {
    return this.txHost.tx.getRepository(ModelEntity);
  }

  /** The model; a registry 404 when it does not exist. */
  async get(id: string): Promise<ModelEntity> {
    const model = await this.repo().findOneBy({ id });
    if (!model) throw RegistryException.notFound(id);
    return model;
  }

  /** The model with its provider connection loaded (null when it has none); a 404 when it does not exist. */
  async getWithConnection(id: string): Promise<ModelEntity> {
    const model = await this.findWithConnection(id);
    if (!model) throw RegistryException.notFound(id);
    return model;
  }

  /** The model and its connection in one query; null once deleted. */
  findWithConnection(id: string): Promise<ModelEntity | null> {
    return this.repo().findOne({
      where: { id },
      relations: { providerConnection: true },
    });
  }

  findByIds(ids: readonly string[]): Promise<ModelEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo().findBy({ id: In([...ids]) });
  }

  /** The model a connection test probes when its provider cannot list models. */
  firstActiveOfConnection(connectionId: string): Promise<ModelEntity | null> {
    return this.repo().findOne({
      where: { providerConnectionId: connectionId, status: 'active' },
      order: { priority: 'ASC', name: 'ASC' },
    });
  }

  /** The defaults of these types in these scopes and globally. */
  findDefaults(types: ModelType[], scopes: string[]): Promise<ModelEntity[]> {
    if (types.length === 0) return Promise.resolve([]);
    return this.repo().findBy({
      type: In(types),
      scope: In([...new Set([...scopes, GLOBAL_SCOPE])]),
      isDefault: true,
    });
  }

  async idsWithStatus(status: ModelEntity['status']): Promise<string[]> {
    const rows = await this.repo().find({
      select: { id: true },
      where: { status },
    });
    return rows.map((row) => row.id);
  }

  /** The scopes that have a default of this type. */
  async scopesWithDefault(type: ModelType): Promise<string[]> {
    const rows = await this.repo().find({
      select: { scope: true },
      where: { type, isDefault: true },
    });
    return rows.map((row) => row.scope);
  }

  /**
   * Active models that could take over from `model` for knowledge bases in these scopes: same type,
   * same dimensions for embeddings, and visible from every one of the scopes.
   */
  findReplacements(
    model: ModelEntity,
    dependentScopes: string[],
  ): Promise<ModelEntity[]> {
    const qb = this.repo()
      .createQueryBuilder('m')
      .where('m.type = :type', { type: model.type })
      .andWhere(`m.status = 'active'`)
      .andWhere('m.id <> :id', { id: model.id });
    qb.andWhere('m.scope IN (:...visible)', {
      visible: visibleFromAll(
        dependentScopes.length > 0 ? dependentScopes : [model.scope],
      ),
    });
    if (model.type === 'embedding')
      qb.andWhere(`m.params->'dimensions' = :dimensions::jsonb`, {
        dimensions: JSON.stringify(model.params['dimensions'] ?? null),
      });
    return qb
      .orderBy('m.priority', 'ASC')
      .addOrderBy('m.name', 'ASC')
      .limit(MAX_REPLACEMENTS)
      .getMany();
  }

  /** Serving models with their connections, by id after `afterId`: a reconcile walks them page by page. */
  pageOfServing(afterId: string | null, limit: number): Promise<ModelEntity[]> {
    const qb = this.repo()
      .createQueryBuilder('m')
      .leftJoinAndSelect('m.providerConnection', 'c')
      .where(servingSql('m'));
    if (afterId) qb.andWhere('m.id > :afterId', { afterId });
    return qb.orderBy('m.id', 'ASC').take(limit).getMany();
  }

  async servingIdsOfConnections(connectionIds: string[]): Promise<string[]> {
    const rows = (await this.txHost.tx.query(
      `SELECT id FROM models m WHERE provider_connection_id = ANY($1::uuid[]) AND ${servingSql('m')}`,
      [connectionIds],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** The current version and status of each of these models that still exists, and its connection's version. */
  async currentOf(ids: readonly string[]): Promise<Map<string, CurrentModel>> {
    const rows = (await this.txHost.tx.query(
      `SELECT m.id, m.version, m.status, c.version AS "connectionVersion"
         FROM models m LEFT JOIN provider_connections c ON c.id = m.provider_connection_id
        WHERE m.id = ANY($1::uuid[])`,
      [ids],
    )) as Array<CurrentModel & { id: string }>;
    return new Map(rows.map(({ id, ...current }) => [id, current]));
  }

  /** How many models the LiteLLM mirror left in each state. */
  async countByProxySyncState(): Promise<Record<ProxySyncState, number>> {
    const rows = (await this.txHost.tx.query(
      `SELECT proxy_sync_state AS state, count(*)::int AS n FROM models
        WHERE proxy_sync_state IS NOT NULL GROUP BY proxy_sync_state`,
    )) as { state: ProxySyncState; n: number }[];
    const counts: Record<ProxySyncState, number> = {
      synced: 0,
      pending: 0,
      error: 0,
      off: 0,
    };
    for (const row of rows) counts[row.state] = row.n;
    return counts;
  }
}

/** The scopes whose models every knowledge base in `scopes` may use: global, plus their scope if they share one. */
export function visibleFromAll(scopes: string[]): string[] {
  const distinct = new Set(scopes);
  const [only] = distinct;
  return distinct.size === 1 && only !== GLOBAL_SCOPE
    ? [GLOBAL_SCOPE, only]
    : [GLOBAL_SCOPE];
}
