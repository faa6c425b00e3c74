import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig } from './config/app-config';
import { type CredentialEnvironment } from './config/credential-environment';
import { AppConfigModule } from './config/config.module';
import { type DatabaseHandle } from './database/database-handle';
import { DatabaseModule } from './database/database.module';
import { KbDependencyModule } from './modules/kb-dependency/kb-dependency.module';
import { ConnectionTestsModule } from './modules/connection-tests/connection-tests.module';
import { ProxySyncModule } from './modules/proxy-sync/proxy-sync.module';
import { QueueModule } from './queue/queue.module';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { RegistryModule } from './modules/registry/registry.module';
import { SecretsModule } from './modules/secrets/secrets.module';

@Module({})
export class AppModule {
  static register(options: {
    config: AppConfig;
    database: DatabaseHandle;
    environment: CredentialEnvironment;
  }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.register(options.config, options.environment),
        DatabaseModule.register(options.database),
        AuthModule,
        SecretsModule,
        HealthModule,
        RegistryModule,
        KbDependencyModule,
        QueueModule.register(options.config, options.database),
        ConnectionTestsModule.register({
          processors: options.config.runProcessors,
        }),
        ProxySyncModule.register({
          processors: options.config.runProcessors,
        }),
      ],
    };
  }
}
