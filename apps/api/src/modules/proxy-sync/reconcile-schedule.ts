import { InjectQueue } from '@nestjs/bullmq';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { type Queue } from 'bullmq';
import { type ProxySyncTrigger } from '@llm-registry/contracts';
import { AppConfigService } from '../../config/app-config.service';
import { LiteLLMClients } from './litellm/litellm-clients';
import { MirrorStateRepository } from './mirror-state.repository';
import {
  JOB,
  PROXY_RECONCILE_QUEUE,
  STARTUP_RECONCILE_JOB_ID,
  type ReconcileJobData,
} from './proxy-sync.queue';

/**
 * In the processes that run jobs: a reconcile at startup (queued, so readiness never waits for
 * LiteLLM) and one every LITELLM_RECONCILE_INTERVAL_SECONDS. With the mirror off, models no longer
 * claim to be mirrored.
 *
 * The interval is a timer, not a BullMQ job scheduler: a scheduler keeps a delayed job in the queue,
 * an idle worker then blocks until it is due, and on the embedded database no notification cuts that
 * short, so a reconcile asked for in between would wait for the next scheduled one.
 */
@Injectable()
export class ReconcileSchedule
  implements OnApplicationBootstrap, OnModuleDestroy
{
  private readonly logger = new Logger('ProxySync');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly clients: LiteLLMClients,
    private readonly state: MirrorStateRepository,
    private readonly config: AppConfigService,
    @InjectQueue(PROXY_RECONCILE_QUEUE) private readonly queue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.clients.enabled) {
      await this.state.markOff();
      return;
    }
    const every = this.config.get('proxySync').reconcileIntervalMs;
    // One run at a time across every worker: two runs would both see a model missing and both create it.
    await this.queue.setGlobalConcurrency(1);
    await this.enqueue('startup', STARTUP_RECONCILE_JOB_ID, every);
    this.timer = setInterval(() => {
      // Workers share the slot's job id, so their timers queue one run per interval between them.
      const slot = Math.floor(Date.now() / every);
      this.enqueue('scheduled', `proxy-sync-scheduled-${slot}`, every).catch(
        (error: unknown) =>
          this.logger.error(`Could not queue a reconcile: ${String(error)}`),
      );
    }, every);
    this.timer.unref();
    this.logger.log(
      `Mirroring into LiteLLM at ${this.clients.url}, reconciling every ${every / 1000} s`,
    );
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** A job id is queued once while its job is kept: a finished run's id is kept for one interval. */
  private async enqueue(
    trigger: Exclude<ProxySyncTrigger, 'manual'>,
    jobId: string,
    every: number,
  ): Promise<void> {
    const keep = { age: Math.ceil(every / 1000) };
    await this.queue.add(
      JOB.reconcile,
      { trigger } satisfies ReconcileJobData,
      {
        jobId,
        removeOnComplete: trigger === 'startup' ? true : keep,
        removeOnFail: keep,
      },
    );
  }
}
