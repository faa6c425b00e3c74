import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import {
  GLOBAL_SCOPE,
  type ModelListQuery,
  type ModelSortField,
  type ModelType,
} from '@llm-registry/contracts';
import { containsPattern } from '../../database/like-pattern';
import { updateAndReload } from '../../database/update-and-reload';
import { AdvisoryLocks } from '../../database/advisory-lock';
import { defaultSlotKey } from './default-slot';
import { ModelEntity } from './model.entity';
import { servingSql } from './serving.sql';
import { EntityRepository } from '../../database/entity-repository';

export type ModelChanges = Partial<
  Omit<ModelEntity, 'id' | 'createdAt' | 'updatedAt' | 'version'>
>;

const SORT_COLUMNS: Record<ModelSortField, string> = {
  priority: 'm.priority',
  name: 'm.name',
  createdAt: 'm.createdAt',
  updatedAt: 'm.updatedAt',
};

/** The expression the trigram index covers; `q` must search exactly this to use it. */
const SEARCH_DOCUMENT = `(m.name || ' ' || m.model_name || ' ' || coalesce(m.description, ''))`;

/** Model rows: queries only, on the current transaction's manager. */
@Injectable()
export class ModelsRepository extends EntityRepository<ModelEntity> {
  constructor(
    @InjectTransactions() txHost: Transactions,
    private readonly locks: AdvisoryLocks,
  ) {
    super(txHost, ModelEntity);
  }

  async findPage(
    query: Required<
      Pick<ModelListQuery, 'sort' | 'order' | 'page' | 'pageSize'>
    > &
      ModelListQuery,
  ): Promise<[ModelEntity[], number]> {
    const qb = this.repo().createQueryBuilder('m');
    if (query.type) qb.andWhere('m.type = :type', { type: query.type });
    if (query.provider)
      qb.andWhere('m.provider = :provider', { provider: query.provider });
    if (query.providerConnectionId)
      qb.andWhere('m.providerConnectionId = :connectionId', {
        connectionId: query.providerConnectionId,
      });
    if (query.status)
      qb.andWhere('m.status = :status', { status: query.status });
    if (query.scope) qb.andWhere('m.scope = :scope', { scope: query.scope });
    if (query.isDefault !== undefined)
      qb.andWhere('m.isDefault = :isDefault', { isDefault: query.isDefault });
    if (query.q)
      qb.andWhere(`${SEARCH_DOCUMENT} ILIKE :q`, {
        q: containsPattern(query.q),
      });

    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    qb.orderBy(SORT_COLUMNS[query.sort], direction);
    if (query.sort === 'priority') qb.addOrderBy('m.name', direction);
    // A unique tie-breaker keeps pages stable when sort values repeat.
    qb.addOrderBy('m.id', 'ASC');
    qb.skip((query.page - 1) * query.pageSize).take(query.pageSize);
    return qb.getManyAndCount();
  }

  /**
   * Models of a type that serve a scope: the scope's own first, then global; active ones before
   * deprecated ones (still serving until their sunset); each by priority.
   */
  findServingForScope(
    type: ModelType,
    scope: string,
    page: { page: number; pageSize: number },
  ): Promise<[ModelEntity[], number]> {
    const scopes =
      scope === GLOBAL_SCOPE ? [GLOBAL_SCOPE] : [scope, GLOBAL_SCOPE];
    return this.repo()
      .createQueryBuilder('m')
      .where('m.type = :type', { type })
      .andWhere(servingSql('m'))
      .andWhere('m.scope IN (:...scopes)', { scopes })
      .orderBy(`CASE WHEN m.scope = :scope THEN 0 ELSE 1 END`)
      .setParameter('scope', scope)
      .addOrderBy(`CASE WHEN m.status = 'active' THEN 0 ELSE 1 END`)
      .addOrderBy('m.priority', 'ASC')
      .addOrderBy('m.name', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .skip((page.page - 1) * page.pageSize)
      .take(page.pageSize)
      .getManyAndCount();
  }

  findDefault(type: ModelType, scope: string): Promise<ModelEntity | null> {
    return this.repo().findOneBy({ type, scope, isDefault: true });
  }

  hasDefault(type: ModelType, scope: string): Promise<boolean> {
    return this.repo().existsBy({ type, scope, isDefault: true });
  }

  async insert(values: ModelChanges): Promise<ModelEntity> {
    const repo = this.repo();
    return repo.save(repo.create(values));
  }

  /** Updates the row and bumps its version; returns the fresh row. */
  update(id: string, changes: ModelChanges): Promise<ModelEntity> {
    return updateAndReload(this.repo(), id, changes);
  }

  /**
   * Serialises default changes for one (type, scope) until the transaction ends. Without it two
   * concurrent "set default" calls each clear the old default and both insert theirs.
   */
  async lockDefaultSlot(type: ModelType, scope: string): Promise<void> {
    await this.locks.lockUntilCommit(defaultSlotKey(type, scope));
  }

  /** Takes the default slot in shared mode: shared holders run side by side, the slot's changers wait. */
  async shareDefaultSlot(type: ModelType, scope: string): Promise<void> {
    await this.locks.shareLockUntilCommit(defaultSlotKey(type, scope));
  }

  /** Reads the models with a share lock held until the transaction ends, in id order. */
  findByIdsForShare(ids: string[]): Promise<ModelEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo()
      .createQueryBuilder('m')
      .setLock('pessimistic_read')
      .where('m.id IN (:...ids)', { ids })
      .orderBy('m.id')
      .getMany();
  }

  /** Returns the ids that were the default (at most one, by the unique index). */
  async clearDefault(
    type: ModelType,
    scope: string,
    exceptId: string | null,
  ): Promise<string[]> {
    const qb = this.repo()
      .createQueryBuilder()
      .update()
      .set({ isDefault: false })
      .where('type = :type AND scope = :scope AND is_default', { type, scope });
    if (exceptId) qb.andWhere('id <> :exceptId', { exceptId });
    const result = await qb.returning(['id']).execute();
    return (result.raw as { id: string }[]).map((row) => row.id);
  }

  /** Clears the successor of the deprecated models naming this one (bumping their versions); returns their ids. */
  async clearSuccessor(successorId: string): Promise<string[]> {
    const result = await this.repo()
      .createQueryBuilder()
      .update()
      .set({ successorId: null })
      .where('successor_id = :successorId', { successorId })
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[]).map((row) => row.id).sort();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.repo().delete({ id });
    return (result.affected ?? 0) > 0;
  }

  count(): Promise<number> {
    return this.repo().count();
  }

  existsByScopeAndName(scope: string, name: string): Promise<boolean> {
    return this.repo().existsBy({ scope, name });
  }
}
