import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import {
  classifyProviderError,
  endpointOrigin,
  listRemoteModels,
  probeModel,
  supportsDiscovery,
  type ConnectionTarget,
  type ModelRef,
  type ProbeOutcome,
} from '@llm-registry/providers';
import { getProviderSpec, type ProbeResult } from '@llm-registry/contracts';
import { ProblemException } from '../../common/problem/problem.exception';
import { redactor } from '../../common/redaction/redactor';
import { AppConfigService } from '../../config/app-config.service';
import { ConnectionTargetService } from '../providers/connection-target.service';
import { type ProviderConnectionEntity } from '../providers/provider-connection.entity';
import { ProviderEgressService } from '../providers/provider-egress.service';
import { ProviderConnectionsService } from '../providers/provider-connections.service';
import {
  ProvidersErrorCode,
  ProvidersException,
} from '../providers/providers.exception';
import { ModelReader } from '../registry/model-reader';
import { SecretsService } from '../secrets/secrets.service';
import { AuditService } from '../audit/audit.service';
import { type ConnectionTestEntity } from './connection-test.entity';
import { testCompleted } from './connection-test-audit';
import { draftDefinition } from './draft-definition';
import { ConnectionTestsRepository } from './connection-tests.repository';

/** What the processor does with the job next. */
export type RunOutcome =
  | { kind: 'done' }
  /** The connection is at its rate limit: run again after this long. */
  | { kind: 'delay'; ms: number }
  /** A transient failure with attempts left: let the queue retry with backoff. */
  | { kind: 'retry'; reason: string };

type Claim = { kind: 'claimed'; test: ConnectionTestEntity } | RunOutcome;

/**
 * Runs one connection test from its row: claims it under the connection's rate limit, calls the
 * provider once, and records the result on the test, the model and the connection.
 */
@Injectable()
export class ConnectionTestRunner {
  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly tests: ConnectionTestsRepository,
    private readonly models: ModelReader,
    private readonly connections: ProviderConnectionsService,
    private readonly targets: ConnectionTargetService,
    private readonly secrets: SecretsService,
    private readonly config: AppConfigService,
    private readonly audit: AuditService,
    private readonly egress: ProviderEgressService,
  ) {}

  async run(testId: string, attempt: { final: boolean }): Promise<RunOutcome> {
    const claim = await this.claim(testId);
    if (claim.kind !== 'claimed') return claim;
    const outcome = await this.execute(claim.test);
    if (outcome.status === 'failed' && outcome.transient && !attempt.final) {
      await this.tests.update(testId, {
        status: 'queued',
        message: `${outcome.message} (trying again)`,
      });
      return { kind: 'retry', reason: outcome.message };
    }
    await this.finish(claim.test, outcome);
    return { kind: 'done' };
  }

  /** The job itself broke (not the provider) on its last attempt: the test must not stay queued. */
  async abandon(testId: string): Promise<void> {
    const test = await this.tests.findById(testId);
    if (!test || test.finishedAt) return;
    await this.finish(test, {
      status: 'failed',
      category: 'network',
      message: 'The test could not be run; see the registry logs',
      latencyMs: 0,
      details: {},
    });
  }

  /** Marks the test running unless it is finished or its connection is at the rate limit. */
  private async claim(testId: string): Promise<Claim> {
    const { rateLimit, rateWindowMs } = this.config.get('connectionTests');
    if (rateLimit === 0) return claimed(await this.tests.markRunning(testId));
    return this.txHost.withTransaction(async (): Promise<Claim> => {
      const test = await this.tests.findByIdForUpdate(testId);
      if (!test || test.finishedAt) return { kind: 'done' };
      if (test.providerConnectionId) {
        const ms = await this.tests.rateLimitDelay(
          test.providerConnectionId,
          rateLimit,
          rateWindowMs,
        );
        if (ms > 0) return { kind: 'delay', ms };
      }
      return claimed(await this.tests.markRunning(testId));
    });
  }

  private async execute(test: ConnectionTestEntity): Promise<ProbeOutcome> {
    try {
      switch (test.subject) {
        case 'model':
          return await this.probeSavedModel(test);
        case 'draft':
          return await this.probeDraft(test);
        case 'provider':
          return await this.probeConnection(test);
      }
    } catch (error) {
      if (
        error instanceof ProvidersException &&
        error.code === ProvidersErrorCode.CredentialOriginRefused
      )
        return failed(
          'credential_origin_refused',
          redactor.scrub(error.detail),
        );
      // Resolving credentials failed (an unset variable, a refused reference): the registry's answer.
      if (error instanceof ProblemException)
        return failed('auth', redactor.scrub(error.detail));
      throw error;
    }
  }

  private async probeSavedModel(
    test: ConnectionTestEntity,
  ): Promise<ProbeOutcome> {
    const model = await this.models.getWithConnection(test.modelId as string);
    if (!model.providerConnection)
      return failed(
        'unsupported',
        'The model has no provider connection: attach one to test it',
      );
    return this.probe(
      await this.targets.resolve(model.providerConnection),
      model,
    );
  }

  /** The draft's own fields win over the saved connection it names; its secrets over the saved ones. */
  private async probeDraft(test: ConnectionTestEntity): Promise<ProbeOutcome> {
    const model = test.draftModel as NonNullable<
      ConnectionTestEntity['draftModel']
    >;
    const saved = test.providerConnectionId
      ? await this.connections.getEntity(test.providerConnectionId)
      : null;
    const definition = draftDefinition(
      model.provider,
      {
        fields: test.draftConnection,
        secretId: test.draftSecretId,
        hasSecret: test.draftSecretId !== null,
      },
      saved,
    );
    return this.probe(
      await this.targets.resolve({
        ...definition,
        // The draft's own secret was entered for wherever the draft points.
        secretOrigin: test.draftSecretId
          ? this.targets.originOf(definition)
          : definition.secretOrigin,
      }),
      model,
    );
  }

  /** Lists the provider's models where it can; otherwise probes the connection's first active model. */
  private async probeConnection(
    test: ConnectionTestEntity,
  ): Promise<ProbeOutcome> {
    const connection = await this.connections.getEntity(
      test.providerConnectionId as string,
    );
    const target = await this.targets.resolve(connection);
    if (supportsDiscovery(connection.provider)) return this.listModels(target);
    const model = await this.models.firstActiveOfConnection(connection.id);
    if (!model) return failed('unsupported', noModelToProbe(connection));
    const outcome = await this.probe(target, model);
    return {
      ...outcome,
      details: { ...outcome.details, probedModelId: model.id },
    };
  }

  private async listModels(target: ConnectionTarget): Promise<ProbeOutcome> {
    const started = performance.now();
    const latencyMs = () => Math.round(performance.now() - started);
    try {
      const models = await listRemoteModels(target, {
        timeoutMs: this.config.get('connectionTests').timeoutMs,
        fetch: this.egress.fetch,
      });
      return withOrigin(
        {
          status: 'passed',
          category: null,
          message: `The provider listed ${models.length} models`,
          latencyMs: latencyMs(),
          details: { remoteModelCount: models.length },
          transient: false,
        },
        target,
      );
    } catch (error) {
      const { category, message, transient } = classifyProviderError(
        error,
        Object.values(target.credentials),
      );
      return withOrigin(
        { ...failed(category, message, transient), latencyMs: latencyMs() },
        target,
      );
    }
  }

  private async probe(
    target: ConnectionTarget,
    model: ModelRef,
  ): Promise<ProbeOutcome> {
    const outcome = await probeModel(
      target,
      { modelName: model.modelName, type: model.type, params: model.params },
      {
        timeoutMs: this.config.get('connectionTests').timeoutMs,
        egress: this.egress,
      },
    );
    return withOrigin(outcome, target);
  }

  /** Records the result, and the model's and connection's latest test; a draft's secret goes with it. */
  private async finish(
    test: ConnectionTestEntity,
    outcome: ProbeResult,
  ): Promise<void> {
    const result: ProbeResult = {
      status: outcome.status,
      category: outcome.category,
      message: redactor.scrub(outcome.message),
      latencyMs: outcome.latencyMs,
      details: outcome.details,
    };
    const finishedAt = new Date();
    // A draft's result belongs to no saved model, and says nothing about the saved connection's own credentials.
    const owners =
      test.subject === 'draft'
        ? { modelId: null, connectionId: null }
        : { modelId: test.modelId, connectionId: test.providerConnectionId };
    await this.txHost.withTransaction(async () => {
      await this.tests.recordResult(test.id, result, finishedAt, owners);
      if (test.draftSecretId) await this.secrets.delete(test.draftSecretId);
      await this.audit.record(testCompleted(test, result));
    });
  }
}

/** Records where the call went: scheme, host and port, never a path or query. */
function withOrigin(
  outcome: ProbeOutcome,
  target: ConnectionTarget,
): ProbeOutcome {
  const origin = endpointOrigin(target);
  return origin
    ? { ...outcome, details: { ...outcome.details, origin } }
    : outcome;
}

function claimed(test: ConnectionTestEntity | null): Claim {
  return test ? { kind: 'claimed', test } : { kind: 'done' };
}

function failed(
  category: NonNullable<ProbeResult['category']>,
  message: string,
  transient = false,
): ProbeOutcome {
  return {
    status: 'failed',
    category,
    message,
    latencyMs: 0,
    details: {},
    transient,
  };
}

function noModelToProbe(connection: ProviderConnectionEntity): string {
  const { label } = getProviderSpec(connection.provider);
  return `${label} cannot list its models, and ${connection.name} has no active model to probe: add one, then test again`;
}
