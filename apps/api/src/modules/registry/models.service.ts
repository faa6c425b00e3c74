import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import {
  DEFAULT_PAGE_SIZE,
  GLOBAL_SCOPE,
  type BulkActionRequest,
  type BulkActionResponse,
  type BulkItemResult,
  type CreateModelRequest,
  type HealthCheckSettings,
  type Model,
  type ModelListQuery,
  type ModelStatus,
  type ModelType,
  type Page,
  type PublicModel,
  type UpdateModelRequest,
} from '@llm-registry/contracts';
import {
  ProblemException,
  ValidationProblem,
  VersionConflictProblem,
} from '../../common/problem/problem.exception';
import { definedOnly } from '../../common/utils/defined-only';
import { isUniqueViolation } from '../../database/postgres-errors';
import { ProviderConnectionsService } from '../providers/provider-connections.service';
import { type ModelEntity } from './model.entity';
import { toModel, toPublicModel } from './model.mapper';
import { assertValidDefinition } from './model-definition';
import { type ModelChanges, ModelsRepository } from './models.repository';
import { RegistryErrorCode, RegistryException } from './registry.exception';

/** The registry's rules: validation against the catalogue, optimistic locking, one default per type and scope. */
@Injectable()
export class ModelsService {
  constructor(
    private readonly models: ModelsRepository,
    private readonly connections: ProviderConnectionsService,
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
    const status = request.status ?? 'active';
    const scope = request.scope ?? GLOBAL_SCOPE;
    assertValidDefinition(request);
    if (request.isDefault && status !== 'active') {
      throw new ValidationProblem(
        [{ field: 'isDefault', message: 'requires status active' }],
        'Only an active model can be the default.',
      );
    }
    const entity = await this.withNameCheck(request.name, scope, () =>
      this.models.transaction(async (manager) => {
        if (request.providerConnectionId)
          await this.connections.assertUsableBy(
            request.providerConnectionId,
            request.provider,
            manager,
          );
        if (request.isDefault)
          await this.takeDefaultSlot(request.type, scope, null, manager);
        return this.models.insert(
          {
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
          },
          manager,
        );
      }),
    );
    return toModel(entity);
  }

  /** Fields left out keep their value; `params` and `capabilities` are replaced as a whole. */
  async update(id: string, request: UpdateModelRequest): Promise<Model> {
    const { version, healthCheck, ...changes } = request;
    const updated = await this.models.transaction(async (manager) => {
      const current = await this.lockCurrent(id, version, manager);
      const next = { ...current, ...definedOnly(changes) };
      assertValidDefinition(next);
      const connectionTouched =
        changes.providerConnectionId !== undefined ||
        changes.provider !== undefined;
      if (next.providerConnectionId && connectionTouched)
        await this.connections.assertUsableBy(
          next.providerConnectionId,
          next.provider,
          manager,
        );
      return this.withNameCheck(next.name, current.scope, () =>
        this.models.update(
          id,
          {
            ...(definedOnly(changes) as ModelChanges),
            ...healthCheckColumns(healthCheck),
          },
          manager,
        ),
      );
    });
    return toModel(updated);
  }

  /** Leaving `active` also gives up the default: a default must always be usable. */
  async setStatus(
    id: string,
    status: ModelStatus,
    version?: number,
  ): Promise<Model> {
    const updated = await this.models.transaction(async (manager) => {
      const current = await this.lockCurrent(id, version, manager);
      if (current.status === status) return current;
      const changes: ModelChanges = { status };
      if (status !== 'active' && current.isDefault) changes.isDefault = false;
      return this.models.update(id, changes, manager);
    });
    return toModel(updated);
  }

  /** Makes the model the default of its type in its scope, clearing the previous default in the same transaction. */
  async setDefault(id: string, version?: number): Promise<Model> {
    const target = await this.getEntity(id);
    const updated = await this.models.transaction(async (manager) => {
      await this.models.lockDefaultSlot(target.type, target.scope, manager);
      const current = await this.lockCurrent(id, version, manager);
      if (current.status !== 'active') {
        throw new RegistryException(
          RegistryErrorCode.NotActive,
          `Only an active model can be the default; ${current.name} is ${current.status}. Activate it first.`,
        );
      }
      if (current.isDefault) return current;
      await this.models.clearDefault(current.type, current.scope, id, manager);
      return this.models.update(id, { isDefault: true }, manager);
    });
    return toModel(updated);
  }

  async remove(id: string, version?: number): Promise<void> {
    await this.models.transaction(async (manager) => {
      await this.lockCurrent(id, version, manager);
      await this.models.delete(id, manager);
    });
  }

  /** Applies the action to each id on its own, so one failure does not undo the others. */
  async bulk(request: BulkActionRequest): Promise<BulkActionResponse> {
    const results: BulkItemResult[] = [];
    for (const id of new Set(request.ids)) {
      results.push(await this.bulkItem(request.action, id));
    }
    const succeeded = results.filter((r) => r.ok).length;
    return {
      action: request.action,
      succeeded,
      failed: results.length - succeeded,
      results,
    };
  }

  async listActive(
    type: ModelType,
    scope: string,
    page: number,
    pageSize: number,
  ): Promise<Page<PublicModel>> {
    const [rows, total] = await this.models.findActiveForScope(type, scope, {
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
  ): Promise<BulkItemResult> {
    try {
      switch (action) {
        case 'activate':
          await this.setStatus(id, 'active');
          return { id, ok: true, status: 200 };
        case 'deactivate':
          await this.setStatus(id, 'inactive');
          return { id, ok: true, status: 200 };
        case 'delete':
          await this.remove(id);
          return { id, ok: true, status: 204 };
      }
    } catch (error) {
      if (error instanceof ProblemException)
        return { id, ok: false, status: error.status, error: error.detail };
      throw error;
    }
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
    manager: EntityManager,
  ): Promise<ModelEntity> {
    const current = await this.models.findByIdForUpdate(id, manager);
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
    manager: EntityManager,
  ): Promise<void> {
    await this.models.lockDefaultSlot(type, scope, manager);
    await this.models.clearDefault(type, scope, exceptId, manager);
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
