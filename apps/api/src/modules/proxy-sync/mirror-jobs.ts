import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type Queue } from 'bullmq';
import { AppConfigService } from '../../config/app-config.service';
import { ConnectionChangeEvents } from '../providers/connection-change-events';
import { ModelChangeEvents } from '../registry/model-change-events';
import { ModelReader } from '../registry/model-reader';
import { LiteLLMClients } from './litellm/litellm-clients';
import { MirrorStateRepository } from './mirror-state.repository';
import {
  JOB,
  PROXY_SYNC_QUEUE,
  type MirrorModelJobData,
} from './proxy-sync.queue';

/**
 * Follows the registry's committed changes: marks the models pending and queues one job each. A
 * change lost between commit and queue (a crash) is repaired by the next reconcile.
 */
@Injectable()
export class MirrorJobs implements OnModuleInit {
  constructor(
    private readonly models: ModelChangeEvents,
    private readonly connections: ConnectionChangeEvents,
    private readonly state: MirrorStateRepository,
    private readonly reader: ModelReader,
    private readonly clients: LiteLLMClients,
    private readonly config: AppConfigService,
    @InjectQueue(PROXY_SYNC_QUEUE) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    if (!this.clients.enabled) return;
    this.models.subscribe((ids) => this.enqueue(ids));
    // A connection's endpoint or key is part of every deployment of its models.
    this.connections.subscribe(async (ids) =>
      this.enqueue(await this.reader.servingIdsOfConnections([...ids])),
    );
  }

  /** `forget`: LiteLLM may hold anything for these models, so their jobs look before they trust. */
  async enqueue(
    modelIds: readonly string[],
    options: { forget?: boolean } = {},
  ): Promise<void> {
    if (modelIds.length === 0) return;
    await this.state.markPending(modelIds, options);
    const { attempts, retryDelayMs } = this.config.get('proxySync');
    await this.queue.addBulk(
      modelIds.map((modelId) => ({
        name: JOB.mirrorModel,
        data: { modelId } satisfies MirrorModelJobData,
        opts: {
          // One job per model at a time; a change while it runs queues one more, with the latest state.
          deduplication: { id: modelId, keepLastIfActive: true },
          attempts,
          backoff: { type: 'exponential', delay: retryDelayMs },
          removeOnComplete: true,
          removeOnFail: { age: 24 * 3600 },
        },
      })),
    );
  }
}
