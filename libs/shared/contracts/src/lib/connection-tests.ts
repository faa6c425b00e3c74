import type { ModelType, ProviderId } from './domain';
import type { ModelParams } from './models';
import type { CreateProviderConnectionRequest } from './providers';

/** Why a connection probe failed; `null` on a result that passed. */
export const PROBE_CATEGORIES = [
  'auth',
  'not_found',
  'rate_limited',
  'quota',
  'timeout',
  'network',
  'bad_response',
  'dimension_mismatch',
  'unsupported',
  /** The registry's egress policy (PROVIDER_EGRESS_DENY) refused the address: nothing was sent. */
  'egress_denied',
  /** The registry refused to send a credential to where the connection points. */
  'credential_origin_refused',
] as const;
export type ProbeCategory = (typeof PROBE_CATEGORIES)[number];

/** What one call to a model told us about its connection. */
export interface ProbeResult {
  status: 'passed' | 'failed';
  /** null when passed. */
  category: ProbeCategory | null;
  /** A human sentence: never a secret or a stack. */
  message: string;
  latencyMs: number;
  details: {
    /** The model name the provider answered with. */
    modelEchoed?: string;
    /** The length of the vector an embedding model returned. */
    dimensions?: number;
    /** The model's `dimensions` param, when set. */
    expectedDimensions?: number;
    outputTokens?: number;
    documentsRanked?: number;
    /** Provider tests: how many models the provider listed. */
    remoteModelCount?: number;
    /** Provider tests without listing: the model that was probed. */
    probedModelId?: string;
    /** Where the test was sent: scheme, host and port only. */
    origin?: string;
  };
}

/** A connection test's life: queued, running, then passed or failed. */
export const CONNECTION_TEST_JOB_STATUSES = [
  'queued',
  'running',
  'passed',
  'failed',
] as const;
export type ConnectionTestJobStatus =
  (typeof CONNECTION_TEST_JOB_STATUSES)[number];

/** What was tested: a saved model, an unsaved draft, or a provider connection as a whole. */
export const CONNECTION_TEST_SUBJECTS = ['model', 'draft', 'provider'] as const;
export type ConnectionTestSubject = (typeof CONNECTION_TEST_SUBJECTS)[number];

/** Who asked: an admin, or the scheduled health checks. */
export const CONNECTION_TEST_TRIGGERS = ['manual', 'scheduled'] as const;
export type ConnectionTestTrigger = (typeof CONNECTION_TEST_TRIGGERS)[number];

/** GET /api/v1/admin/connection-tests/:id and the history lists. */
export interface ConnectionTest {
  id: string;
  status: ConnectionTestJobStatus;
  /** Set when failed; null otherwise. */
  category: ProbeCategory | null;
  /** Null until the test has finished. */
  message: string | null;
  latencyMs: number | null;
  details: ProbeResult['details'];
  subject: ConnectionTestSubject;
  modelId: string | null;
  providerConnectionId: string | null;
  trigger: ConnectionTestTrigger;
  /** Provider calls made, retries included. */
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** The 202 answer to every POST …/test. */
export interface ConnectionTestAccepted {
  id: string;
}

/** An unsaved model, tested before it is saved: through a saved connection, an unsaved one, or both (the draft's fields win). */
export interface DraftConnectionTestRequest {
  type: ModelType;
  provider: ProviderId;
  modelName: string;
  params?: ModelParams;
  providerConnectionId?: string | null;
  /** An unsaved connection; its secrets are stored encrypted for the job and deleted after it. */
  connection?: DraftConnection | null;
}

/** The connection fields of CreateProviderConnectionRequest, without name or state. */
export type DraftConnection = Omit<
  CreateProviderConnectionRequest,
  'name' | 'provider' | 'enabled'
>;

export interface ConnectionTestListQuery {
  status?: ConnectionTestJobStatus;
  trigger?: ConnectionTestTrigger;
  page?: number;
  pageSize?: number;
}

/** Scheduled health checks of one model: every `intervalMinutes`, at most `dailyCap` probes per UTC day. */
export interface HealthCheckSettings {
  intervalMinutes: number;
  dailyCap: number;
}

export const HEALTH_CHECK_LIMITS = {
  minIntervalMinutes: 5,
  maxIntervalMinutes: 10_080,
  minDailyCap: 1,
  maxDailyCap: 288,
} as const;
