import { Inject, Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import {
  DEFAULT_PAGE_SIZE,
  GLOBAL_SCOPE,
  type CreateModelRequest,
  type HealthCheckSettings,
  type Model,
  type ModelListQuery,
  type ModelType,
  type Page,
  type PublicModel,
  type UpdateModelRequest,
} from '@llm-registry/contracts';
import { ValidationProblem } from '../../common/problem/problem.exception';
import { definedOnly } from '../../common/utils/defined-only';
import { isUniqueViolation } from '../../database/postgres-errors';
import { AuditService } from '../audit/audit.service';
import {
  RETIREMENT_GUARD,
  type RetirementGuard,
} from './retirement-guard.port';
import { ProviderConnectionsService } from '../providers/provider-connections.service';
import { type ModelEntity } from './model.entity';
import { ModelChangeEvents } from './model-change-events';
import { toModel, toPublicModel } from './model.mapper';
import { assertValidDefinition } from './model-definition';
import { type ModelChanges, ModelsRepository } from './models.repository';
import { RegistryErrorCode, RegistryException } from './registry.exception';
import { ModelLocks } from './model-locks';
import { modelChanges, modelUpdateEvent } from './models-audit';

/** Models: create, read and edit, validated against the catalogue with optimistic locking. */
@Injectable()
export class ModelsService {
  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly models: ModelsRepository,
    private readonly locks: ModelLocks,
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
      await this.locks.takeDefaultSlot(request.type, scope, null);
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
      const current = await this.locks.lockCurrent(id, version);
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
      const event = modelUpdateEvent('model.updated', current, row);
      if (event) await this.audit.record(event);
      return row;
    });
    await this.changes.publish([id]);
    return toModel(updated);
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

  private async getEntity(id: string): Promise<ModelEntity> {
    const entity = await this.models.findById(id);
    if (!entity) throw RegistryException.notFound(id);
    return entity;
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
