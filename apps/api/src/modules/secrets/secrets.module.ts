import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EnvReferencesService } from './env-references.service';
import { KeyringModule } from '../keyring/keyring.module';
import { SecretsController } from './secrets.controller';
import { SecretsRepository } from './secrets.repository';
import { SecretsService } from './secrets.service';

@Module({
  imports: [AuditModule, KeyringModule],
  controllers: [SecretsController],
  providers: [SecretsRepository, SecretsService, EnvReferencesService],
  exports: [SecretsService, EnvReferencesService],
})
export class SecretsModule implements OnApplicationBootstrap {
  constructor(private readonly secrets: SecretsService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.secrets.verifyKeyring();
  }
}
