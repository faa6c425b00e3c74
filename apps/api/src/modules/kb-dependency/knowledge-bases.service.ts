import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import {
  DEFAULT_PAGE_SIZE,
  GLOBAL_SCOPE,
  KNOWLEDGE_BASE_ROLES,
  MAX_LISTED_DEPENDENTS,
  type FieldError,
  type KnowledgeBase,
  type KnowledgeBaseListQuery,
  type KnowledgeBaseModel,
  type KnowledgeBaseRole,
  type KnowledgeBaseWithModels,
  type ModelDependents,
  type Page,
  type UpsertKnowledgeBaseRequest,
} from '@llm-registry/contracts';
import { ValidationProblem } from '../../common/problem/problem.exception';
import { diffFields } from '../audit/audit-diff';
import { auditSnapshot } from '../audit/audit-snapshot';
import { AuditService } from '../audit/audit.service';
import { AuthErrorCode, AuthException } from '../auth/auth.exception';
import { type Principal } from '../../common/request-context/principal';
import { ModelLocks } from '../registry/model-locks';
import { type ModelEntity } from '../registry/model.entity';
import { ModelReader } from '../registry/model-reader';
import { RegistryException } from '../registry/registry.exception';
import { bindingProblem } from '../../common/model-guard/guard-messages';
import { type KnowledgeBaseEntity } from './knowledge-base.entity';
import {
  toDependents,
  toKnowledgeBase,
  toKnowledgeBaseModel,
  toReplacementCandidate,
} from './knowledge-base.mapper';
import { KbDependencyException } from './kb-dependency.exception';
import {
  type KnowledgeBaseValues,
  KnowledgeBasesRepository,
  ROLE_PROPERTIES,
  roleOf,
} from './knowledge-bases.repository';

/** Knowledge bases declare the models they use; this keeps those declarations valid. */
@Injectable()
export class KnowledgeBasesService {
  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly knowledgeBases: KnowledgeBasesRepository,
    private readonly models: ModelReader,
    private readonly locks: ModelLocks,
    private readonly audit: AuditService,
  ) {}

  /**
   * Creates or replaces the knowledge base's declaration. Sending the same declaration again changes
   * nothing (no new version, no audit event). Locks are taken in the order model changes take them —
   * default slots, then model rows, then the knowledge base — so a declaration racing a delete or a
   * deactivation waits for it instead of deadlocking, and never ends up pointing at a removed model.
   */
  async upsert(
    principal: Principal,
    id: string,
    request: UpsertKnowledgeBaseRequest,
  ): Promise<{ knowledgeBase: KnowledgeBase; created: boolean }> {
    assertMayManage(principal);
    return this.txHost.withTransaction(async () => {
      // Left out, the scope stays what it is; read unlocked here, and checked again once locked.
      const existing = await this.knowledgeBases.findById(id);
      let values = declaredValues(principal, request, existing);
      // Another scope's model reads as unknown to a scoped key, as a missing one would.
      const named = visibleModels(principal, await this.lockModelsUsed(values));
      let current = await this.knowledgeBases.findByIdForUpdate(id);
      if (!current) {
        assertBindable(named, values, null);
        const inserted = await this.knowledgeBases.insertIfAbsent(id, values);
        if (inserted) {
          await this.recordChange(null, inserted);
          return { knowledgeBase: toKnowledgeBase(inserted), created: true };
        }
        // A concurrent first declaration of the same id won: this one updates it.
        current = await this.knowledgeBases.findByIdForUpdate(id);
        if (!current) throw KbDependencyException.notFound(id);
      }
      assertSameScope(principal, current);
      if (current.scope !== values.scope && request.scope === undefined) {
        // Its scope changed since the unlocked read: declare it in the scope it has now (the named
        // models are the same, and locked already; the new scope's default slots are not).
        values = declaredValues(principal, request, current);
        await this.lockModelsUsed(values);
      }
      assertBindable(named, values, current);
      if (!changed(current, values))
        return { knowledgeBase: toKnowledgeBase(current), created: false };
      const saved = await this.knowledgeBases.update(id, values);
      await this.recordChange(current, saved);
      return { knowledgeBase: toKnowledgeBase(saved), created: false };
    });
  }

  async remove(principal: Principal, id: string): Promise<void> {
    assertMayManage(principal);
    await this.txHost.withTransaction(async () => {
      const current = await this.knowledgeBases.findByIdForUpdate(id);
      if (!current) throw KbDependencyException.notFound(id);
      assertSameScope(principal, current);
      await this.knowledgeBases.delete(id);
      await this.audit.record({
        action: 'knowledge_base.deleted',
        entityType: 'knowledge_base',
        entityId: id,
        changes: knowledgeBaseChanges(current, null),
      });
    });
  }

  /** A page of knowledge bases with the models they use, bound or by default: three queries in all. */
  async list(
    query: KnowledgeBaseListQuery,
  ): Promise<Page<KnowledgeBaseWithModels>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const [rows, total] = await this.knowledgeBases.findPage({
      ...query,
      sort: query.sort ?? 'name',
      order: query.order ?? 'asc',
      page,
      pageSize,
    });
    const bound = await this.models.findByIds([
      ...new Set(rows.flatMap(boundModelIds)),
    ]);
    const byId = new Map(bound.map((model) => [model.id, model]));
    const unboundRoles = KNOWLEDGE_BASE_ROLES.filter((role) =>
      rows.some((row) => row[ROLE_PROPERTIES[role]] === null),
    );
    const defaults = await this.models.findDefaults(
      unboundRoles,
      rows.map((row) => row.scope),
    );
    const items = rows.map((row) => {
      const models = KNOWLEDGE_BASE_ROLES.flatMap((role) =>
        usedModel(row, role, byId, defaults),
      );
      return {
        ...toKnowledgeBase(row),
        models,
        toMigrate: models.filter(
          (model) => model.via === 'binding' && model.status === 'deprecated',
        ),
      };
    });
    return { items, total, page, pageSize };
  }

  /** Who relies on the model, and which models could take over from it. */
  async dependents(modelId: string): Promise<ModelDependents> {
    const [model] = await this.models.findByIds([modelId]);
    if (!model) throw RegistryException.notFound(modelId);
    const rows = await this.knowledgeBases.dependentsOf(
      model,
      MAX_LISTED_DEPENDENTS,
    );
    const { listed, total } = toDependents(rows, roleOf(model.type));
    const replacements = await this.models.findReplacements(
      model,
      listed.map((dependent) => dependent.scope),
    );
    return {
      modelId,
      type: model.type,
      state:
        total === 0
          ? 'unused'
          : model.status === 'deprecated'
            ? 'to_migrate'
            : 'in_use',
      dependents: listed,
      total,
      replacements: replacements.map(toReplacementCandidate),
    };
  }

  /**
   * Share-locks what the declaration relies on until it commits: the default slots of the roles it
   * leaves empty, then the models it names (in id order, so two declarations cannot deadlock).
   * Returns the named models as locked: what they are holds until commit.
   */
  private async lockModelsUsed(
    values: KnowledgeBaseValues,
  ): Promise<Map<string, ModelEntity>> {
    const byDefault = KNOWLEDGE_BASE_ROLES.filter(
      (role) => values[ROLE_PROPERTIES[role]] === null,
    );
    await this.locks.shareDefaultSlots(byDefault, values.scope);
    const locked = await this.locks.shareRows(namedModelIds(values));
    return new Map(locked.map((model) => [model.id, model]));
  }

  private async recordChange(
    before: KnowledgeBaseEntity | null,
    after: KnowledgeBaseEntity,
  ): Promise<void> {
    await this.audit.record({
      action: before ? 'knowledge_base.updated' : 'knowledge_base.created',
      entityType: 'knowledge_base',
      entityId: after.id,
      changes: knowledgeBaseChanges(before, after),
    });
  }
}

/**
 * Each named model must exist, have the role's type, be visible from the scope, and be active; a
 * binding the knowledge base already has may stay on a deprecated model (it is to migrate, not new).
 */
function assertBindable(
  named: Map<string, ModelEntity>,
  values: KnowledgeBaseValues,
  current: KnowledgeBaseEntity | null,
): void {
  const errors: FieldError[] = [];
  for (const role of KNOWLEDGE_BASE_ROLES) {
    const field = ROLE_PROPERTIES[role];
    const id = values[field];
    if (!id) continue;
    const problem = bindingProblem(
      named.get(id),
      role,
      values.scope,
      current?.[field] === id,
    );
    if (problem) errors.push({ field, message: problem });
  }
  if (errors.length > 0) throw new ValidationProblem(errors);
}

/** The declaration as stored: the request's models, in the scope the caller may write. */
function declaredValues(
  principal: Principal,
  request: UpsertKnowledgeBaseRequest,
  existing: KnowledgeBaseEntity | null,
): KnowledgeBaseValues {
  return {
    name: request.name,
    scope: manageableScope(principal, request.scope, existing?.scope),
    embeddingModelId: request.embeddingModelId,
    generationModelId: request.generationModelId ?? null,
    rerankModelId: request.rerankModelId ?? null,
  };
}

function namedModelIds(values: KnowledgeBaseValues): string[] {
  return [
    ...new Set(
      KNOWLEDGE_BASE_ROLES.flatMap(
        (role) => values[ROLE_PROPERTIES[role]] ?? [],
      ),
    ),
  ];
}

/** Admins and API keys manage knowledge bases; viewers only read them. */
function assertMayManage(principal: Principal): void {
  if (principal.kind === 'user' && principal.role !== 'admin')
    throw new AuthException(
      AuthErrorCode.Forbidden,
      'Only admins and API keys manage knowledge bases; viewers read them in the admin area.',
    );
}

/**
 * The scope a knowledge base is written in: a scoped API key's own, else the one asked for, else the
 * one it already has, else global.
 */
function manageableScope(
  principal: Principal,
  requested: string | undefined,
  current: string | undefined,
): string {
  if (principal.kind === 'user' || principal.scope === null)
    return requested ?? current ?? GLOBAL_SCOPE;
  if (requested !== undefined && requested !== principal.scope)
    throw new ValidationProblem([
      {
        field: 'scope',
        message: `must be ${principal.scope}, the scope of this API key`,
      },
    ]);
  return principal.scope;
}

/**
 * A scoped key sees another scope's knowledge base as missing: the same 404 as for an unknown id, so
 * its answers do not tell which ids other scopes use.
 */
function assertSameScope(
  principal: Principal,
  knowledgeBase: KnowledgeBaseEntity,
): void {
  if (!withinReach(principal, knowledgeBase.scope))
    throw KbDependencyException.notFound(knowledgeBase.id);
}

/** Whether the caller may know of something in that scope: a scoped key only of its own. */
function withinReach(principal: Principal, scope: string): boolean {
  return (
    principal.kind !== 'api_key' ||
    principal.scope === null ||
    scope === principal.scope
  );
}

/** The named models a caller may know of: a scoped key sees its scope's and global ones only. */
function visibleModels(
  principal: Principal,
  named: Map<string, ModelEntity>,
): Map<string, ModelEntity> {
  return new Map(
    [...named].filter(
      ([, model]) =>
        model.scope === GLOBAL_SCOPE || withinReach(principal, model.scope),
    ),
  );
}

function boundModelIds(row: KnowledgeBaseEntity): string[] {
  return KNOWLEDGE_BASE_ROLES.flatMap(
    (role) => row[ROLE_PROPERTIES[role]] ?? [],
  );
}

/** The role's model: the bound one, else the scope's default, else the global default. */
function usedModel(
  row: KnowledgeBaseEntity,
  role: KnowledgeBaseRole,
  bound: Map<string, ModelEntity>,
  defaults: ModelEntity[],
): KnowledgeBaseModel[] {
  const boundId = row[ROLE_PROPERTIES[role]];
  const model = boundId ? bound.get(boundId) : undefined;
  if (model) return [toKnowledgeBaseModel(role, 'binding', model)];
  const fallback =
    defaults.find((d) => d.type === role && d.scope === row.scope) ??
    defaults.find((d) => d.type === role && d.scope === GLOBAL_SCOPE);
  return fallback ? [toKnowledgeBaseModel(role, 'default', fallback)] : [];
}

function changed(
  current: KnowledgeBaseEntity,
  values: KnowledgeBaseValues,
): boolean {
  return (Object.keys(values) as (keyof KnowledgeBaseValues)[]).some(
    (key) => current[key] !== values[key],
  );
}

function knowledgeBaseChanges(
  before: KnowledgeBaseEntity | null,
  after: KnowledgeBaseEntity | null,
) {
  const snapshot = (entity: KnowledgeBaseEntity) =>
    auditSnapshot(toKnowledgeBase(entity), [
      'id',
      'createdAt',
      'updatedAt',
      'version',
    ]);
  return diffFields(before && snapshot(before), after && snapshot(after));
}
