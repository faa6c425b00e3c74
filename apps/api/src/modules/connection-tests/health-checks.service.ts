import { InjectQueue } from '@nestjs/bullmq';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { type Queue } from 'bullmq';
import { AppConfigService } from '../../config/app-config.service';
import { AuditService } from '../audit/audit.service';
import { testRequested } from './connection-test-audit';
import {
  CONNECTION_TESTS_QUEUE,
  HEALTH_SWEEP_SCHEDULER_ID,
  JOB,
} from './connection-tests.queue';
import { ConnectionTestsRepository } from './connection-tests.repository';
import { ConnectionTestsService } from './connection-tests.service';

/** Models queued per sweep at most; the next sweep takes the rest. */
const SWEEP_BATCH = 500;

/**
 * Scheduled health checks: a repeating sweep queues a test for every model that is due and under its
 * daily cap. Off unless HEALTH_CHECKS_ENABLED; turning it off removes the schedule.
 */
@Injectable()
export class HealthChecksService implements OnApplicationBootstrap {
  private readonly logger = new Logger('HealthChecks');

  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly tests: ConnectionTestsRepository,
    private readonly connectionTests: ConnectionTestsService,
    private readonly config: AppConfigService,
    private readonly audit: AuditService,
    @InjectQueue(CONNECTION_TESTS_QUEUE) private readonly queue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { enabled, sweepIntervalMs } = this.config.get('healthChecks');
    if (!enabled) {
      await this.queue.removeJobScheduler(HEALTH_SWEEP_SCHEDULER_ID);
      return;
    }
    await this.queue.upsertJobScheduler(
      HEALTH_SWEEP_SCHEDULER_ID,
      { every: sweepIntervalMs },
      {
        name: JOB.healthSweep,
        opts: { removeOnComplete: true, removeOnFail: 100 },
      },
    );
    this.logger.log(
      `Scheduled health checks every ${sweepIntervalMs / 1000} s`,
    );
  }

  async sweep(): Promise<{ queued: number }> {
    const tests = await this.txHost.withTransaction(async () => {
      const queued = await this.tests.insertDueHealthChecks(SWEEP_BATCH);
      for (const test of queued) await this.audit.record(testRequested(test));
      return queued;
    });
    // A refused enqueue has already marked its test failed.
    for (const test of tests)
      await this.connectionTests.enqueue(test).catch(() => undefined);
    return { queued: tests.length };
  }
}
