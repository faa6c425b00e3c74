import {
  createPostgresBackend,
  Queue,
  Worker,
  withBackend,
  type ConnectionOptions,
  type PostgresPoolConfig,
  type WorkerOptions,
} from 'bullmq';
import { type AppConfig } from '../config/app-config';
import { type DatabaseHandle } from '../database/database-handle';

/** Connections each BullMQ object (queue or worker) opens on the database: its pool; a worker adds one to LISTEN. */
const DATABASE_POOL_PER_OBJECT = 2;
const EMBEDDED_IDLE_POLL_SECONDS = 0.25;

/** Injection token of the chosen {@link QueueBackendChoice}. */
export const QUEUE_BACKEND = Symbol('QUEUE_BACKEND');

export interface QueueBackendChoice {
  kind: AppConfig['queueBackend'];
  queueClass: typeof Queue;
  workerClass: typeof Worker;
  connection: ConnectionOptions | PostgresPoolConfig;
  /** Redis keys start with it; the database backend keeps its jobs in the `bullmq` schema instead. */
  prefix: string;
  /** For logs and the banner; never a password. */
  description: string;
}

/**
 * A database-backed worker that looks for jobs every `seconds` while idle. PGlite is one session, so
 * BullMQ's NOTIFY returns to the connection that sent it, never to the worker's LISTEN connection: left
 * to BullMQ's defaults, an idle worker waits out its block (until the next delayed job is due, up to an
 * hour, when a health sweep or a retry is scheduled) before it sees a new job.
 */
function pollingWorker(base: typeof Worker, seconds: number): typeof Worker {
  // The bound worker of `withBackend` takes (name, processor, opts); its backend is already chosen.
  const Bound = base as unknown as new (
    name: string,
    processor: unknown,
    opts: WorkerOptions,
  ) => Worker;
  class PollingWorker extends Bound {
    constructor(name: string, processor: unknown, opts: WorkerOptions) {
      super(name, processor, { ...opts, drainDelay: seconds });
    }

    override get maximumBlockTimeout(): number {
      return seconds;
    }
  }
  return PollingWorker as unknown as typeof Worker;
}

/**
 * BullMQ on Redis when REDIS_URL is set (full mode), otherwise on BullMQ's PostgreSQL backend over the
 * application's own database: PGlite in embedded mode, so one process needs no Redis.
 */
export function chooseQueueBackend(
  config: Pick<AppConfig, 'queueBackend' | 'redisUrl' | 'queuePrefix'>,
  database: DatabaseHandle,
): QueueBackendChoice {
  if (config.queueBackend === 'redis' && config.redisUrl) {
    return {
      kind: 'redis',
      queueClass: Queue,
      workerClass: Worker,
      connection: redisOptions(config.redisUrl),
      prefix: config.queuePrefix,
      description: `BullMQ on Redis ${describeRedisUrl(config.redisUrl)}`,
    };
  }
  const { Queue: DatabaseQueue, Worker: DatabaseWorker } = withBackend(
    createPostgresBackend,
  );
  const pg =
    'url' in database.connection
      ? { connectionString: database.connection.url }
      : {
          host: database.connection.host,
          port: database.connection.port,
          user: database.connection.username,
          database: database.connection.database,
        };
  return {
    kind: 'database',
    // The backend is bound into these classes; their options are BullMQ's own.
    queueClass: DatabaseQueue as unknown as typeof Queue,
    workerClass:
      database.mode === 'embedded'
        ? pollingWorker(
            DatabaseWorker as unknown as typeof Worker,
            EMBEDDED_IDLE_POLL_SECONDS,
          )
        : (DatabaseWorker as unknown as typeof Worker),
    connection: {
      ...pg,
      max: DATABASE_POOL_PER_OBJECT,
      migrate: true,
      application_name: 'llm-registry-jobs',
    },
    prefix: config.queuePrefix,
    description: `BullMQ on ${database.mode === 'embedded' ? 'the embedded database' : 'PostgreSQL'} (schema bullmq)`,
  };
}

/** ioredis options from a redis:// URL; BullMQ workers need `maxRetriesPerRequest: null`. */
function redisOptions(url: string): ConnectionOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

function describeRedisUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 6379}${parsed.pathname.length > 1 ? parsed.pathname : ''}`;
}
