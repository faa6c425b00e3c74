import { Injectable } from '@nestjs/common';
import {
  MAX_LISTED_DEPENDENTS,
  type FieldError,
  type KnowledgeBaseRole,
  type ModelReplacement,
} from '@llm-registry/contracts';
import { ValidationProblem } from '../../common/problem/problem.exception';
import { ModelLocks } from '../registry/model-locks';
import { type ModelEntity } from '../registry/model.entity';
import { ModelReader, visibleFromAll } from '../registry/model-reader';
import {
  type RetirementGuard,
  type RetirementImpact,
} from '../registry/retirement-guard.port';
import {
  guardMessages,
  type Retirement,
} from '../../common/model-guard/guard-messages';
import { toDependents } from './knowledge-base.mapper';
import {
  KbDependencyErrorCode,
  KbDependencyException,
} from './kb-dependency.exception';
import {
  type DependentRows,
  KnowledgeBasesRepository,
  roleOf,
} from './knowledge-bases.repository';

/** The embedding fields an index is built with: they cannot change under the knowledge bases using it. */
const PINNED_FIELDS = [
  'provider',
  'modelName',
  'providerConnectionId',
] as const satisfies readonly (keyof ModelEntity)[];

/**
 * The rules that keep knowledge bases working while models change. The registry calls them inside its
 * transaction, with the model's row locked, so no binding can appear between the check and the change.
 */
@Injectable()
export class ModelGuardService implements RetirementGuard {
  constructor(
    private readonly knowledgeBases: KnowledgeBasesRepository,
    private readonly models: ModelReader,
    private readonly locks: ModelLocks,
  ) {}

  /**
   * Refuses to delete or deactivate a model knowledge bases rely on unless a replacement is named, and
   * moves them to it. A default with dependents needs `newDefaultId`. Deprecating keeps the bindings.
   */
  async prepareRetirement(
    model: ModelEntity,
    retirement: Retirement,
    replacement: ModelReplacement = {},
  ): Promise<RetirementImpact> {
    const role = roleOf(model.type);
    const dependents = await this.knowledgeBases.dependentsOf(
      model,
      MAX_LISTED_DEPENDENTS,
    );
    const newDefault = await this.checkNewDefault(
      model,
      replacement.newDefaultId,
    );
    const target =
      replacement.reassignTo !== undefined && role
        ? await this.checkReassignTarget(
            model,
            role,
            replacement.reassignTo,
            dependents,
          )
        : null;
    const missing = [
      retirement !== 'deprecate' && dependents.bindings > 0 && !target
        ? guardMessages.bindingsReason(dependents.bindings, model.type)
        : null,
      dependents.defaults > 0 && !newDefault
        ? guardMessages.defaultReason(
            model.type,
            model.scope,
            dependents.defaults,
          )
        : null,
    ].filter((reason): reason is string => reason !== null);
    if (missing.length > 0)
      throw KbDependencyException.guard(
        KbDependencyErrorCode.ModelInUse,
        guardMessages.inUse(retirement, model.name, missing),
        toDependents(dependents, role),
      );
    const reassigned =
      target && role
        ? await this.knowledgeBases.reassign(model.id, target.id, role)
        : [];
    return {
      role,
      reassignedTo: target?.id ?? null,
      reassigned,
      newDefault,
    };
  }

  /** Refuses to change what an embedding index was built with while knowledge bases are bound to it. */
  async assertEmbeddingUnpinned(
    before: ModelEntity,
    after: Pick<ModelEntity, (typeof PINNED_FIELDS)[number] | 'params'>,
  ): Promise<void> {
    if (before.type !== 'embedding') return;
    const changed: FieldError[] = PINNED_FIELDS.filter(
      (field) => before[field] !== after[field],
    ).map((field) => ({ field, message: guardMessages.pinnedField }));
    if (before.params['dimensions'] !== after.params['dimensions'])
      changed.unshift({
        field: 'params.dimensions',
        message: guardMessages.pinnedField,
      });
    if (changed.length === 0) return;
    const dependents = await this.knowledgeBases.dependentsOf(
      { ...before, isDefault: false },
      MAX_LISTED_DEPENDENTS,
    );
    if (dependents.bindings === 0) return;
    throw KbDependencyException.guard(
      KbDependencyErrorCode.EmbeddingPinned,
      guardMessages.pinned(
        changed.map((error) => error.field),
        before.name,
        dependents.bindings,
      ),
      toDependents(dependents, 'embedding'),
      changed,
    );
  }

  /** The named new default: another active model of the same type and scope. */
  private async checkNewDefault(
    model: ModelEntity,
    newDefaultId: string | undefined,
  ): Promise<ModelEntity | null> {
    if (newDefaultId === undefined) return null;
    const refuse = (message: string) =>
      new ValidationProblem([{ field: 'newDefaultId', message }]);
    if (!model.isDefault)
      throw refuse(`cannot apply: ${model.name} is not a default`);
    if (newDefaultId === model.id)
      throw refuse('must name another model than the one leaving');
    const [candidate] = await this.locks.shareRows([newDefaultId]);
    if (!candidate) throw refuse(`no model with id ${newDefaultId}`);
    if (candidate.type !== model.type || candidate.scope !== model.scope)
      throw refuse(
        `must be of type ${model.type} and scope ${model.scope}; ${candidate.name} is of type ${candidate.type} and scope ${candidate.scope}`,
      );
    if (candidate.status !== 'active')
      throw refuse(`must be active; ${candidate.name} is ${candidate.status}`);
    return candidate;
  }

  /** The named replacement: active, same type, visible to every dependent, same dimensions for embeddings. */
  private async checkReassignTarget(
    model: ModelEntity,
    role: KnowledgeBaseRole,
    targetId: string,
    dependents: DependentRows,
  ): Promise<ModelEntity> {
    const refuse = (message: string) =>
      new ValidationProblem([{ field: 'reassignTo', message }]);
    if (targetId === model.id)
      throw refuse('must name another model than the one leaving');
    const [target] = await this.locks.shareRows([targetId]);
    if (!target) throw refuse(`no model with id ${targetId}`);
    if (target.type !== model.type)
      throw refuse(
        `must be of type ${model.type}; ${target.name} is of type ${target.type}`,
      );
    if (target.status !== 'active')
      throw refuse(`must be active; ${target.name} is ${target.status}`);
    const scopes = await this.knowledgeBases.scopesBinding(model.id, role);
    const visible = visibleFromAll(scopes);
    if (scopes.length > 0 && !visible.includes(target.scope))
      throw refuse(
        `${target.name} belongs to scope ${target.scope}; knowledge bases of scope ${scopes.join(', ')} cannot use it`,
      );
    // Only an index of a known size can move: unknown dimensions cannot be shown to match.
    const from = dimensionsOf(model);
    const to = dimensionsOf(target);
    if (
      role === 'embedding' &&
      dependents.bindings > 0 &&
      (from === undefined || from !== to)
    )
      throw KbDependencyException.guard(
        KbDependencyErrorCode.ReindexNeeded,
        guardMessages.reindex(target.name, to, from),
        toDependents(dependents, role),
        [
          {
            field: 'reassignTo',
            message: guardMessages.reindexField(to, from),
          },
        ],
      );
    return target;
  }
}

function dimensionsOf(model: ModelEntity): number | undefined {
  const dimensions = model.params['dimensions'];
  return typeof dimensions === 'number' ? dimensions : undefined;
}
