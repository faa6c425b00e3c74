import { type ProxySyncTrigger } from '@llm-registry/contracts';

/** Model jobs: many at once, one at a time per model. */
export const PROXY_SYNC_QUEUE = 'proxy-sync';
/** Reconcile runs: one at a time across every process (the queue's global concurrency is 1). */
export const PROXY_RECONCILE_QUEUE = 'proxy-sync-reconcile';

export const JOB = {
  /** Makes LiteLLM match one model: registers it when active, unregisters it otherwise. */
  mirrorModel: 'mirror-model',
  /** Compares LiteLLM with the registry and applies the differences. */
  reconcile: 'reconcile',
} as const;

/** Only the id: the job reads the model, and resolves its credentials, when it runs. */
export interface MirrorModelJobData {
  modelId: string;
}

/** Manual runs have their row already (the route answered with its id); the others create one. */
export interface ReconcileJobData {
  trigger: ProxySyncTrigger;
  runId?: string;
}

/** Replicas booting together queue one startup run, not one each. */
export const STARTUP_RECONCILE_JOB_ID = 'proxy-sync-startup';
