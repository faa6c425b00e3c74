import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { AppConfigService } from '../../config/app-config.service';
import { ConnectionTestRunner } from './connection-test.runner';
import {
  CONNECTION_TESTS_QUEUE,
  JOB,
  type ProbeJobData,
} from './connection-tests.queue';
import { HealthChecksService } from './health-checks.service';

/** The same processor on Redis and on the database backend; it only dispatches. */
@Processor(CONNECTION_TESTS_QUEUE)
export class ConnectionTestsProcessor
  extends WorkerHost
  implements OnApplicationBootstrap
{
  private readonly logger = new Logger('ConnectionTestsProcessor');

  constructor(
    private readonly runner: ConnectionTestRunner,
    private readonly healthChecks: HealthChecksService,
    private readonly config: AppConfigService,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.get('connectionTests').concurrency;
  }

  async process(job: Job, token?: string): Promise<unknown> {
    if (job.name === JOB.healthSweep) return this.healthChecks.sweep();
    const { testId } = job.data as ProbeJobData;
    const outcome = await this.runner.run(testId, {
      final: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
    });
    if (outcome.kind === 'delay') {
      await job.moveToDelayed(Date.now() + outcome.ms, token);
      throw new DelayedError();
    }
    if (outcome.kind === 'retry') throw new Error(outcome.reason);
    return undefined;
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job || job.name !== JOB.probe) return;
    if (job.attemptsMade < (job.opts.attempts ?? 1)) return;
    this.logger.error(`Connection test ${job.id} failed: ${error.message}`);
    await this.runner.abandon((job.data as ProbeJobData).testId);
  }
}
