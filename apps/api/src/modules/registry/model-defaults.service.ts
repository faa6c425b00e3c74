import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import {
  GLOBAL_SCOPE,
  type Model,
  type ModelType,
  type PublicModel,
} from '@llm-registry/contracts';
import { AuditService } from '../audit/audit.service';
import { type ModelEntity } from './model.entity';
import { ModelChangeEvents } from './model-change-events';
import { toModel, toPublicModel } from './model.mapper';
import { ModelsRepository } from './models.repository';
import { RegistryErrorCode, RegistryException } from './registry.exception';
import { ModelLocks } from './model-locks';
import { modelChanges } from './models-audit';

/** One default per type and scope: setting it hands the slot over; reading falls back to global. */
@Injectable()
export class ModelDefaultsService {
  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly models: ModelsRepository,
    private readonly locks: ModelLocks,
    private readonly audit: AuditService,
    private readonly changes: ModelChangeEvents,
  ) {}

  /** Makes the model the default of its type in its scope, clearing the previous default in the same transaction. */
  async setDefault(id: string, version?: number): Promise<Model> {
    const target = await this.getEntity(id);
    const updated = await this.txHost.withTransaction(async () => {
      await this.locks.lockDefaultSlot(target.type, target.scope);
      const current = await this.locks.lockCurrent(id, version);
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

  private async getEntity(id: string): Promise<ModelEntity> {
    const entity = await this.models.findById(id);
    if (!entity) throw RegistryException.notFound(id);
    return entity;
  }
}
