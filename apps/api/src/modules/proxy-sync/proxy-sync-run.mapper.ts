import { type ProxySyncRun } from '@llm-registry/contracts';
import { type ProxySyncRunEntity } from './proxy-sync-run.entity';

export function toProxySyncRun(entity: ProxySyncRunEntity): ProxySyncRun {
  return {
    id: entity.id,
    trigger: entity.trigger,
    status: entity.status,
    createdAt: entity.createdAt.toISOString(),
    startedAt: entity.startedAt?.toISOString() ?? null,
    finishedAt: entity.finishedAt?.toISOString() ?? null,
    reads: entity.reads,
    writes: entity.writes,
    driftFound: {
      missing: entity.missingFound,
      changed: entity.changedFound,
      foreign: entity.foreignFound,
    },
    driftFixed: entity.driftFixed,
    failedModels: entity.failedModels,
    error: entity.error,
  };
}
