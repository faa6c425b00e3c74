import { InjectQueue } from '@nestjs/bullmq';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import { Injectable, Logger } from '@nestjs/common';
import { type Queue } from 'bullmq';
import {
  DEFAULT_PAGE_SIZE,
  type ConnectionTest,
  type ConnectionTestAccepted,
  type ConnectionTestListQuery,
  type DraftConnectionTestRequest,
  type Page,
} from '@llm-registry/contracts';
import { AppConfigService } from '../../config/app-config.service';
import { ValidationProblem } from '../../common/problem/problem.exception';
import { ConnectionTargetService } from '../providers/connection-target.service';
import { ProviderConnectionsService } from '../providers/provider-connections.service';
import { assertValidDefinition } from '../registry/model-definition';
import { ModelReader } from '../registry/model-reader';
import { SecretsService } from '../secrets/secrets.service';
import { toConnectionTest } from './connection-test.mapper';
import { type ConnectionTestEntity } from './connection-test.entity';
import { ConnectionTestsException } from './connection-tests.exception';
import { AuditService } from '../audit/audit.service';
import { testRequested } from './connection-test-audit';
import { draftDefinition } from './draft-definition';
import {
  CONNECTION_TESTS_QUEUE,
  JOB,
  type ProbeJobData,
} from './connection-tests.queue';
import {
  ConnectionTestsRepository,
  type HistoryOwner,
  type NewConnectionTest,
} from './connection-tests.repository';

/** Retries of transient failures wait 1 s, 2 s, 4 s… */
const RETRY_BACKOFF_MS = 1000;

/** Accepts connection tests, queues them, and answers for their results and history. */
@Injectable()
export class ConnectionTestsService {
  private readonly logger = new Logger('ConnectionTests');

  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly tests: ConnectionTestsRepository,
    private readonly models: ModelReader,
    private readonly connections: ProviderConnectionsService,
    private readonly targets: ConnectionTargetService,
    private readonly secrets: SecretsService,
    private readonly config: AppConfigService,
    private readonly audit: AuditService,
    @InjectQueue(CONNECTION_TESTS_QUEUE) private readonly queue: Queue,
  ) {}

  async testModel(modelId: string): Promise<ConnectionTestAccepted> {
    const model = await this.models.get(modelId);
    const connection = model.providerConnectionId
      ? await this.connections.getEntity(model.providerConnectionId)
      : null;
    return this.accept(
      {
        subject: 'model',
        modelId: model.id,
        providerConnectionId: model.providerConnectionId,
      },
      connection && this.targets.originOf(connection),
    );
  }

  async testProvider(connectionId: string): Promise<ConnectionTestAccepted> {
    const connection = await this.connections.getEntity(connectionId);
    return this.accept(
      { subject: 'provider', providerConnectionId: connection.id },
      this.targets.originOf(connection),
    );
  }

  /** The draft's secrets are encrypted into a secret row of their own, deleted once the test has run. */
  async testDraft(
    request: DraftConnectionTestRequest,
  ): Promise<ConnectionTestAccepted> {
    const params = request.params ?? {};
    assertValidDefinition({ ...request, params });
    if (request.providerConnectionId)
      await this.connections.assertUsableBy(
        request.providerConnectionId,
        request.provider,
      );
    const draft = request.connection
      ? this.connections.validateDraft(request.provider, request.connection)
      : null;
    const saved = request.providerConnectionId
      ? await this.connections.getEntity(request.providerConnectionId)
      : null;
    const definition = draftDefinition(
      request.provider,
      {
        fields: draft && {
          baseUrl: draft.baseUrl,
          settings: draft.settings as Record<string, string>,
          authEnv: draft.authEnv,
        },
        secretId: null,
        hasSecret: draft !== null && Object.keys(draft.secrets).length > 0,
      },
      saved,
    );
    // Refused now, before a saved key could be queued for another host; named as the request names it.
    const refusals = await this.targets.refusals(definition);
    if (refusals.length > 0)
      throw new ValidationProblem(
        refusals.map((e) => ({ ...e, field: `connection.${e.field}` })),
      );
    const origin = this.targets.originOf(definition);
    const test = await this.txHost.withTransaction(async () => {
      const secretId =
        draft && Object.keys(draft.secrets).length > 0
          ? (await this.secrets.create(draft.secrets)).id
          : null;
      const row = await this.tests.insert({
        subject: 'draft',
        providerConnectionId: request.providerConnectionId ?? null,
        draftModel: {
          type: request.type,
          provider: request.provider,
          modelName: request.modelName,
          params,
        },
        draftConnection: draft && {
          baseUrl: draft.baseUrl,
          settings: draft.settings as Record<string, string>,
          authEnv: draft.authEnv,
        },
        draftSecretId: secretId,
      });
      await this.audit.record(testRequested(row, origin));
      return row;
    });
    return this.enqueue(test);
  }

  async get(id: string): Promise<ConnectionTest> {
    const test = await this.tests.findById(id);
    if (!test) throw ConnectionTestsException.notFound(id);
    return toConnectionTest(test);
  }

  async historyOfModel(
    modelId: string,
    query: ConnectionTestListQuery,
  ): Promise<Page<ConnectionTest>> {
    await this.models.get(modelId);
    return this.history({ modelId }, query);
  }

  async historyOfConnection(
    connectionId: string,
    query: ConnectionTestListQuery,
  ): Promise<Page<ConnectionTest>> {
    await this.connections.getEntity(connectionId);
    return this.history({ providerConnectionId: connectionId }, query);
  }

  /**
   * Puts tests that already have a row on the queue. Called after the row's transaction committed:
   * the embedded database serves one transaction at a time, and BullMQ writes on its own connection.
   */
  async enqueue(
    test: Pick<ConnectionTestEntity, 'id' | 'trigger' | 'draftSecretId'>,
  ): Promise<ConnectionTestAccepted> {
    const data: ProbeJobData = { testId: test.id };
    try {
      await this.queue.add(JOB.probe, data, {
        jobId: test.id,
        // Scheduled checks are never retried: each retry is another billed call the cap did not count.
        attempts:
          test.trigger === 'scheduled'
            ? 1
            : this.config.get('connectionTests').attempts,
        backoff: { type: 'exponential', delay: RETRY_BACKOFF_MS },
        removeOnComplete: { age: 3600, count: 1000 },
        removeOnFail: { age: 24 * 3600 },
      });
    } catch (error) {
      this.logger.error(
        `Could not queue connection test ${test.id}: ${String(error)}`,
      );
      await this.tests.update(test.id, {
        status: 'failed',
        category: 'network',
        message: 'The job queue did not accept the test',
        finishedAt: new Date(),
      });
      if (test.draftSecretId) await this.secrets.delete(test.draftSecretId);
      throw ConnectionTestsException.queueUnavailable();
    }
    return { id: test.id };
  }

  /** The row and its audit event commit first; only then is the job queued. */
  private async accept(
    values: NewConnectionTest,
    origin: string | null,
  ): Promise<ConnectionTestAccepted> {
    const test = await this.txHost.withTransaction(async () => {
      const row = await this.tests.insert(values);
      await this.audit.record(testRequested(row, origin));
      return row;
    });
    return this.enqueue(test);
  }

  private async history(
    owner: HistoryOwner,
    query: ConnectionTestListQuery,
  ): Promise<Page<ConnectionTest>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const [rows, total] = await this.tests.findPage(owner, {
      ...query,
      page,
      pageSize,
    });
    return { items: rows.map(toConnectionTest), total, page, pageSize };
  }
}
