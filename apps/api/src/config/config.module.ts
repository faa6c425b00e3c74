import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { type AppConfig } from './app-config';
import { AppConfigService } from './app-config.service';
import {
  CREDENTIAL_ENVIRONMENT,
  type CredentialEnvironment,
} from './credential-environment';

/** The validated configuration, loaded once at boot (see environment.ts), available everywhere. */
@Global()
@Module({})
export class AppConfigModule {
  static register(
    config: AppConfig,
    environment: CredentialEnvironment,
  ): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: true,
          load: [() => config],
          cache: true,
        }),
      ],
      providers: [
        AppConfigService,
        { provide: CREDENTIAL_ENVIRONMENT, useValue: environment },
      ],
      exports: [AppConfigService, CREDENTIAL_ENVIRONMENT],
    };
  }
}
