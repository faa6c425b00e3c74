import { isServing } from '@llm-registry/contracts';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import { Injectable, Logger } from '@nestjs/common';
import { mapLimited } from '@llm-registry/providers';
import { AppConfigService } from '../../config/app-config.service';
import { AuditService } from '../audit/audit.service';
import { type ModelEntity } from '../registry/model.entity';
import { ModelReader } from '../registry/model-reader';
import { driftOf, isRegistryDeployment } from './deployment';
import { type Repair, repairDeployment } from './deployment-writes';
import { DesiredDeployments, type TargetCache } from './desired-deployments';
import { LiteLLMClients } from './litellm/litellm-clients';
import { LiteLLMError } from './litellm/litellm-error';
import { type LiteLLMClient } from './litellm/litellm.client';
import {
  type ListedDeployment,
  type LiteLLMDeployment,
} from './litellm/litellm-wire';
import { MirrorJobs } from './mirror-jobs';
import {
  type MirrorOutcome,
  MirrorStateRepository,
  modelIdsAmong,
  outcomeOf,
} from './mirror-state.repository';
import { runFinished } from './proxy-sync-audit';
import {
  failedRun,
  type RunResult,
  ProxySyncRunsRepository,
} from './proxy-sync-runs.repository';

/** Models read per query while planning. */
const MODEL_PAGE = 500;

interface Repairing {
  model: ModelEntity;
  repair: Repair;
  deployment: LiteLLMDeployment;
  fingerprint: string;
}

/** What comparing the registry with LiteLLM found, and the outcomes known without writing. */
interface Plan {
  repairs: Repairing[];
  /** Ids of `db-*` deployments no serving model owns. */
  foreign: string[];
  outcomes: MirrorOutcome[];
  missing: number;
  changed: number;
}

/**
 * The reconcile: reads LiteLLM once (every page), compares it with the serving models, and writes only
 * the differences, at most `concurrency` calls at a time. An unchanged registry makes no write at all:
 * neither to LiteLLM nor to the models.
 */
@Injectable()
export class Reconciler {
  private readonly logger = new Logger('ProxySyncReconcile');

  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly runs: ProxySyncRunsRepository,
    private readonly state: MirrorStateRepository,
    private readonly models: ModelReader,
    private readonly desired: DesiredDeployments,
    private readonly clients: LiteLLMClients,
    private readonly jobs: MirrorJobs,
    private readonly config: AppConfigService,
    private readonly audit: AuditService,
  ) {}

  /** Runs a run and records it, audited; a finished run is left alone. */
  async run(runId: string): Promise<void> {
    const run = await this.runs.start(runId);
    if (!run) return;
    const client = this.clients.create();
    const result = client
      ? await this.reconcile(client, run.startedAt as Date)
      : failedRun(
          'The LiteLLM mirror is off: set LITELLM_URL and LITELLM_MASTER_KEY',
        );
    await this.txHost.withTransaction(async () => {
      const finished = await this.runs.finish(run.id, result);
      await this.audit.record(runFinished(finished));
    });
  }

  private async reconcile(
    client: LiteLLMClient,
    startedAt: Date,
  ): Promise<RunResult> {
    try {
      await client.assertReady();
      const plan = await this.plan(await client.listDeployments());
      const applied = await this.apply(client, plan);
      await this.state.record([...plan.outcomes, ...applied.outcomes]);
      await this.state.settleUnserved(applied.failedRemovals, startedAt);
      await this.recheckChangedDuringRun(plan);
      const failures = applied.failedRepairs + applied.failedRemovals.length;
      return {
        status: failures > 0 ? 'failed' : 'succeeded',
        reads: client.calls.reads,
        writes: client.calls.writes,
        missingFound: plan.missing,
        changedFound: plan.changed,
        foreignFound: plan.foreign.length,
        driftFixed: applied.fixed,
        failedModels: [...plan.outcomes, ...applied.outcomes].filter(
          (o) => o.state === 'error',
        ).length,
        error:
          failures > 0
            ? `${failures} of ${plan.repairs.length + plan.foreign.length} repairs failed, the first: ${applied.firstError}`
            : null,
      };
    } catch (error) {
      if (!(error instanceof LiteLLMError))
        this.logger.error(`Reconcile failed: ${String(error)}`);
      return {
        ...failedRun(
          error instanceof LiteLLMError
            ? error.message
            : 'The run failed; see the registry logs',
        ),
        reads: client.calls.reads,
        writes: client.calls.writes,
      };
    }
  }

  /** Walks the serving models page by page against what LiteLLM listed. */
  private async plan(listed: ListedDeployment[]): Promise<Plan> {
    const byId = new Map(
      listed
        .filter((d) => typeof d.model_info?.id === 'string')
        .map((d) => [d.model_info.id as string, d]),
    );
    const owned = new Set<string>();
    const plan: Plan = {
      repairs: [],
      foreign: [],
      outcomes: [],
      missing: 0,
      changed: 0,
    };
    const targets: TargetCache = new Map();
    for (let after: string | null = null; ; ) {
      const page = await this.models.pageOfServing(after, MODEL_PAGE);
      for (const model of page) {
        const desired = await this.desired.of(model, targets);
        if (desired.kind === 'absent') continue;
        owned.add(model.id);
        if (desired.kind === 'unmirrorable') {
          plan.outcomes.push(
            outcomeOf(model, {
              state: 'error',
              error: desired.reason,
              fingerprint: model.proxySyncFingerprint,
            }),
          );
          continue;
        }
        const entry = byId.get(model.id);
        const drift = entry ? driftOf(entry, desired.deployment) : 'missing';
        // Listed as we want it but sent otherwise (a rotated key): only PATCH can tell LiteLLM.
        const repair: Repair | null =
          drift !== 'none'
            ? drift
            : desired.fingerprint !== model.proxySyncFingerprint
              ? 'patch'
              : null;
        if (!repair) {
          plan.outcomes.push(
            outcomeOf(model, {
              state: 'synced',
              error: null,
              fingerprint: desired.fingerprint,
            }),
          );
          continue;
        }
        if (repair === 'missing') plan.missing += 1;
        else plan.changed += 1;
        plan.repairs.push({
          model,
          repair,
          deployment: desired.deployment,
          fingerprint: desired.fingerprint,
        });
      }
      if (page.length < MODEL_PAGE) break;
      after = page[page.length - 1].id;
    }
    plan.foreign = listed
      .filter(
        (d) => isRegistryDeployment(d) && !owned.has(d.model_info.id as string),
      )
      .map((d) => d.model_info.id as string);
    return plan;
  }

  /**
   * A model edited, deleted or activated while the run wrote, or whose connection changed (a rotated
   * key, a disabled connection), may have been overwritten with what the run planned after its own job
   * ran (a deleted model re-created, an old key sent again): its job runs again, and looks.
   */
  private async recheckChangedDuringRun(plan: Plan): Promise<void> {
    const current = await this.models.currentOf(
      modelIdsAmong([
        ...plan.repairs.map((item) => item.model.id),
        ...plan.foreign,
      ]),
    );
    const changed = [
      ...plan.repairs
        .filter((item) => {
          const now = current.get(item.model.id);
          return (
            now?.version !== item.model.version ||
            now.connectionVersion !==
              (item.model.providerConnection?.version ?? null)
          );
        })
        .map((item) => item.model.id),
      ...plan.foreign.filter((id) => isServing(current.get(id)?.status)),
    ];
    await this.jobs.enqueue(changed, { forget: true });
  }

  private async apply(client: LiteLLMClient, plan: Plan) {
    const applied = {
      outcomes: [] as MirrorOutcome[],
      failedRemovals: [] as string[],
      failedRepairs: 0,
      fixed: 0,
      firstError: null as string | null,
    };
    const attempt = async (work: () => Promise<unknown>) => {
      try {
        await work();
        applied.fixed += 1;
        return null;
      } catch (error) {
        if (!(error instanceof LiteLLMError)) throw error;
        applied.firstError ??= error.message;
        return error;
      }
    };
    const tasks = [
      ...plan.repairs.map((item) => async () => {
        const error = await attempt(() =>
          repairDeployment(client, item.repair, item.deployment),
        );
        if (error) applied.failedRepairs += 1;
        applied.outcomes.push(
          outcomeOf(
            item.model,
            error
              ? { state: 'error', error: error.message, fingerprint: null }
              : { state: 'synced', error: null, fingerprint: item.fingerprint },
          ),
        );
      }),
      ...plan.foreign.map((id) => async () => {
        if (await attempt(() => client.remove(id)))
          applied.failedRemovals.push(id);
      }),
    ];
    await mapLimited(tasks, this.config.get('proxySync').concurrency, (task) =>
      task(),
    );
    return applied;
  }
}
