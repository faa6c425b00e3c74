import { type AuditChanges } from '@llm-registry/contracts';
import { diffFields } from '../audit/audit-diff';
import { auditSnapshot } from '../audit/audit-snapshot';
import { type RetirementImpact } from './retirement-guard.port';
import { type ModelEntity } from './model.entity';
import { toModel } from './model.mapper';
import { type AuditEntry } from '../audit/audit.service';

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
export function side(
  changes: AuditChanges,
  which: 'before' | 'after',
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(changes).map(([field, change]) => [field, change[which]]),
  );
}

/** A deletion's impact: the retirement's, and the deprecated models it leaves without a successor. */
export type DeletionImpact = RetirementImpact & { successorOf: string[] };

/**
 * What a retirement did beyond the model: the knowledge bases it moved, the default it handed over,
 * and the deprecated models that lost it as their successor.
 */
export function impactChanges(
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

/** The event of an update-like change; null when nothing changed (nothing to audit). */
export function modelUpdateEvent(
  action: 'model.updated' | 'model.status_changed',
  before: ModelEntity,
  after: ModelEntity,
  impact: RetirementImpact | null = null,
): AuditEntry | null {
  const changes = {
    ...modelChanges(before, after),
    ...impactChanges(before, impact),
  };
  if (Object.keys(changes).length === 0) return null;
  return { action, entityType: 'model', entityId: after.id, changes };
}
