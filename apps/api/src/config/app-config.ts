import { isAbsolute, join, resolve } from 'node:path';
import {
  type CookieSecure,
  type Environment,
  type LogLevel,
  type NodeEnv,
} from './environment';
import { type TrustProxy } from './trust-proxy';

export type DatabaseMode = 'embedded' | 'postgres';
/** Where BullMQ keeps its jobs: Redis when REDIS_URL is set, else the database. */
export type QueueBackend = 'redis' | 'database';

export interface ConnectionTestSettings {
  concurrency: number;
  /** Tests started per connection per window, across all workers; 0: no limit. */
  rateLimit: number;
  rateWindowMs: number;
  timeoutMs: number;
  attempts: number;
}

export interface HealthCheckConfig {
  enabled: boolean;
  /** How often due checks are looked for. */
  sweepIntervalMs: number;
}

/** The LiteLLM mirror; `litellm` is null (the mirror is off) unless its URL and master key are both set. */
export interface ProxySyncConfig {
  litellm: { url: string; masterKey: string } | null;
  reconcileIntervalMs: number;
  /** LiteLLM calls in flight at once, in a reconcile and across model jobs of one process. */
  concurrency: number;
  /** Deadline of one LiteLLM call. */
  timeoutMs: number;
  /** Tries of a model's job; transient failures only, waiting retryDelayMs, then twice that… */
  attempts: number;
  retryDelayMs: number;
}

/** The typed configuration the application runs with, derived once from the environment. */
export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  databaseMode: DatabaseMode;
  /** Set in postgres mode. */
  databaseUrl?: string;
  databasePoolSize: number;
  migrateOnStart: boolean;
  /** Absolute; the embedded database lives in `<dataDir>/pglite`. */
  dataDir: string;
  /** Absolute; where the audit chain's head is anchored outside the database. Unset: in memory only. */
  auditAnchorFile?: string;
  /** Absolute; the built admin app served at `/` when it holds an index.html. Unset: not served. */
  adminAppDir?: string;
  logLevel: LogLevel;
  logFormat: 'json' | 'pretty';
  seedOnStart: boolean;
  /** Bootstrap admin; the password is absent when it should be generated. */
  adminEmail: string;
  adminPassword?: string;
  sessionTtlHours: number;
  /** `auto`: Secure on requests served over HTTPS. */
  cookieSecure: CookieSecure;
  corsOrigins: string[];
  trustProxy: TrustProxy;
  /** Primary master key (base64); unset in embedded mode means a generated keyring file in DATA_DIR. */
  masterKey?: string;
  previousMasterKeys: string[];
  /** What `*_env` references may name: variable names, or prefixes ending in `*`. */
  envAllowlist: string[];
  /** CIDR ranges provider calls may not connect to, added to the built-in DEFAULT_EGRESS_DENY. */
  egressDeny: string[];
  queueBackend: QueueBackend;
  redisUrl?: string;
  /** Namespaces this registry's jobs in a shared Redis. */
  queuePrefix: string;
  /** Whether this process runs the job processors (the worker always does). */
  runProcessors: boolean;
  connectionTests: ConnectionTestSettings;
  healthChecks: HealthCheckConfig;
  proxySync: ProxySyncConfig;
}

/** The variables provider SDKs conventionally read; anything else must be allowed explicitly. */
export const DEFAULT_ENV_ALLOWLIST = [
  'OPENAI_*',
  'AZURE_OPENAI_*',
  'ANTHROPIC_*',
  'GOOGLE_API_KEY',
  'GEMINI_*',
  'COHERE_*',
  'CO_API_KEY',
  'OLLAMA_*',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_BEARER_TOKEN_BEDROCK',
  'FIREWORKS_*',
];

/** The embedded mode's audit anchor, in DATA_DIR. */
export const AUDIT_ANCHOR_FILE = 'audit-anchor.json';

export const DEFAULT_ADMIN_EMAIL = 'admin@llm-registry.local';

export function toAppConfig(env: Environment, cwd = process.cwd()): AppConfig {
  const databaseMode: DatabaseMode = env.DATABASE_URL ? 'postgres' : 'embedded';
  const dataDir = isAbsolute(env.DATA_DIR)
    ? env.DATA_DIR
    : resolve(cwd, env.DATA_DIR);
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    databaseMode,
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    migrateOnStart:
      databaseMode === 'embedded' || env.DATABASE_MIGRATE_ON_START,
    dataDir,
    auditAnchorFile: env.AUDIT_ANCHOR
      ? resolve(cwd, env.AUDIT_ANCHOR)
      : databaseMode === 'embedded'
        ? join(dataDir, AUDIT_ANCHOR_FILE)
        : undefined,
    adminAppDir: resolve(cwd, env.ADMIN_APP_DIR),
    logLevel: env.LOG_LEVEL,
    logFormat:
      env.LOG_FORMAT ?? (env.NODE_ENV === 'production' ? 'json' : 'pretty'),
    seedOnStart: env.SEED_ON_START,
    adminEmail: (env.ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL).toLowerCase(),
    adminPassword: env.ADMIN_PASSWORD,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    cookieSecure: env.COOKIE_SECURE,
    corsOrigins: env.CORS_ORIGINS
      ? env.CORS_ORIGINS.split(',').map((o) => o.trim())
      : [],
    trustProxy: env.TRUST_PROXY,
    masterKey: env.REGISTRY_MASTER_KEY,
    previousMasterKeys: env.REGISTRY_MASTER_KEY_PREVIOUS?.split(',') ?? [],
    envAllowlist:
      env.REGISTRY_ENV_ALLOWLIST?.split(',').map((entry) => entry.trim()) ??
      DEFAULT_ENV_ALLOWLIST,
    egressDeny:
      env.PROVIDER_EGRESS_DENY?.split(',').map((range) => range.trim()) ?? [],
    queueBackend: env.REDIS_URL ? 'redis' : 'database',
    redisUrl: env.REDIS_URL,
    queuePrefix: env.QUEUE_PREFIX,
    runProcessors: env.JOB_PROCESSORS,
    connectionTests: {
      concurrency: env.CONNECTION_TEST_CONCURRENCY,
      rateLimit: env.CONNECTION_TEST_RATE_LIMIT,
      rateWindowMs: env.CONNECTION_TEST_RATE_WINDOW_SECONDS * 1000,
      timeoutMs: env.CONNECTION_TEST_TIMEOUT_MS,
      attempts: env.CONNECTION_TEST_ATTEMPTS,
    },
    healthChecks: {
      enabled: env.HEALTH_CHECKS_ENABLED,
      sweepIntervalMs: 60_000,
    },
    proxySync: {
      litellm:
        env.LITELLM_URL && env.LITELLM_MASTER_KEY
          ? {
              url: env.LITELLM_URL.replace(/\/+$/, ''),
              masterKey: env.LITELLM_MASTER_KEY,
            }
          : null,
      reconcileIntervalMs: env.LITELLM_RECONCILE_INTERVAL_SECONDS * 1000,
      concurrency: env.LITELLM_SYNC_CONCURRENCY,
      timeoutMs: env.LITELLM_TIMEOUT_MS,
      attempts: 6,
      retryDelayMs: 2000,
    },
  };
}
