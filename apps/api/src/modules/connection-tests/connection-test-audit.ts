import { type ProbeResult } from '@llm-registry/contracts';
import { diffFields } from '../audit/audit-diff';
import { type AuditEntry } from '../audit/audit.service';
import { type ConnectionTestEntity } from './connection-test.entity';

/**
 * A test was asked for: what, by which trigger, and the origin it is headed for when known (never a
 * draft's secret, which is only an id, nor a path or query).
 */
export function testRequested(
  test: ConnectionTestEntity,
  origin: string | null = null,
): AuditEntry {
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
      origin,
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
      {
        status: 'running',
        category: null,
        latencyMs: null,
        message: null,
        origin: null,
      },
      {
        status: result.status,
        category: result.category,
        latencyMs: result.latencyMs,
        message: result.message,
        // Where the provider call went; absent when none was made.
        origin: result.details.origin ?? null,
      },
    ),
  };
}
