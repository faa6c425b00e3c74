import { Inject, Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import {
  type DeleteModelQuery,
  type Model,
  type ModelReplacement,
  type ModelStatus,
  type UpdateModelStatusRequest,
} from '@llm-registry/contracts';
import { ValidationProblem } from '../../common/problem/problem.exception';
import { AuditService } from '../audit/audit.service';
import { type Retirement } from '../../common/model-guard/guard-messages';
import {
  RETIREMENT_GUARD,
  type RetirementGuard,
  type RetirementImpact,
} from './retirement-guard.port';
import { type ModelEntity } from './model.entity';
import { ModelChangeEvents } from './model-change-events';
import { toModel } from './model.mapper';
import { type ModelChanges, ModelsRepository } from './models.repository';
import { ModelLocks } from './model-locks';
import {
  modelChanges,
  impactChanges,
  modelUpdateEvent,
  type DeletionImpact,
} from './models-audit';

/**
 * Models leaving or changing service: status, deprecation, deletion, and handing their default over.
 * Knowledge bases relying on a model are guarded through the retirement-guard port.
 */
@Injectable()
export class ModelLifecycleService {
  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly models: ModelsRepository,
    private readonly locks: ModelLocks,
    private readonly audit: AuditService,
    @Inject(RETIREMENT_GUARD) private readonly guard: RetirementGuard,
    private readonly changes: ModelChangeEvents,
  ) {}

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
      const event = modelUpdateEvent(
        'model.status_changed',
        before,
        after,
        impact,
      );
      if (event) await this.audit.record(event);
      return after;
    });
    await this.changes.publish([id]);
    return toModel(updated);
  }

  /** Changes the status in the caller's transaction; the caller audits it (bulk runs it in a savepoint). */
  async setStatusIn(
    id: string,
    request: UpdateModelStatusRequest,
  ): Promise<{
    before: ModelEntity;
    after: ModelEntity;
    impact: RetirementImpact | null;
  }> {
    const { status } = request;
    const current = await this.locks.lockForChange(id, request);
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
  async removeIn(
    id: string,
    query: DeleteModelQuery,
  ): Promise<{ removed: ModelEntity; impact: DeletionImpact }> {
    const current = await this.locks.lockForChange(id, query);
    const impact = await this.guard.prepareRetirement(current, 'delete', query);
    const successorOf = await this.models.clearSuccessor(id);
    await this.models.delete(id);
    await this.handOverDefault(impact);
    return { removed: current, impact: { ...impact, successorOf } };
  }

  /** Makes the retiring model's named successor the default, once the retiring one has let go. */
  private async handOverDefault(
    impact: RetirementImpact | null,
  ): Promise<void> {
    if (impact?.newDefault)
      await this.models.update(impact.newDefault.id, { isDefault: true });
  }
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

function unchanged(model: ModelEntity, changes: ModelChanges): boolean {
  return (
    model.status === changes.status &&
    model.successorId === changes.successorId &&
    (model.sunsetAt?.getTime() ?? null) ===
      (changes.sunsetAt?.getTime() ?? null)
  );
}
