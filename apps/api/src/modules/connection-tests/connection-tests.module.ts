import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ProvidersModule } from '../providers/providers.module';
import { RegistryModule } from '../registry/registry.module';
import { SecretsModule } from '../secrets/secrets.module';
import { ConnectionTestRunner } from './connection-test.runner';
import { ConnectionTestsController } from './connection-tests.controller';
import { ConnectionTestsProcessor } from './connection-tests.processor';
import { CONNECTION_TESTS_QUEUE } from './connection-tests.queue';
import { ConnectionTestsRepository } from './connection-tests.repository';
import { ConnectionTestsService } from './connection-tests.service';
import { HealthChecksService } from './health-checks.service';

/**
 * Connection tests. The routes queue them; the processor, when this process runs processors (the
 * embedded app, a worker, or an API replica left with JOB_PROCESSORS on), calls the providers.
 */
@Module({})
export class ConnectionTestsModule {
  static register(options: { processors: boolean }): DynamicModule {
    return {
      module: ConnectionTestsModule,
      imports: [
        BullModule.registerQueue({ name: CONNECTION_TESTS_QUEUE }),
        AuditModule,
        SecretsModule,
        ProvidersModule,
        RegistryModule,
      ],
      controllers: [ConnectionTestsController],
      providers: [
        ConnectionTestsRepository,
        ConnectionTestsService,
        ...(options.processors
          ? [
              ConnectionTestRunner,
              ConnectionTestsProcessor,
              HealthChecksService,
            ]
          : []),
      ],
    };
  }
}
