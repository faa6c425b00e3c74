import { type ProbeResult } from '@llm-registry/contracts';
import { diffFields } from '../audit/audit-diff';
import { type AuditEntry } from '../audit/audit.service';
import { type ConnectionTestEntity } from './connection-test.entity';

/** A test was asked for: what and by which trigger (never a draft's secret, which is only an id). */
export function testRequested(test: ConnectionTestEntity): AuditEntry {
  return {
    action: 'connection_test.requested',
    entityType: 'connection_test',
    entityId: test.id,
    changes: diffFields(null, {
      subject: test.subject,
      trigger: test.trigger,
      modelId: test.modelId,
      providerConnectionId: test.providerConnectionId,
      draftModel: test.draftModel,
    }),
  };
}

/** A test finished: its outcome, from running. */
export function testCompleted(
  test: ConnectionTestEntity,
  result: ProbeResult,
): AuditEntry {
  return {
    action: 'connection_test.completed',
    entityType: 'connection_test',
    entityId: test.id,
    changes: diffFields(
      { status: 'running', category: null, latencyMs: null, message: null },
      {
        status: result.status,
        category: result.category,
        latencyMs: result.latencyMs,
        message: result.message,
      },
    ),
  };
}
