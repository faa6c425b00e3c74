import { type ConnectionTest } from '@llm-registry/contracts';
import { type ConnectionTestEntity } from './connection-test.entity';

/** The one place a test row becomes what the API answers: never the draft's fields or secret id. */
export function toConnectionTest(entity: ConnectionTestEntity): ConnectionTest {
  return {
    id: entity.id,
    status: entity.status,
    category: entity.category,
    message: entity.message,
    latencyMs: entity.latencyMs,
    details: entity.details,
    subject: entity.subject,
    modelId: entity.modelId,
    providerConnectionId: entity.providerConnectionId,
    trigger: entity.trigger,
    attempts: entity.attempts,
    createdAt: entity.createdAt.toISOString(),
    startedAt: entity.startedAt?.toISOString() ?? null,
    finishedAt: entity.finishedAt?.toISOString() ?? null,
  };
}
