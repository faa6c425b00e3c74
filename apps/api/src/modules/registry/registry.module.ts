import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfigService } from '../../config/app-config.service';
import { AdminModelsController } from './admin-models.controller';
import { AuditModule } from '../audit/audit.module';
import { ProvidersModule } from '../providers/providers.module';
import { CatalogController } from './catalog.controller';
import { ModelImportController } from './model-import.controller';
import { ModelChangeEvents } from './model-change-events';
import { ModelImportService } from './model-import.service';
import { ModelsRepository } from './models.repository';
import { ModelBulkService } from './model-bulk.service';
import { ModelDefaultsService } from './model-defaults.service';
import { ModelLifecycleService } from './model-lifecycle.service';
import { ModelLocks } from './model-locks';
import { ModelReader } from './model-reader';
import { ModelsService } from './models.service';
import { PublicModelsController } from './public-models.controller';
import { SeedService } from './seed/seed.service';

@Module({
  imports: [AuditModule, ProvidersModule],
  controllers: [
    AdminModelsController,
    PublicModelsController,
    CatalogController,
    ModelImportController,
  ],
  providers: [
    ModelsRepository,
    ModelLocks,
    ModelReader,
    ModelsService,
    ModelLifecycleService,
    ModelDefaultsService,
    ModelBulkService,
    ModelImportService,
    SeedService,
    ModelChangeEvents,
  ],
  exports: [ModelReader, ModelLocks, SeedService, ModelChangeEvents],
})
export class RegistryModule implements OnApplicationBootstrap {
  constructor(
    private readonly seed: SeedService,
    private readonly config: AppConfigService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.get('seedOnStart')) await this.seed.seedOnce();
  }
}
