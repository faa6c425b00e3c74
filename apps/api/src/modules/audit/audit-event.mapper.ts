import { type AuditEvent } from '@llm-registry/contracts';
import { type AuditEventEntity } from './audit-event.entity';

export function toAuditEvent(entity: AuditEventEntity): AuditEvent {
  return {
    id: entity.id,
    at: entity.at.toISOString(),
    actor: {
      type: entity.actorType,
      id: entity.actorId,
      label: entity.actorLabel,
    },
    action: entity.action,
    entityType: entity.entityType,
    entityId: entity.entityId,
    changes: entity.changes,
    context: entity.context,
    hash: entity.hash,
  };
}
