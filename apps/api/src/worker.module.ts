import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { type CredentialEnvironment } from './config/credential-environment';
import { type DatabaseHandle } from './database/database-handle';
import { DatabaseModule } from './database/database.module';
import { KbDependencyModule } from './modules/kb-dependency/kb-dependency.module';
import { ConnectionTestsModule } from './modules/connection-tests/connection-tests.module';
import { ProxySyncModule } from './modules/proxy-sync/proxy-sync.module';
import { QueueModule } from './queue/queue.module';

/** The job processors and what they need: no HTTP server, no users, no seeding. */
@Module({})
export class WorkerModule {
  static register(options: {
    config: AppConfig;
    database: DatabaseHandle;
    environment: CredentialEnvironment;
  }): DynamicModule {
    const config: AppConfig = {
      ...options.config,
      runProcessors: true,
      seedOnStart: false,
    };
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.register(config, options.environment),
        DatabaseModule.register(options.database),
        QueueModule.register(config, options.database),
        // The registry, which connection tests and the mirror read models through, needs its retirement guard.
        KbDependencyModule,
        ConnectionTestsModule.register({ processors: true }),
        ProxySyncModule.register({ processors: true }),
      ],
    };
  }
}
