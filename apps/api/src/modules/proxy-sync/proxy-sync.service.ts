import { InjectQueue } from '@nestjs/bullmq';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import { Injectable, Logger } from '@nestjs/common';
import { type Queue } from 'bullmq';
import {
  type ProxySyncRun,
  type ProxySyncRunAccepted,
  type ProxySyncStatus,
} from '@llm-registry/contracts';
import { AppConfigService } from '../../config/app-config.service';
import { AuditService } from '../audit/audit.service';
import { ModelReader } from '../registry/model-reader';
import { LiteLLMClients } from './litellm/litellm-clients';
import { runRequested } from './proxy-sync-audit';
import { toProxySyncRun } from './proxy-sync-run.mapper';
import {
  failedRun,
  ProxySyncRunsRepository,
} from './proxy-sync-runs.repository';
import { ProxySyncErrorCode, ProxySyncException } from './proxy-sync.exception';
import {
  JOB,
  PROXY_RECONCILE_QUEUE,
  type ReconcileJobData,
} from './proxy-sync.queue';

/** The mirror's status and on-demand reconciles, for the admin routes. */
@Injectable()
export class ProxySyncService {
  private readonly logger = new Logger('ProxySync');

  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly runs: ProxySyncRunsRepository,
    private readonly models: ModelReader,
    private readonly clients: LiteLLMClients,
    private readonly config: AppConfigService,
    private readonly audit: AuditService,
    @InjectQueue(PROXY_RECONCILE_QUEUE) private readonly queue: Queue,
  ) {}

  async status(): Promise<ProxySyncStatus> {
    const [models, lastRun] = await Promise.all([
      this.models.countByProxySyncState(),
      this.runs.findLatest(),
    ]);
    return {
      enabled: this.clients.enabled,
      litellmUrl: this.clients.url,
      reconcileIntervalSeconds: this.clients.enabled
        ? this.config.get('proxySync').reconcileIntervalMs / 1000
        : null,
      models,
      lastRun: lastRun && toProxySyncRun(lastRun),
    };
  }

  async getRun(id: string): Promise<ProxySyncRun> {
    const run = await this.runs.findById(id);
    if (!run) throw new ProxySyncException(ProxySyncErrorCode.RunNotFound);
    return toProxySyncRun(run);
  }

  /** The run's row and its audit event commit first; then the job is queued behind any run in progress. */
  async requestReconcile(): Promise<ProxySyncRunAccepted> {
    if (!this.clients.enabled)
      throw new ProxySyncException(ProxySyncErrorCode.Disabled);
    const run = await this.txHost.withTransaction(async () => {
      const row = await this.runs.insert('manual');
      await this.audit.record(runRequested(row));
      return row;
    });
    try {
      await this.queue.add(
        JOB.reconcile,
        { trigger: 'manual', runId: run.id } satisfies ReconcileJobData,
        { jobId: run.id, removeOnComplete: true, removeOnFail: 100 },
      );
    } catch (error) {
      this.logger.error(
        `Could not queue reconcile ${run.id}: ${String(error)}`,
      );
      await this.txHost.withTransaction(() =>
        this.runs.finish(
          run.id,
          failedRun('The job queue did not accept the run'),
        ),
      );
      throw new ProxySyncException(ProxySyncErrorCode.QueueUnavailable);
    }
    return { id: run.id };
  }
}
