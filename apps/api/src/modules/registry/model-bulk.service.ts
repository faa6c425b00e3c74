import { Propagation } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import {
  type BulkActionRequest,
  type BulkActionResponse,
  type BulkItemResult,
  type AuditChanges,
  type AuditFieldChange,
  type ModelDependent,
} from '@llm-registry/contracts';
import {
  type ProblemException,
  ValidationProblem,
} from '../../common/problem/problem.exception';
import { asProblem } from '../../common/problem/to-problem';
import { AuditService } from '../audit/audit.service';
import { ModelChangeEvents } from './model-change-events';
import {
  modelChanges,
  modelSnapshot,
  impactChanges,
  side,
} from './models-audit';
import { ModelLifecycleService } from './model-lifecycle.service';

/** One action over many models, each in a savepoint of its own, audited as one event. */
@Injectable()
export class ModelBulkService {
  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly lifecycle: ModelLifecycleService,
    private readonly audit: AuditService,
    private readonly changes: ModelChangeEvents,
  ) {}

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

  private async bulkItem(
    action: BulkActionRequest['action'],
    id: string,
    reassignTo: string | undefined,
  ): Promise<{ result: BulkItemResult; changed?: AuditFieldChange }> {
    try {
      return await this.txHost.withTransaction(Propagation.Nested, async () => {
        if (action === 'delete') {
          const { removed, impact } = await this.lifecycle.removeIn(id, {
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
        const { before, after, impact } = await this.lifecycle.setStatusIn(id, {
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
