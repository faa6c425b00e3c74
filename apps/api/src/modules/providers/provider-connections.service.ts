import { Injectable } from '@nestjs/common';
import {
  DEFAULT_PAGE_SIZE,
  type CreateProviderConnectionRequest,
  type DraftConnection,
  type Page,
  type ProviderConnection,
  type ProviderConnectionListQuery,
  type ProviderId,
  type UpdateProviderConnectionRequest,
} from '@llm-registry/contracts';
import {
  ValidationProblem,
  VersionConflictProblem,
} from '../../common/problem/problem.exception';
import { isUniqueViolation } from '../../database/postgres-errors';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import { SecretsService } from '../secrets/secrets.service';
import { ConnectionChangeEvents } from './connection-change-events';
import { ConnectionTargetService } from './connection-target.service';
import {
  planCredentialChange,
  storedValuesAfter,
  type CredentialChangePlan,
  type SecretStep,
} from './credential-change';
import { connectionChanged } from './provider-connection-audit';
import { type ProviderConnectionEntity } from './provider-connection.entity';
import { ProviderConnectionPresenter } from './provider-connection.presenter';
import {
  ProviderConnectionValidator,
  type ConnectionDraft,
} from './provider-connection.validator';
import {
  type ConnectionChanges,
  ProviderConnectionsRepository,
} from './provider-connections.repository';
import { ProviderConnectionsSeeder } from './provider-connections.seeder';
import { ProvidersException } from './providers.exception';

/**
 * Provider connections: endpoint, settings and one credential form. Secrets go straight to the secrets
 * service; what comes back out is masked hints only. The rules live beside it (validator, credential
 * change plan, presenter, audit entries, seeder); this class puts them in order inside transactions.
 */
@Injectable()
export class ProviderConnectionsService {
  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly connections: ProviderConnectionsRepository,
    private readonly secrets: SecretsService,
    private readonly audit: AuditService,
    private readonly changes: ConnectionChangeEvents,
    private readonly targets: ConnectionTargetService,
    private readonly validator: ProviderConnectionValidator,
    private readonly presenter: ProviderConnectionPresenter,
    private readonly seeder: ProviderConnectionsSeeder,
  ) {}

  async list(
    query: ProviderConnectionListQuery,
  ): Promise<Page<ProviderConnection>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const [rows, total] = await this.connections.findPage({
      ...query,
      sort: query.sort ?? 'name',
      order: query.order ?? 'asc',
      page,
      pageSize,
    });
    return { items: await this.presenter.present(rows), total, page, pageSize };
  }

  async get(id: string): Promise<ProviderConnection> {
    return this.presenter.presentOne(await this.getEntity(id));
  }

  async getEntity(id: string): Promise<ProviderConnectionEntity> {
    const entity = await this.connections.findById(id);
    if (!entity) throw ProvidersException.notFound(id);
    return entity;
  }

  /** For models: the connection must exist and be of the model's provider. */
  async assertUsableBy(id: string, provider: ProviderId): Promise<void> {
    const connection = await this.connections.findById(id);
    const problem = !connection
      ? 'names no provider connection'
      : connection.provider !== provider
        ? `is a ${connection.provider} connection; the model's provider is ${provider}`
        : null;
    if (problem)
      throw new ValidationProblem([
        { field: 'providerConnectionId', message: problem },
      ]);
  }

  /** The seeded connection of each provider, created if missing; by provider. */
  ensureSeeded(): Promise<Map<ProviderId, string>> {
    return this.seeder.ensureSeeded();
  }

  async create(
    request: CreateProviderConnectionRequest,
  ): Promise<ProviderConnection> {
    const definition = this.validator.checkDefinition(
      request.provider,
      request,
    );
    const route = {
      ...definition,
      name: request.name,
      provider: request.provider,
      secretId: null,
      secretOrigin: null,
    };
    const refusals = await this.targets.refusals(route);
    if (refusals.length > 0) throw new ValidationProblem(refusals);
    const secretOrigin = this.targets.originOf(route);
    const entity = await this.withNameCheck(request.name, () =>
      this.txHost.withTransaction(async () => {
        const secretId =
          Object.keys(definition.secrets).length > 0
            ? (await this.secrets.create(definition.secrets)).id
            : null;
        const row = await this.connections.insert({
          name: request.name,
          provider: request.provider,
          baseUrl: definition.baseUrl,
          settings: definition.settings,
          secretId,
          secretOrigin: secretId ? secretOrigin : null,
          authEnv: definition.authEnv,
          enabled: request.enabled ?? true,
        });
        await this.audit.record(
          connectionChanged('provider.created', null, row, {
            before: {},
            after: definition.secrets,
          }),
        );
        return row;
      }),
    );
    return this.presenter.presentOne(entity);
  }

  /**
   * Checks an unsaved connection (a draft under test) as creating it would; errors name
   * `connection.<field>`. The secrets come back in clear for the caller to store encrypted.
   */
  validateDraft(provider: ProviderId, draft: DraftConnection): ConnectionDraft {
    return this.validator.checkDraft(provider, draft);
  }

  /**
   * Fields left out keep their value. A secret sent back as its masked hint is kept, never stored as
   * the new value; a base URL change needs the credential again (see `planCredentialChange`).
   */
  async update(
    id: string,
    request: UpdateProviderConnectionRequest,
  ): Promise<ProviderConnection> {
    const updated = await this.withNameCheck(request.name ?? '', () =>
      this.txHost.withTransaction(async () => {
        const current = await this.lockCurrent(id, request.version);
        const stored = current.secretId
          ? await this.secrets.reveal(current.secretId)
          : {};
        const plan = planCredentialChange(current, stored, request);
        const refusals = plan.recheckRoute
          ? await this.targets.refusals(plan.route, plan.keptStoredFields)
          : [];
        this.validator.assertValid(
          current.provider,
          plan.fieldValues,
          plan.authEnv,
          [...plan.errors, ...refusals],
          plan.bothForms,
        );
        const changes: ConnectionChanges = {
          baseUrl: plan.baseUrl,
          settings: plan.settings,
          secretId: await this.storeSecret(plan.secret),
          secretOrigin: this.secretOriginOf(plan),
          authEnv: plan.authEnv,
        };
        if (request.name !== undefined) changes.name = request.name;
        if (request.enabled !== undefined) changes.enabled = request.enabled;
        const row = await this.connections.update(id, changes);
        // Only once the row no longer refers to it.
        if (plan.secret.action === 'delete')
          await this.secrets.delete(plan.secret.secretId);
        await this.audit.record(
          connectionChanged('provider.updated', current, row, {
            before: stored,
            after: storedValuesAfter(plan.secret),
          }),
        );
        return row;
      }),
    );
    await this.changes.publish([id]);
    return this.presenter.presentOne(updated);
  }

  /** Refused while models use the connection: they would lose their endpoint and credentials. */
  async remove(id: string, version?: number): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const current = await this.lockCurrent(id, version);
      const models = (await this.connections.countModels([id])).get(id);
      if (models) throw ProvidersException.inUse(current.name, models);
      const stored = current.secretId
        ? await this.secrets.reveal(current.secretId)
        : {};
      await this.connections.delete(id);
      if (current.secretId) await this.secrets.delete(current.secretId);
      await this.audit.record(
        connectionChanged('provider.deleted', current, null, {
          before: stored,
          after: {},
        }),
      );
    });
  }

  /** Locks the row and checks the caller's version, if one was sent. */
  private async lockCurrent(
    id: string,
    version: number | undefined,
  ): Promise<ProviderConnectionEntity> {
    const current = await this.connections.findByIdForUpdate(id);
    if (!current) throw ProvidersException.notFound(id);
    if (version !== undefined && version !== current.version)
      throw new VersionConflictProblem('connection', current.version, version);
    return current;
  }

  /** The secret row after the change: written under a fresh data key, or none. */
  private async storeSecret(step: SecretStep): Promise<string | null> {
    switch (step.action) {
      case 'none':
      case 'delete':
        return null;
      case 'create':
        return (await this.secrets.create(step.values)).id;
      case 'replace':
        await this.secrets.replace(step.secretId, step.values);
        return step.secretId;
    }
  }

  /** Where the stored secret may be sent from now on; `rebind` runs after the route check passed. */
  private secretOriginOf(plan: CredentialChangePlan): string | null {
    switch (plan.origin.action) {
      case 'keep':
        return plan.origin.origin;
      case 'rebind':
        return this.targets.originOf(plan.route);
      case 'clear':
        return null;
    }
  }

  private async withNameCheck<T>(
    name: string,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw isUniqueViolation(error, 'UQ_provider_connections_name')
        ? ProvidersException.nameTaken(name)
        : error;
    }
  }
}
