import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfigService } from '../../config/app-config.service';
import { AuditModule } from '../audit/audit.module';
import { EnvReferencesService } from './env-references.service';
import { loadKeyring } from './keyring-source';
import { SecretsController } from './secrets.controller';
import { SecretsRepository } from './secrets.repository';
import { KEYRING_SOURCE, SecretsService } from './secrets.service';

@Module({
  imports: [AuditModule],
  controllers: [SecretsController],
  providers: [
    {
      provide: KEYRING_SOURCE,
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) =>
        loadKeyring({
          masterKey: config.get('masterKey'),
          previousMasterKeys: config.get('previousMasterKeys'),
          databaseMode: config.get('databaseMode'),
          dataDir: config.get('dataDir'),
        }),
    },
    SecretsRepository,
    SecretsService,
    EnvReferencesService,
  ],
  exports: [SecretsService, EnvReferencesService],
})
export class SecretsModule implements OnApplicationBootstrap {
  constructor(private readonly secrets: SecretsService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.secrets.verifyKeyring();
  }
}
