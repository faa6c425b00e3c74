import { WorkerHost } from '@nestjs/bullmq';
import { type OnApplicationBootstrap } from '@nestjs/common';
import { type QueueBackendChoice } from '../../queue/queue-backend';

/**
 * A processor that polls while idle where no notification can wake it (the embedded database), so
 * a new or due job waits a fraction of a second, not BullMQ's default five.
 */
export abstract class PollingWorkerHost
  extends WorkerHost
  implements OnApplicationBootstrap
{
  protected constructor(private readonly backend: QueueBackendChoice) {
    super();
  }

  onApplicationBootstrap(): void {
    if (this.backend.idlePollSeconds)
      this.worker.opts.drainDelay = this.backend.idlePollSeconds;
  }
}
