import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import { In } from 'typeorm';
import { GLOBAL_SCOPE, type ModelType } from '@llm-registry/contracts';
import { ModelEntity } from '../registry/model.entity';

/** How many replacement candidates the dependents view offers. */
const MAX_CANDIDATES = 50;

/**
 * The model rows knowledge bases refer to, read-only: the registry owns them, this module only checks
 * what a binding or a replacement may point at.
 */
@Injectable()
export class ModelReferencesRepository {
  constructor(@InjectTransactions() private readonly txHost: Transactions) {}

  findByIds(ids: string[]): Promise<ModelEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.txHost.tx.getRepository(ModelEntity).findBy({ id: In(ids) });
  }

  /** The defaults of these types in these scopes and globally. */
  findDefaults(types: ModelType[], scopes: string[]): Promise<ModelEntity[]> {
    if (types.length === 0) return Promise.resolve([]);
    return this.txHost.tx.getRepository(ModelEntity).findBy({
      type: In(types),
      scope: In([...new Set([...scopes, GLOBAL_SCOPE])]),
      isDefault: true,
    });
  }

  /**
   * Active models that could take over from `model` for knowledge bases in these scopes: same type,
   * same dimensions for embeddings, and visible from every one of the scopes.
   */
  findReplacements(
    model: ModelEntity,
    dependentScopes: string[],
  ): Promise<ModelEntity[]> {
    const qb = this.txHost.tx
      .getRepository(ModelEntity)
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
      .limit(MAX_CANDIDATES)
      .getMany();
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
