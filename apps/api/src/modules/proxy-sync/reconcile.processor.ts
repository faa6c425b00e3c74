import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { type Job } from 'bullmq';
import { type QueueBackendChoice } from '../../queue/queue-backend';
import { QUEUE_BACKEND } from '../../queue/queue.module';
import { PollingWorkerHost } from './polling-worker-host';
import {
  JOB,
  PROXY_RECONCILE_QUEUE,
  type ReconcileJobData,
} from './proxy-sync.queue';
import { ProxySyncRunsRepository } from './proxy-sync-runs.repository';
import { Reconciler } from './reconciler';

/** Reconcile runs, one at a time here and (by the queue's global concurrency) everywhere. */
@Processor(PROXY_RECONCILE_QUEUE, { concurrency: 1 })
export class ReconcileProcessor extends PollingWorkerHost {
  constructor(
    private readonly reconciler: Reconciler,
    private readonly runs: ProxySyncRunsRepository,
    @Inject(QUEUE_BACKEND) backend: QueueBackendChoice,
  ) {
    super(backend);
  }

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case JOB.reconcile: {
        const { trigger, runId } = job.data as ReconcileJobData;
        // Manual runs were created by the request; scheduled and startup runs start here.
        return this.reconciler.run(
          runId ?? (await this.runs.insert(trigger)).id,
        );
      }
      default:
        throw new Error(`No ${job.name} jobs on ${PROXY_RECONCILE_QUEUE}`);
    }
  }
}
