import {
  type KnowledgeBaseRole,
  type ModelReplacement,
} from '@llm-registry/contracts';
import { type Retirement } from '../../common/model-guard/guard-messages';
import { type ModelEntity } from './model.entity';

/** What a retirement did to the models' dependents, for the audit trail and the caller. */
export interface RetirementImpact {
  role: KnowledgeBaseRole | null;
  reassignedTo: string | null;
  reassigned: { id: string; name: string; scope: string }[];
  /** Validated and share-locked; the registry makes it the default. */
  newDefault: ModelEntity | null;
}

/**
 * The rules others impose on models leaving service or changing under them. The registry calls them
 * inside its transaction with the model's row locked; whoever owns the dependents implements them
 * (kb-dependency), so the registry never imports its dependents.
 */
export interface RetirementGuard {
  /** Refuses the retirement while dependents rely on the model, unless they are handed over. */
  prepareRetirement(
    model: ModelEntity,
    retirement: Retirement,
    replacement?: ModelReplacement,
  ): Promise<RetirementImpact>;

  /** Refuses to change what dependents were built with (an embedding index). */
  assertEmbeddingUnpinned(
    before: ModelEntity,
    after: Pick<
      ModelEntity,
      'provider' | 'modelName' | 'providerConnectionId' | 'params'
    >,
  ): Promise<void>;
}

export const RETIREMENT_GUARD = Symbol('RETIREMENT_GUARD');
