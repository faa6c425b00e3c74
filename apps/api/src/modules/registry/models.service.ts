import { Propagation } from '@nestjs-cls/transactional';
import { Inject, Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import {
  DEFAULT_PAGE_SIZE,
  GLOBAL_SCOPE,
  type BulkActionRequest,
  type BulkActionResponse,
  type BulkItemResult,
  type AuditChanges,
  type AuditFieldChange,
  type CreateModelRequest,
  type DeleteModelQuery,
  type HealthCheckSettings,
  type Model,
  type ModelDependent,
  type ModelListQuery,
  type ModelReplacement,
  type ModelStatus,
  type ModelType,
  type Page,
  type PublicModel,
  type UpdateModelRequest,
  type UpdateModelStatusRequest,
} from '@llm-registry/contracts';
import {
  type ProblemException,
  ValidationProblem,
  VersionConflictProblem,
} from '../../common/problem/problem.exception';
import { asProblem } from '../../common/problem/to-problem';
import { definedOnly } from '../../common/utils/defined-only';
import { isUniqueViolation } from '../../database/postgres-errors';
import { diffFields } from '../audit/audit-diff';
import { auditSnapshot } from '../audit/audit-snapshot';
import { AuditService } from '../audit/audit.service';
import { type Retirement } from '../../common/model-guard/guard-messages';
import {
  RETIREMENT_GUARD,
  type RetirementGuard,
  type RetirementImpact,
} from './retirement-guard.port';
import { ProviderConnectionsService } from '../providers/provider-connections.service';
import { type ModelEntity } from './model.entity';
import { ModelChangeEvents } from './model-change-events';
import { toModel, toPublicModel } from './model.mapper';
import { assertValidDefinition } from './model-definition';
import { type ModelChanges, ModelsRepository } from './models.repository';
import { RegistryErrorCode, RegistryException } from './registry.exception';

/** The registry's rules: validation against the catalogue, optimistic locking, one default per type and scope. */
@Injectable()
export class ModelsService {
  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly models: ModelsRepository,
    private readonly connections: ProviderConnectionsService,
    private readonly audit: AuditService,
    @Inject(RETIREMENT_GUARD) private readonly guard: RetirementGuard,
    private readonly changes: ModelChangeEvents,
  ) {}

  async list(query: ModelListQuery): Promise<Page<Model>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const [rows, total] = await this.models.findPage({
      ...query,
      sort: query.sort ?? 'priority',
      order: query.order ?? 'asc',
      page,
      pageSize,
    });
    return { items: rows.map(toModel), total, page, pageSize };
  }

  async get(id: string): Promise<Model> {
    return toModel(await this.getEntity(id));
  }

  async create(request: CreateModelRequest): Promise<Model> {
    const entity = await this.txHost.withTransaction(async () => {
      const created = await this.createIn(request);
      await this.audit.record({
        action: 'model.created',
        entityType: 'model',
        entityId: created.id,
        changes: modelChanges(null, created),
      });
      return created;
    });
    await this.changes.publish([entity.id]);
    return toModel(entity);
  }

  /**
   * Creates the model in the caller's transaction; the caller audits it. A failure aborts that
   * transaction, so callers creating several run each in a savepoint.
   */
  async createIn(request: CreateModelRequest): Promise<ModelEntity> {
    const status = request.status ?? 'active';
    const scope = request.scope ?? GLOBAL_SCOPE;
    assertValidDefinition(request);
    if (request.isDefault && status !== 'active') {
      throw new ValidationProblem(
        [{ field: 'isDefault', message: 'requires status active' }],
        'Only an active model can be the default.',
      );
    }
    if (request.providerConnectionId)
      await this.connections.assertUsableBy(
        request.providerConnectionId,
        request.provider,
      );
    if (request.isDefault)
      await this.takeDefaultSlot(request.type, scope, null);
    return this.withNameCheck(request.name, scope, () =>
      this.models.insert({
        name: request.name,
        type: request.type,
        provider: request.provider,
        providerConnectionId: request.providerConnectionId ?? null,
        modelName: request.modelName,
        description: request.description ?? null,
        endpoint: request.endpoint ?? null,
        params: request.params ?? {},
        capabilities: request.capabilities ?? [],
        status,
        isDefault: request.isDefault ?? false,
        priority: request.priority ?? 100,
        scope,
        owner: request.owner ?? null,
        inputPricePerMillion: request.inputPricePerMillion ?? null,
        outputPricePerMillion: request.outputPricePerMillion ?? null,
        ...healthCheckColumns(request.healthCheck),
      }),
    );
  }

  /** Fields left out keep their value; `params` and `capabilities` are replaced as a whole. */
  async update(id: string, request: UpdateModelRequest): Promise<Model> {
    const { version, healthCheck, ...changes } = request;
    const updated = await this.txHost.withTransaction(async () => {
      const current = await this.lockCurrent(id, version);
      const next = { ...current, ...definedOnly(changes) };
      assertValidDefinition(next);
      await this.guard.assertEmbeddingUnpinned(current, next);
      const connectionTouched =
        changes.providerConnectionId !== undefined ||
        changes.provider !== undefined;
      if (next.providerConnectionId && connectionTouched)
        await this.connections.assertUsableBy(
          next.providerConnectionId,
          next.provider,
        );
      const row = await this.withNameCheck(next.name, current.scope, () =>
        this.models.update(id, {
          ...(definedOnly(changes) as ModelChanges),
          ...healthCheckColumns(healthCheck),
        }),
      );
      await this.recordChange('model.updated', current, row);
      return row;
    });
    await this.changes.publish([id]);
    return toModel(updated);
  }

  /**
   * Leaving `active` also gives up the default: a default must always be usable. Knowledge bases that
   * rely on the model must be handed to a replacement (see ModelGuardService).
   */
  async setStatus(
    id: string,
    request: UpdateModelStatusRequest,
  ): Promise<Model> {
    const updated = await this.txHost.withTransaction(async () => {
      const { before, after, impact } = await this.setStatusIn(id, request);
      await this.recordChange('model.status_changed', before, after, impact);
      return after;
    });
    await this.changes.publish([id]);
    return toModel(updated);
  }

  private async setStatusIn(
    id: string,
    request: UpdateModelStatusRequest,
  ): Promise<{
    before: ModelEntity;
    after: ModelEntity;
    impact: RetirementImpact | null;
  }> {
    const { status } = request;
    const current = await this.lockForChange(id, request);
    const retirement = retirementOf(status);
    if (!retirement) assertNoReplacement(request);
    const changes: ModelChanges = {
      status,
      ...(await this.deprecationColumns(current, request)),
    };
    if (unchanged(current, changes))
      return { before: current, after: current, impact: null };
    const impact = retirement
      ? await this.guard.prepareRetirement(current, retirement, request)
      : null;
    if (status !== 'active' && current.isDefault) changes.isDefault = false;
    const after = await this.models.update(id, changes);
    await this.handOverDefault(impact);
    return { before: current, after, impact };
  }

  /** `sunsetAt` and `successorId` belong to `deprecated`; any other status clears them. */
  private async deprecationColumns(
    model: ModelEntity,
    request: UpdateModelStatusRequest,
  ): Promise<Pick<ModelChanges, 'sunsetAt' | 'successorId'>> {
    if (request.status !== 'deprecated') {
      const sent = (['sunsetAt', 'successorId'] as const).filter(
        (field) => request[field] !== undefined && request[field] !== null,
      );
      if (sent.length > 0)
        throw new ValidationProblem(
          sent.map((field) => ({
            field,
            message: 'applies only to status deprecated',
          })),
        );
      return { sunsetAt: null, successorId: null };
    }
    const successorId =
      request.successorId === undefined
        ? model.successorId
        : request.successorId;
    if (successorId) await this.assertSuccessor(model, successorId);
    return {
      sunsetAt:
        request.sunsetAt === undefined
          ? model.sunsetAt
          : request.sunsetAt === null
            ? null
            : new Date(request.sunsetAt),
      successorId,
    };
  }

  private async assertSuccessor(
    model: ModelEntity,
    successorId: string,
  ): Promise<void> {
    const refuse = (message: string) =>
      new ValidationProblem([{ field: 'successorId', message }]);
    if (successorId === model.id) throw refuse('cannot be the model itself');
    const successor = await this.models.findById(successorId);
    if (!successor) throw refuse(`no model with id ${successorId}`);
    if (successor.type !== model.type)
      throw refuse(
        `must be of type ${model.type}; ${successor.name} is of type ${successor.type}`,
      );
    if (successor.status !== 'active')
      throw refuse(`must be active; ${successor.name} is ${successor.status}`);
  }

  /** Makes the model the default of its type in its scope, clearing the previous default in the same transaction. */
  async setDefault(id: string, version?: number): Promise<Model> {
    const target = await this.getEntity(id);
    const updated = await this.txHost.withTransaction(async () => {
      await this.models.lockDefaultSlot(target.type, target.scope);
      const current = await this.lockCurrent(id, version);
      if (current.status !== 'active') {
        throw new RegistryException(
          RegistryErrorCode.NotActive,
          `Only an active model can be the default; ${current.name} is ${current.status}. Activate it first.`,
        );
      }
      if (current.isDefault) return current;
      const previous = await this.models.clearDefault(
        current.type,
        current.scope,
        id,
      );
      const row = await this.models.update(id, { isDefault: true });
      await this.audit.record({
        action: 'model.default_changed',
        entityType: 'model',
        entityId: id,
        changes: {
          ...modelChanges(current, row),
          // The slot's previous holder, so the event alone says what was replaced.
          [`default:${current.type}:${current.scope}`]: {
            before: previous[0] ?? null,
            after: id,
          },
        },
      });
      return row;
    });
    await this.changes.publish([id]);
    return toModel(updated);
  }

  /** Knowledge bases relying on the model must be handed to a replacement in the same transaction. */
  async remove(id: string, query: DeleteModelQuery = {}): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const { removed, impact } = await this.removeIn(id, query);
      await this.audit.record({
        action: 'model.deleted',
        entityType: 'model',
        entityId: id,
        changes: {
          ...modelChanges(removed, null),
          ...impactChanges(removed, impact),
        },
      });
    });
    await this.changes.publish([id]);
  }

  /** Deletes the model; deprecated models that named it as their successor are left without one. */
  private async removeIn(
    id: string,
    query: DeleteModelQuery,
  ): Promise<{ removed: ModelEntity; impact: DeletionImpact }> {
    const current = await this.lockForChange(id, query);
    const impact = await this.guard.prepareRetirement(current, 'delete', query);
    const successorOf = await this.models.clearSuccessor(id);
    await this.models.delete(id);
    await this.handOverDefault(impact);
    return { removed: current, impact: { ...impact, successorOf } };
  }

  /**
   * Locks the model's row (checking the version) for a change that may take it out of service. The
   * default slot of its type and scope is locked first, in the order setDefault and knowledge-base
   * declarations take them: while a declaration relies on the slot's default, that default cannot
   * leave, and a leaving default sees every declaration committed before it.
   */
  private async lockForChange(
    id: string,
    request: { version?: number } & ModelReplacement,
  ): Promise<ModelEntity> {
    // Type and scope are fixed at creation, so reading them unlocked is safe.
    const model = await this.models.findById(id);
    if (!model) throw RegistryException.notFound(id);
    await this.models.lockDefaultSlot(model.type, model.scope);
    return this.lockCurrent(id, request.version);
  }

  /** Makes the retiring model's named successor the default, once the retiring one has let go. */
  private async handOverDefault(
    impact: RetirementImpact | null,
  ): Promise<void> {
    if (impact?.newDefault)
      await this.models.update(impact.newDefault.id, { isDefault: true });
  }

  /**
   * Applies the action to each id in a savepoint of its own, so one failure does not undo the others;
   * the whole request is one audit event listing what changed per model.
   */
  async bulk(request: BulkActionRequest): Promise<BulkActionResponse> {
    assertBulkReassignments(request);
    const results: BulkItemResult[] = [];
    await this.txHost.withTransaction(async () => {
      const changes: AuditChanges = {};
      for (const id of new Set(request.ids)) {
        const item = await this.bulkItem(
          request.action,
          id,
          request.reassignTo?.[id],
        );
        results.push(item.result);
        if (item.changed) changes[id] = item.changed;
      }
      if (Object.keys(changes).length > 0)
        await this.audit.record({
          action: 'models.bulk',
          entityType: 'model',
          entityId: null,
          changes,
        });
    });
    await this.changes.publish(results.filter((r) => r.ok).map((r) => r.id));
    const succeeded = results.filter((r) => r.ok).length;
    return {
      action: request.action,
      succeeded,
      failed: results.length - succeeded,
      results,
    };
  }

  async listServing(
    type: ModelType,
    scope: string,
    page: number,
    pageSize: number,
  ): Promise<Page<PublicModel>> {
    const [rows, total] = await this.models.findServingForScope(type, scope, {
      page,
      pageSize,
    });
    return { items: rows.map(toPublicModel), total, page, pageSize };
  }

  /** The scope's default, else the global default. */
  async getDefault(type: ModelType, scope: string): Promise<PublicModel> {
    const found =
      (await this.models.findDefault(type, scope)) ??
      (scope === GLOBAL_SCOPE
        ? null
        : await this.models.findDefault(type, GLOBAL_SCOPE));
    if (!found) {
      const where =
        scope === GLOBAL_SCOPE ? 'globally' : `in scope ${scope} or globally`;
      throw new RegistryException(
        RegistryErrorCode.DefaultNotFound,
        `No default ${type} model is set ${where}. An admin sets one with PATCH /api/v1/admin/models/{id}/default.`,
      );
    }
    return toPublicModel(found);
  }

  private async bulkItem(
    action: BulkActionRequest['action'],
    id: string,
    reassignTo: string | undefined,
  ): Promise<{ result: BulkItemResult; changed?: AuditFieldChange }> {
    try {
      return await this.txHost.withTransaction(Propagation.Nested, async () => {
        if (action === 'delete') {
          const { removed, impact } = await this.removeIn(id, {
            reassignTo,
          });
          const handedOver = impactChanges(removed, impact);
          return {
            result: { id, ok: true, status: 204 },
            changed: {
              before: {
                ...modelSnapshot(removed),
                ...side(handedOver, 'before'),
              },
              after:
                Object.keys(handedOver).length > 0
                  ? side(handedOver, 'after')
                  : null,
            },
          };
        }
        const status = action === 'activate' ? 'active' : 'inactive';
        const { before, after, impact } = await this.setStatusIn(id, {
          status,
          reassignTo,
        });
        const diff = {
          ...modelChanges(before, after),
          ...impactChanges(before, impact),
        };
        return {
          result: { id, ok: true, status: 200 },
          changed:
            Object.keys(diff).length > 0
              ? { before: side(diff, 'before'), after: side(diff, 'after') }
              : undefined,
        };
      });
    } catch (error) {
      // A refusal, or a deadlock PostgreSQL broke: only this item's savepoint is undone.
      const problem = asProblem(error);
      if (problem) return { result: bulkRefusal(id, problem) };
      throw error;
    }
  }

  /** Audits an update-like change unless nothing changed. */
  private async recordChange(
    action: 'model.updated' | 'model.status_changed',
    before: ModelEntity,
    after: ModelEntity,
    impact: RetirementImpact | null = null,
  ): Promise<void> {
    const changes = {
      ...modelChanges(before, after),
      ...impactChanges(before, impact),
    };
    if (Object.keys(changes).length === 0) return;
    await this.audit.record({
      action,
      entityType: 'model',
      entityId: after.id,
      changes,
    });
  }

  /** The model a connection test probes when its provider cannot list models. */
  firstActiveOfConnection(connectionId: string): Promise<ModelEntity | null> {
    return this.models.findFirstActiveByConnection(connectionId);
  }

  async getEntity(id: string): Promise<ModelEntity> {
    const entity = await this.models.findById(id);
    if (!entity) throw RegistryException.notFound(id);
    return entity;
  }

  /** The model with its provider connection loaded (null when it has none). */
  async getEntityWithConnection(id: string): Promise<ModelEntity> {
    const entity = await this.models.findByIdWithConnection(id);
    if (!entity) throw RegistryException.notFound(id);
    return entity;
  }

  /** Locks the row and checks the caller's version, if one was sent. */
  private async lockCurrent(
    id: string,
    version: number | undefined,
  ): Promise<ModelEntity> {
    const current = await this.models.findByIdForUpdate(id);
    if (!current) throw RegistryException.notFound(id);
    if (version !== undefined && version !== current.version) {
      throw new VersionConflictProblem('model', current.version, version);
    }
    return current;
  }

  private async takeDefaultSlot(
    type: ModelType,
    scope: string,
    exceptId: string | null,
  ): Promise<void> {
    await this.models.lockDefaultSlot(type, scope);
    await this.models.clearDefault(type, scope, exceptId);
  }

  /** Turns the unique index on (scope, name) into a 409 naming the field. */
  private async withNameCheck<T>(
    name: string,
    scope: string,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_models_scope_name')) {
        throw new RegistryException(
          RegistryErrorCode.NameTaken,
          `A model named "${name}" already exists in scope ${scope}.`,
          [{ field: 'name', message: `is already used in scope ${scope}` }],
        );
      }
      throw error;
    }
  }
}

/** Left out: unchanged; null: off. */
function healthCheckColumns(
  settings: HealthCheckSettings | null | undefined,
): Pick<ModelChanges, 'healthCheckIntervalMinutes' | 'healthCheckDailyCap'> {
  if (settings === undefined) return {};
  return {
    healthCheckIntervalMinutes: settings?.intervalMinutes ?? null,
    healthCheckDailyCap: settings?.dailyCap ?? null,
  };
}

/** What the audit trail compares: the API's view without ids, timestamps, version or test results. */
export function modelSnapshot(entity: ModelEntity): Record<string, unknown> {
  return auditSnapshot(toModel(entity), [
    'id',
    'createdAt',
    'updatedAt',
    'version',
    'lastTest',
    'proxySync',
  ]);
}

export function modelChanges(
  before: ModelEntity | null,
  after: ModelEntity | null,
): AuditChanges {
  return diffFields(
    before && modelSnapshot(before),
    after && modelSnapshot(after),
  );
}

/** One side of a diff as a plain record of field values. */
function side(
  changes: AuditChanges,
  which: 'before' | 'after',
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(changes).map(([field, change]) => [field, change[which]]),
  );
}

function retirementOf(status: ModelStatus): Retirement | null {
  switch (status) {
    case 'active':
      return null;
    case 'inactive':
      return 'deactivate';
    case 'deprecated':
      return 'deprecate';
  }
}

function assertNoReplacement(replacement: ModelReplacement): void {
  const sent = (['reassignTo', 'newDefaultId'] as const).filter(
    (field) => replacement[field] !== undefined,
  );
  if (sent.length > 0)
    throw new ValidationProblem(
      sent.map((field) => ({
        field,
        message:
          'applies only when a model stops serving (inactive, deprecated or deleted)',
      })),
    );
}

function assertBulkReassignments(request: BulkActionRequest): void {
  const targets = Object.keys(request.reassignTo ?? {});
  if (targets.length === 0) return;
  if (request.action === 'activate')
    throw new ValidationProblem([
      { field: 'reassignTo', message: 'applies to deactivate and delete only' },
    ]);
  const ids = new Set(request.ids);
  const strays = targets.filter((id) => !ids.has(id));
  if (strays.length > 0)
    throw new ValidationProblem(
      strays.map((id) => ({
        field: `reassignTo.${id}`,
        message: 'is not one of ids',
      })),
    );
}

function unchanged(model: ModelEntity, changes: ModelChanges): boolean {
  return (
    model.status === changes.status &&
    model.successorId === changes.successorId &&
    (model.sunsetAt?.getTime() ?? null) ===
      (changes.sunsetAt?.getTime() ?? null)
  );
}

/** A deletion's impact: the retirement's, and the deprecated models it leaves without a successor. */
type DeletionImpact = RetirementImpact & { successorOf: string[] };

/**
 * What a retirement did beyond the model: the knowledge bases it moved, the default it handed over,
 * and the deprecated models that lost it as their successor.
 */
function impactChanges(
  model: ModelEntity,
  impact: RetirementImpact | DeletionImpact | null,
): AuditChanges {
  if (!impact) return {};
  const changes: AuditChanges = {};
  if ('successorOf' in impact && impact.successorOf.length > 0) {
    const naming = (successorId: string | null) =>
      Object.fromEntries(impact.successorOf.map((id) => [id, successorId]));
    changes['deprecatedModels.successorId'] = {
      before: naming(model.id),
      after: naming(null),
    };
  }
  if (impact.role && impact.reassigned.length > 0) {
    const pointingAt = (modelId: string | null) =>
      Object.fromEntries(impact.reassigned.map((kb) => [kb.id, modelId]));
    changes[`knowledgeBases.${impact.role}ModelId`] = {
      before: pointingAt(model.id),
      after: pointingAt(impact.reassignedTo),
    };
  }
  if (impact.newDefault)
    changes[`default:${model.type}:${model.scope}`] = {
      before: model.id,
      after: impact.newDefault.id,
    };
  return changes;
}

/** A refused bulk item: the status, detail and code it would have got alone, and who relies on it. */
function bulkRefusal(id: string, error: ProblemException): BulkItemResult {
  const dependents = error.extensions['dependents'] as
    | ModelDependent[]
    | undefined;
  return {
    id,
    ok: false,
    status: error.status,
    error: error.detail,
    code: error.code,
    ...(dependents ? { dependents } : {}),
  };
}
