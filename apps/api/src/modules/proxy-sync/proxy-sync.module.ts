import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ProvidersModule } from '../providers/providers.module';
import { RegistryModule } from '../registry/registry.module';
import { DesiredDeployments } from './desired-deployments';
import { LiteLLMClients } from './litellm/litellm-clients';
import { MirrorJobs } from './mirror-jobs';
import { MirrorStateRepository } from './mirror-state.repository';
import { ModelMirror } from './model-mirror';
import { ModelMirrorProcessor } from './model-mirror.processor';
import { ProxySyncController } from './proxy-sync.controller';
import { PROXY_RECONCILE_QUEUE, PROXY_SYNC_QUEUE } from './proxy-sync.queue';
import { ProxySyncRunsRepository } from './proxy-sync-runs.repository';
import { ProxySyncService } from './proxy-sync.service';
import { ReconcileProcessor } from './reconcile.processor';
import { ReconcileSchedule } from './reconcile-schedule';
import { Reconciler } from './reconciler';

/**
 * The LiteLLM mirror, on when LITELLM_URL and LITELLM_MASTER_KEY are set. Every process follows the
 * registry's changes and queues model jobs; the processes that run processors also mirror, reconcile
 * and keep the schedule. It depends on the registry, never the other way round.
 */
@Module({})
export class ProxySyncModule {
  static register(options: { processors: boolean }): DynamicModule {
    return {
      module: ProxySyncModule,
      imports: [
        BullModule.registerQueue(
          { name: PROXY_SYNC_QUEUE },
          { name: PROXY_RECONCILE_QUEUE },
        ),
        AuditModule,
        ProvidersModule,
        RegistryModule,
      ],
      controllers: [ProxySyncController],
      providers: [
        LiteLLMClients,
        MirrorStateRepository,
        ProxySyncRunsRepository,
        ProxySyncService,
        MirrorJobs,
        ...(options.processors
          ? [
              DesiredDeployments,
              ModelMirror,
              Reconciler,
              ModelMirrorProcessor,
              ReconcileProcessor,
              ReconcileSchedule,
            ]
          : []),
      ],
    };
  }
}
