import { parseCidr } from '@llm-registry/providers';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  validateSync,
  type ValidationError,
} from 'class-validator';
import {
  MAX_PROXY_HOPS,
  parseTrustProxy,
  type TrustProxy,
} from './trust-proxy';

/** 32 bytes in base64: 43 characters and one `=`. */
const KEY = '[A-Za-z0-9+/]{43}=';
const BASE64_32_BYTES = new RegExp(`^${KEY}$`);
const BASE64_32_BYTES_LIST = new RegExp(`^${KEY}(,${KEY})*$`);

export const LOG_LEVELS = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const COOKIE_SECURE_MODES = ['auto', true, false] as const;
export type CookieSecure = (typeof COOKIE_SECURE_MODES)[number];
export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** The first entry of a comma-separated CIDR list that does not parse, with why; null when all do. */
function badCidr(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a string';
  for (const entry of value.split(',')) {
    try {
      parseCidr(entry);
    } catch (error) {
      return (error as Error).message;
    }
  }
  return null;
}

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim())
    ? Number(value)
    : value;
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return value;
};

/** `NAME`, `PREFIX_*`, either with `@http(s)://host[:port]` (a `*.` label allowed in the host). */
const ALLOWLIST_ENTRY = String.raw`[A-Z_][A-Z0-9_]*\*?(@https?://[A-Za-z0-9*.\-]+(:\d+)?|@https?://\[[0-9A-Fa-f:]+\](:\d+)?)?`;

/**
 * The process environment as the API reads it. Every variable is listed here with what it accepts;
 * nothing else in the code reads `process.env`.
 */
export class Environment {
  @IsIn(NODE_ENVS, { message: `must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV: NodeEnv = 'development';

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 65535' })
  @Min(1, { message: 'must be an integer between 1 and 65535' })
  @Max(65535, { message: 'must be an integer between 1 and 65535' })
  PORT = 3000;

  @IsString()
  @MinLength(1, { message: 'must be a host name or address to listen on' })
  HOST = '127.0.0.1';

  /** Full mode: PostgreSQL. Unset: embedded PGlite under DATA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'must be a postgres:// or postgresql:// connection URL',
  })
  DATABASE_URL?: string;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 100' })
  @Min(1, { message: 'must be an integer between 1 and 100' })
  @Max(100, { message: 'must be an integer between 1 and 100' })
  DATABASE_POOL_SIZE = 10;

  /** Full mode only: apply pending migrations at boot instead of refusing to start. */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  DATABASE_MIGRATE_ON_START = false;

  @IsString()
  @MinLength(1, { message: 'must be a directory path' })
  DATA_DIR = './data';

  /**
   * File that keeps the audit chain's head outside the database, so removing the newest events is
   * detected across restarts. Embedded mode defaults to DATA_DIR/audit-anchor.json.
   */
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must be a file path' })
  AUDIT_ANCHOR?: string;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  /** Defaults to json in production and pretty elsewhere. */
  @IsOptional()
  @IsIn(['json', 'pretty'], { message: 'must be json or pretty' })
  LOG_FORMAT?: 'json' | 'pretty';

  /** First start only: the admin to create when there are no users yet. */
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  ADMIN_EMAIL?: string;

  /** First start only; when unset a password is generated and printed once in the start banner. */
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 720' })
  @Min(1, { message: 'must be an integer between 1 and 720' })
  @Max(720, { message: 'must be an integer between 1 and 720' })
  SESSION_TTL_HOURS = 12;

  /**
   * Session cookie `Secure` flag: `auto` sets it on requests served over HTTPS (directly, or per
   * X-Forwarded-Proto from a trusted proxy); `true` always (TLS ends at a proxy that is not trusted); `false` never.
   */
  @Transform(toBool)
  @IsIn(COOKIE_SECURE_MODES, { message: 'must be auto, true or false' })
  COOKIE_SECURE: CookieSecure = 'auto';

  /** Comma-separated origins allowed to call the API from a browser; unset means none (CORS closed). */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s,]+(,\s*https?:\/\/[^\s,]+)*$/, {
    message: 'must be a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS?: string;

  /**
   * Behind a reverse proxy: which peers' X-Forwarded-For and X-Forwarded-Proto are believed (the client's
   * address is what login throttling counts, the protocol decides Secure cookies and HSTS).
   */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? (parseTrustProxy(value) ?? value) : value,
  )
  @ValidateBy(
    {
      name: 'trustProxy',
      validator: {
        validate: (value: unknown) =>
          value === false || typeof value === 'number' || Array.isArray(value),
      },
    },
    {
      message: `must be false, true (one proxy), a hop count up to ${MAX_PROXY_HOPS}, or comma-separated proxy addresses or CIDRs`,
    },
  )
  TRUST_PROXY: TrustProxy = false;

  /**
   * Master key for secrets at rest: 32 random bytes, base64 (`openssl rand -base64 32`). Required with
   * DATABASE_URL; in embedded mode one is generated into DATA_DIR when unset.
   */
  @IsOptional()
  @Matches(BASE64_32_BYTES, {
    message: 'must be 32 random bytes in base64 (openssl rand -base64 32)',
  })
  REGISTRY_MASTER_KEY?: string;

  /** Older master keys, comma-separated, still accepted for decrypting until rotation re-wrapped everything. */
  @IsOptional()
  @Matches(BASE64_32_BYTES_LIST, {
    message: 'must be comma-separated base64 keys of 32 bytes',
  })
  REGISTRY_MASTER_KEY_PREVIOUS?: string;

  /**
   * Environment variables that `*_env` references of provider connections may name, comma-separated;
   * `PREFIX_*` allows a prefix, `NAME@https://host[:port]` also an origin the credential may be sent
   * to. Unset: the providers' usual variables (see DEFAULT_ENV_ALLOWLIST).
   */
  @IsOptional()
  @Matches(new RegExp(`^${ALLOWLIST_ENTRY}(\\s*,\\s*${ALLOWLIST_ENTRY})*$`), {
    message:
      'must be comma-separated variable names, with PREFIX_* for a prefix and NAME@https://host for an allowed origin',
  })
  REGISTRY_ENV_ALLOWLIST?: string;

  /**
   * Addresses provider calls must never connect to, comma-separated CIDR ranges (IPv4 and IPv6), on top
   * of the built-in ones (link-local, 0.0.0.0/8, cloud metadata). Checked on the resolved address.
   */
  @IsOptional()
  @ValidateBy({
    name: 'cidrList',
    validator: {
      validate: (value) => badCidr(value) === null,
      defaultMessage: (args) =>
        `must be comma-separated CIDR ranges such as 10.0.0.0/8,fd00::/8: ${badCidr(args?.value)}`,
    },
  })
  PROVIDER_EGRESS_DENY?: string;

  /**
   * Jobs on Redis (full mode). Unset: BullMQ keeps its jobs in the database (PGlite or DATABASE_URL).
   */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, {
    message: 'must be a redis:// or rediss:// URL',
  })
  REDIS_URL?: string;

  /** Namespaces the registry's keys when several deployments share one Redis. */
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, {
    message: 'must be 1 to 40 letters, digits, - or _',
  })
  QUEUE_PREFIX = 'llm-registry';

  /** Run the job processors in this process; set false on API replicas when workers run them. */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  JOB_PROCESSORS = true;

  /** Connection tests a process runs at once. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 200' })
  @Min(1, { message: 'must be an integer between 1 and 200' })
  @Max(200, { message: 'must be an integer between 1 and 200' })
  CONNECTION_TEST_CONCURRENCY = 8;

  /** Tests started per provider connection per window, across all workers; 0 means no limit. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 0 and 100000' })
  @Min(0, { message: 'must be an integer between 0 and 100000' })
  @Max(100_000, { message: 'must be an integer between 0 and 100000' })
  CONNECTION_TEST_RATE_LIMIT = 60;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 3600' })
  @Min(1, { message: 'must be an integer between 1 and 3600' })
  @Max(3600, { message: 'must be an integer between 1 and 3600' })
  CONNECTION_TEST_RATE_WINDOW_SECONDS = 60;

  /** Deadline of one provider call in a test. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1000 and 300000' })
  @Min(1000, { message: 'must be an integer between 1000 and 300000' })
  @Max(300_000, { message: 'must be an integer between 1000 and 300000' })
  CONNECTION_TEST_TIMEOUT_MS = 20_000;

  /** Tries per manual test; only transient failures (timeout, network, rate limit) are retried. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 10' })
  @Min(1, { message: 'must be an integer between 1 and 10' })
  @Max(10, { message: 'must be an integer between 1 and 10' })
  CONNECTION_TEST_ATTEMPTS = 3;

  /** Scheduled health checks of the models that ask for them; off unless enabled here. */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  HEALTH_CHECKS_ENABLED = false;

  /** The LiteLLM proxy the registry mirrors its serving models into; the mirror is off unless this and the key are set. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, {
    message:
      'must be an http(s) URL without query, such as http://litellm:4000',
  })
  LITELLM_URL?: string;

  /** LiteLLM's master key: only the proxy admin may register models. */
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'must be at least 8 characters' })
  LITELLM_MASTER_KEY?: string;

  /** How often the registry compares itself with LiteLLM and repairs the differences. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 30 and 86400' })
  @Min(30, { message: 'must be an integer between 30 and 86400' })
  @Max(86_400, { message: 'must be an integer between 30 and 86400' })
  LITELLM_RECONCILE_INTERVAL_SECONDS = 300;

  /** LiteLLM calls in flight at once per process. */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1 and 64' })
  @Min(1, { message: 'must be an integer between 1 and 64' })
  @Max(64, { message: 'must be an integer between 1 and 64' })
  LITELLM_SYNC_CONCURRENCY = 12;

  /** Deadline of one call to LiteLLM (listing all models can take seconds). */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer between 1000 and 300000' })
  @Min(1000, { message: 'must be an integer between 1000 and 300000' })
  @Max(300_000, { message: 'must be an integer between 1000 and 300000' })
  LITELLM_TIMEOUT_MS = 30_000;

  /**
   * The built admin app (index.html and its assets), served at `/` on the API's port; relative paths are
   * resolved from the working directory. Nothing is served when the directory holds no index.html.
   */
  @IsString()
  @MinLength(1, { message: 'must be a directory path' })
  ADMIN_APP_DIR = 'dist/apps/admin/browser';

  /** Seed the catalogue of original models into an empty database on first start. */
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  SEED_ON_START = true;
}

export class ConfigError extends Error {}

/** Their values may hold credentials: errors name them without echoing what was given. */
const HIDDEN_VALUES = new Set([
  'ADMIN_PASSWORD',
  'DATABASE_URL',
  'LITELLM_MASTER_KEY',
  'REDIS_URL',
  'REGISTRY_MASTER_KEY',
  'REGISTRY_MASTER_KEY_PREVIOUS',
]);

function describe(error: ValidationError): string {
  const shown = HIDDEN_VALUES.has(error.property)
    ? 'value hidden'
    : typeof error.value === 'string'
      ? JSON.stringify(error.value)
      : String(error.value);
  const expected = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
  return `${error.property} ${expected} (got ${shown})`;
}

/** Reads and validates the environment; throws a ConfigError whose message is one line per bad variable. */
export function loadEnvironment(env: NodeJS.ProcessEnv): Environment {
  const present = Object.fromEntries(
    Object.entries(env).filter(
      ([, value]) => value !== undefined && value !== '',
    ),
  );
  const parsed = plainToInstance(Environment, present, {
    exposeDefaultValues: true,
  });
  const errors = validateSync(parsed, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => `Invalid environment: ${describe(e)}`).join('\n'),
    );
  }
  return parsed;
}
