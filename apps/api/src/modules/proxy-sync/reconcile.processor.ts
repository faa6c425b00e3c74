import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job } from 'bullmq';
import {
  JOB,
  PROXY_RECONCILE_QUEUE,
  type ReconcileJobData,
} from './proxy-sync.queue';
import { ProxySyncRunsRepository } from './proxy-sync-runs.repository';
import { Reconciler } from './reconciler';

/** Reconcile runs, one at a time here and (by the queue's global concurrency) everywhere. */
@Processor(PROXY_RECONCILE_QUEUE, { concurrency: 1 })
export class ReconcileProcessor extends WorkerHost {
  constructor(
    private readonly reconciler: Reconciler,
    private readonly runs: ProxySyncRunsRepository,
  ) {
    super();
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
