import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import {
  GLOBAL_SCOPE,
  type DependencyKind,
  type KnowledgeBaseListQuery,
  type KnowledgeBaseRole,
  type KnowledgeBaseSortField,
  type ModelType,
} from '@llm-registry/contracts';
import { EntityRepository } from '../../database/entity-repository';
import { containsPattern } from '../../database/like-pattern';
import { updateAndReload } from '../../database/update-and-reload';
import { ModelReader } from '../registry/model-reader';
import { KnowledgeBaseEntity } from './knowledge-base.entity';

export type KnowledgeBaseValues = Pick<
  KnowledgeBaseEntity,
  'name' | 'scope' | 'embeddingModelId' | 'generationModelId' | 'rerankModelId'
>;

/** The column holding each role's model; the SQL below only ever interpolates these. */
export const ROLE_COLUMNS: Record<KnowledgeBaseRole, string> = {
  embedding: 'embedding_model_id',
  generation: 'generation_model_id',
  rerank: 'rerank_model_id',
};

/** The entity property holding each role's model. */
export const ROLE_PROPERTIES = {
  embedding: 'embeddingModelId',
  generation: 'generationModelId',
  rerank: 'rerankModelId',
} as const satisfies Record<KnowledgeBaseRole, keyof KnowledgeBaseEntity>;

/** The role a model of this type plays in a knowledge base, if any. */
export function roleOf(type: ModelType): KnowledgeBaseRole | null {
  return type === 'ner' ? null : type;
}

const SORT_COLUMNS: Record<KnowledgeBaseSortField, string> = {
  name: 'kb.name',
  createdAt: 'kb.createdAt',
  updatedAt: 'kb.updatedAt',
};

export interface DependentRow {
  id: string;
  name: string;
  scope: string;
  via: DependencyKind;
}

export interface DependentRows {
  rows: DependentRow[];
  bindings: number;
  defaults: number;
}

/** The model whose dependents are asked for: what decides who relies on it. */
export interface DependedModel {
  id: string;
  type: ModelType;
  scope: string;
  isDefault: boolean;
}

/** Knowledge-base rows: queries only, on the current transaction's manager. */
@Injectable()
export class KnowledgeBasesRepository extends EntityRepository<KnowledgeBaseEntity> {
  constructor(
    @InjectTransactions() txHost: Transactions,
    private readonly models: ModelReader,
  ) {
    super(txHost, KnowledgeBaseEntity);
  }

  /**
   * Inserts the knowledge base unless a row with its id exists or is being inserted; null then (a
   * concurrent first declaration won), and the caller locks and updates that row instead.
   */
  async insertIfAbsent(
    id: string,
    values: KnowledgeBaseValues,
  ): Promise<KnowledgeBaseEntity | null> {
    const result = await this.repo()
      .createQueryBuilder()
      .insert()
      .values({ id, ...values })
      .orIgnore()
      .returning('*')
      .execute();
    const [row] = result.raw as Record<string, unknown>[];
    return row ? this.hydrate(row) : null;
  }

  update(
    id: string,
    values: KnowledgeBaseValues,
  ): Promise<KnowledgeBaseEntity> {
    return updateAndReload(this.repo(), id, values);
  }

  async delete(id: string): Promise<void> {
    await this.repo().delete({ id });
  }

  async findPage(
    query: Required<
      Pick<KnowledgeBaseListQuery, 'sort' | 'order' | 'page' | 'pageSize'>
    > &
      KnowledgeBaseListQuery,
  ): Promise<[KnowledgeBaseEntity[], number]> {
    const qb = this.repo().createQueryBuilder('kb');
    if (query.scope) qb.andWhere('kb.scope = :scope', { scope: query.scope });
    if (query.q)
      qb.andWhere(`(kb.name ILIKE :q OR kb.id ILIKE :q)`, {
        q: containsPattern(query.q),
      });
    if (query.modelId)
      qb.andWhere(
        `:modelId IN (kb.embedding_model_id, kb.generation_model_id, kb.rerank_model_id)`,
        { modelId: query.modelId },
      );
    if (query.toMigrate !== undefined)
      // `&&` ignores the null roles, so an unbound knowledge base is never to migrate.
      qb.andWhere(
        `${query.toMigrate ? '' : 'NOT '}(ARRAY[kb.embedding_model_id, kb.generation_model_id, kb.rerank_model_id] && :deprecated::uuid[])`,
        { deprecated: await this.models.idsWithStatus('deprecated') },
      );
    qb.orderBy(
      SORT_COLUMNS[query.sort],
      query.order === 'desc' ? 'DESC' : 'ASC',
    );
    qb.addOrderBy('kb.id', 'ASC');
    qb.skip((query.page - 1) * query.pageSize).take(query.pageSize);
    return qb.getManyAndCount();
  }

  /**
   * Who relies on the model: knowledge bases naming it, and, while it is a default, those leaving its
   * role empty in its scope (a global default also serves scopes that have no default of their own).
   */
  async dependentsOf(
    model: DependedModel,
    limit: number,
  ): Promise<DependentRows> {
    const role = roleOf(model.type);
    if (!role) return { rows: [], bindings: 0, defaults: 0 };
    const column = ROLE_COLUMNS[role];
    const reliesOnDefault = model.isDefault && role !== 'embedding';
    const rows: (DependentRow & { bindings: string; defaults: string })[] =
      await this.manager.query(
        `SELECT id, name, scope, via,
                count(*) FILTER (WHERE via = 'binding') OVER () AS bindings,
                count(*) FILTER (WHERE via = 'default') OVER () AS defaults
           FROM (
             SELECT kb.id, kb.name, kb.scope, 'binding' AS via
               FROM knowledge_bases kb WHERE kb.${column} = $1
             UNION ALL
             SELECT kb.id, kb.name, kb.scope, 'default' AS via
               FROM knowledge_bases kb
              WHERE $2 AND kb.${column} IS NULL
                AND (kb.scope = $3 OR ($3 = $4 AND kb.scope <> ALL($5::text[])))
           ) dependents
          ORDER BY via, id
          LIMIT $6`,
        [
          model.id,
          reliesOnDefault,
          model.scope,
          GLOBAL_SCOPE,
          reliesOnDefault && model.scope === GLOBAL_SCOPE
            ? await this.models.scopesWithDefault(model.type)
            : [],
          limit,
        ],
      );
    return {
      rows: rows.map(({ id, name, scope, via }) => ({ id, name, scope, via })),
      bindings: Number(rows[0]?.bindings ?? 0),
      defaults: Number(rows[0]?.defaults ?? 0),
    };
  }

  /** The distinct scopes of the knowledge bases naming the model. */
  async scopesBinding(
    modelId: string,
    role: KnowledgeBaseRole,
  ): Promise<string[]> {
    const rows: { scope: string }[] = await this.manager.query(
      `SELECT DISTINCT scope FROM knowledge_bases WHERE ${ROLE_COLUMNS[role]} = $1`,
      [modelId],
    );
    return rows.map((row) => row.scope);
  }

  /** Points every knowledge base naming `fromId` at `toId` (bumping their versions); returns those it moved. */
  async reassign(
    fromId: string,
    toId: string,
    role: KnowledgeBaseRole,
  ): Promise<{ id: string; name: string; scope: string }[]> {
    const result = await this.repo()
      .createQueryBuilder()
      .update()
      .set({ [ROLE_PROPERTIES[role]]: toId })
      .where(`${ROLE_COLUMNS[role]} = :fromId`, { fromId })
      .returning(['id', 'name', 'scope'])
      .execute();
    const rows = result.raw as { id: string; name: string; scope: string }[];
    return rows.sort((a, b) => a.id.localeCompare(b.id));
  }
}
