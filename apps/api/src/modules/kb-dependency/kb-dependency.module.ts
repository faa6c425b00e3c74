import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AdminKnowledgeBasesController } from './admin-knowledge-bases.controller';
import { KnowledgeBasesController } from './knowledge-bases.controller';
import { KnowledgeBasesRepository } from './knowledge-bases.repository';
import { KnowledgeBasesService } from './knowledge-bases.service';
import { ModelGuardService } from './model-guard.service';
import { ModelReferencesRepository } from './model-references.repository';

/** Which knowledge bases use which models, and the guards the registry applies on their behalf. */
@Module({
  imports: [AuditModule],
  controllers: [KnowledgeBasesController, AdminKnowledgeBasesController],
  providers: [
    KnowledgeBasesRepository,
    ModelReferencesRepository,
    KnowledgeBasesService,
    ModelGuardService,
  ],
  exports: [ModelGuardService],
})
export class KbDependencyModule {}
