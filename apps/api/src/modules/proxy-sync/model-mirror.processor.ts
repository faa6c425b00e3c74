import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { type Job } from 'bullmq';
import { AppConfigService } from '../../config/app-config.service';
import { type QueueBackendChoice } from '../../queue/queue-backend';
import { QUEUE_BACKEND } from '../../queue/queue.module';
import { ModelMirror } from './model-mirror';
import { PollingWorkerHost } from './polling-worker-host';
import {
  JOB,
  PROXY_SYNC_QUEUE,
  type MirrorModelJobData,
} from './proxy-sync.queue';

/** Model jobs, several at once (LITELLM_SYNC_CONCURRENCY); never two for the same model. */
@Processor(PROXY_SYNC_QUEUE)
export class ModelMirrorProcessor extends PollingWorkerHost {
  constructor(
    private readonly mirror: ModelMirror,
    private readonly config: AppConfigService,
    @Inject(QUEUE_BACKEND) backend: QueueBackendChoice,
  ) {
    super(backend);
  }

  override onApplicationBootstrap(): void {
    super.onApplicationBootstrap();
    this.worker.concurrency = this.config.get('proxySync').concurrency;
  }

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case JOB.mirrorModel:
        return this.mirror.mirror((job.data as MirrorModelJobData).modelId, {
          final: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
        });
      default:
        throw new Error(`No ${job.name} jobs on ${PROXY_SYNC_QUEUE}`);
    }
  }
}
