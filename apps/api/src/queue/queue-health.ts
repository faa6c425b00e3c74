import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  assertSchemaCompatibility,
  SchemaMigrationRequiredError,
  type PgQueryable,
} from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { type DataSource } from 'typeorm';
import { QUEUE_BACKEND, type QueueBackendChoice } from './queue-backend';

/**
 * Readiness probe of the job queue's backend. On Redis: a PING on a client of its own that fails at its
 * next failed reconnect while Redis is away (BullMQ's clients keep every command until Redis is back,
 * so a probe through them would only time out). On the database backend: BullMQ's own read of its migration ledger in the
 * `bullmq` schema, through the application's pool.
 */
@Injectable()
export class QueueHealth implements OnModuleDestroy {
  private readonly logger = new Logger('QueueHealth');
  private redis?: Redis;

  constructor(
    @Inject(QUEUE_BACKEND) private readonly backend: QueueBackendChoice,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async check(): Promise<void> {
    if (this.backend.kind === 'redis') {
      await this.redisClient().ping();
      return;
    }
    const ledger: PgQueryable = {
      query: async (text, params) => ({
        rows: await this.dataSource.query(text, params as unknown[]),
      }),
    };
    try {
      await assertSchemaCompatibility(ledger);
    } catch (error) {
      // BullMQ creates its schema when a queue first connects (`migrate: true`): not there yet is fine.
      if (!(error instanceof SchemaMigrationRequiredError)) throw error;
    }
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }

  private redisClient(): Redis {
    if (!this.redis) {
      this.redis = new Redis({
        ...(this.backend.connection as RedisOptions),
        lazyConnect: true,
        // A command sent while disconnected fails at the next failed reconnect instead of waiting.
        maxRetriesPerRequest: 0,
        retryStrategy: (times: number) => Math.min(times * 50, 500),
        connectTimeout: 2000,
        connectionName: 'llm-registry-health',
      });
      // Readiness answers for it; a reconnect loop while Redis is away is not worth a log line each.
      this.redis.on('error', (error: Error) =>
        this.logger.debug(`Redis: ${error.message}`),
      );
    }
    return this.redis;
  }
}
