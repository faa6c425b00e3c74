import { diffFields } from '../audit/audit-diff';
import { type AuditEntry } from '../audit/audit.service';
import { type ProxySyncRunEntity } from './proxy-sync-run.entity';
import { toProxySyncRun } from './proxy-sync-run.mapper';

/** An admin asked for a reconcile. */
export function runRequested(run: ProxySyncRunEntity): AuditEntry {
  return {
    action: 'proxy_sync.requested',
    entityType: 'proxy_sync_run',
    entityId: run.id,
    changes: diffFields(null, { trigger: run.trigger, status: run.status }),
  };
}

/** A reconcile finished: what it read, found, wrote and fixed, or why it failed. */
export function runFinished(run: ProxySyncRunEntity): AuditEntry {
  const { status, reads, writes, driftFound, driftFixed, failedModels, error } =
    toProxySyncRun(run);
  return {
    action: 'proxy_sync.reconciled',
    entityType: 'proxy_sync_run',
    entityId: run.id,
    changes: diffFields(
      { status: 'running' },
      {
        trigger: run.trigger,
        status,
        reads,
        writes,
        driftFound,
        driftFixed,
        failedModels,
        error,
      },
    ),
  };
}
