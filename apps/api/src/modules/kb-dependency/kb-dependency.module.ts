import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RegistryModule } from '../registry/registry.module';
import { AdminKnowledgeBasesController } from './admin-knowledge-bases.controller';
import { KnowledgeBasesController } from './knowledge-bases.controller';
import { KnowledgeBasesRepository } from './knowledge-bases.repository';
import { KnowledgeBasesService } from './knowledge-bases.service';
import { ModelGuardService } from './model-guard.service';
import { RETIREMENT_GUARD } from '../registry/retirement-guard.port';

/**
 * Which knowledge bases use which models, and the guards the registry applies on their behalf. It
 * provides the registry's retirement-guard port; global so the registry resolves the port without
 * importing this module (the dependency points from kb-dependency to registry only).
 */
@Global()
@Module({
  imports: [AuditModule, RegistryModule],
  controllers: [KnowledgeBasesController, AdminKnowledgeBasesController],
  providers: [
    KnowledgeBasesRepository,
    KnowledgeBasesService,
    ModelGuardService,
    { provide: RETIREMENT_GUARD, useExisting: ModelGuardService },
  ],
  exports: [RETIREMENT_GUARD],
})
export class KbDependencyModule {}
