/**
 * Where a model stands in the LiteLLM mirror: `synced` (LiteLLM serves what the registry says, or
 * nothing for a model that is not serving), `pending` (a change is on its way), `error` (the last
 * attempt failed; `lastError` says why), `off` (the mirror was turned off after the model was mirrored).
 */
export const PROXY_SYNC_STATES = ['synced', 'pending', 'error', 'off'] as const;
export type ProxySyncState = (typeof PROXY_SYNC_STATES)[number];

/** A model's mirror state; `null` on a model that was never mirrored. */
export interface ModelProxySync {
  state: ProxySyncState;
  /** Why the last attempt failed, scrubbed of credentials; null unless `error`. */
  lastError: string | null;
  /** ISO 8601: when LiteLLM last matched the registry for this model. */
  lastSyncedAt: string | null;
}

/** What started a reconcile run. */
export const PROXY_SYNC_TRIGGERS = ['startup', 'scheduled', 'manual'] as const;
export type ProxySyncTrigger = (typeof PROXY_SYNC_TRIGGERS)[number];

export const PROXY_SYNC_RUN_STATUSES = [
  'queued',
  'running',
  'succeeded',
  'failed',
] as const;
export type ProxySyncRunStatus = (typeof PROXY_SYNC_RUN_STATUSES)[number];

/** Differences a run found between the registry and LiteLLM. */
export interface ProxySyncDrift {
  /** Serving models LiteLLM does not serve. */
  missing: number;
  /** Deployments that differ from what the registry would send. */
  changed: number;
  /** `db-*` deployments that belong to no serving model. */
  foreign: number;
}

/** One reconcile: LiteLLM read once, only the differences written. */
export interface ProxySyncRun {
  id: string;
  trigger: ProxySyncTrigger;
  status: ProxySyncRunStatus;
  /** ISO 8601. */
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Calls that read LiteLLM's state (list pages, and look-ups after an ambiguous create). */
  reads: number;
  /** Calls that changed LiteLLM (create, update, delete). */
  writes: number;
  driftFound: ProxySyncDrift;
  /** Differences repaired by this run. */
  driftFixed: number;
  /** Models left in `error` by this run. */
  failedModels: number;
  /** Why the run as a whole failed (LiteLLM unreachable, say); null otherwise. */
  error: string | null;
}

/** `GET /api/v1/admin/proxy-sync`. */
export interface ProxySyncStatus {
  /** On when LITELLM_URL and LITELLM_MASTER_KEY are set. */
  enabled: boolean;
  /** The proxy's address; null when off. */
  litellmUrl: string | null;
  /** How often the scheduled reconcile runs; null when off. */
  reconcileIntervalSeconds: number | null;
  /** Models per mirror state. */
  models: Record<ProxySyncState, number>;
  lastRun: ProxySyncRun | null;
}

/** `POST /api/v1/admin/proxy-sync/reconcile`: poll `GET …/proxy-sync/runs/{id}`. */
export interface ProxySyncRunAccepted {
  id: string;
}
