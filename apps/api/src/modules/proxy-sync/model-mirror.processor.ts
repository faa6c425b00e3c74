import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type OnApplicationBootstrap } from '@nestjs/common';
import { type Job } from 'bullmq';
import { AppConfigService } from '../../config/app-config.service';
import { ModelMirror } from './model-mirror';
import {
  JOB,
  PROXY_SYNC_QUEUE,
  type MirrorModelJobData,
} from './proxy-sync.queue';

/** Model jobs, several at once (LITELLM_SYNC_CONCURRENCY); never two for the same model. */
@Processor(PROXY_SYNC_QUEUE)
export class ModelMirrorProcessor
  extends WorkerHost
  implements OnApplicationBootstrap
{
  constructor(
    private readonly mirror: ModelMirror,
    private readonly config: AppConfigService,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
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
