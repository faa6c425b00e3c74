import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { type AppConfig } from '../config/app-config';
import { type DatabaseHandle } from '../database/database-handle';
import { chooseQueueBackend, QUEUE_BACKEND } from './queue-backend';
import { QueueHealth } from './queue-health';

/**
 * BullMQ for the whole application, on the backend the configuration picks. Feature modules register
 * their queues with `BullModule.registerQueue` and their processors with `@Processor`; readiness asks
 * `QueueHealth` whether the backend answers.
 */
@Global()
@Module({})
export class QueueModule {
  static register(config: AppConfig, database: DatabaseHandle): DynamicModule {
    const backend = chooseQueueBackend(config, database);
    // @nestjs/bullmq builds every queue and worker from these classes; the database backend is bound in them.
    BullModule.queueClass = backend.queueClass;
    BullModule.workerClass = backend.workerClass;
    return {
      module: QueueModule,
      imports: [
        BullModule.forRoot({
          connection: backend.connection as never,
          prefix: backend.prefix,
        }),
      ],
      providers: [{ provide: QUEUE_BACKEND, useValue: backend }, QueueHealth],
      exports: [QUEUE_BACKEND, QueueHealth],
    };
  }
}
