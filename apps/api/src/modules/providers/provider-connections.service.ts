import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import {
  CONNECTION_SECRET_KEYS,
  CONNECTION_SETTING_KEYS,
  DEFAULT_PAGE_SIZE,
  validateConnectionFields,
  type AuthEnv,
  type ConnectionSecretKey,
  type ConnectionSettingKey,
  type CreateProviderConnectionRequest,
  type DraftConnection,
  type FieldError,
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
import { diffFields, secretChanges } from '../audit/audit-diff';
import { auditSnapshot } from '../audit/audit-snapshot';
import { AuditService } from '../audit/audit.service';
import { EnvReferencesService } from '../secrets/env-references.service';
import { maskValues } from '../secrets/mask';
import { type SecretValues, SecretsService } from '../secrets/secrets.service';
import { ConnectionChangeEvents } from './connection-change-events';
import { ConnectionTargetService } from './connection-target.service';
import {
  type ConnectionSettings,
  type ProviderConnectionEntity,
} from './provider-connection.entity';
import { toProviderConnection } from './provider-connection.mapper';
import {
  type ConnectionChanges,
  ProviderConnectionsRepository,
} from './provider-connections.repository';
import { ProvidersErrorCode, ProvidersException } from './providers.exception';
import { SEED_CONNECTIONS } from './seed-connections';
import { effectiveBaseUrl, looksMasked, sameEndpoint } from './secret-input';

type SecretInput = Partial<Record<ConnectionSecretKey, string | null>>;

/** A checked, unsaved connection: what would be stored, secrets still in clear. */
export interface ConnectionDraft {
  baseUrl: string | null;
  settings: ConnectionSettings;
  secrets: SecretValues;
  authEnv: AuthEnv | null;
}

/**
 * Provider connections: endpoint, settings and one credential form. Secrets go straight to the secrets
 * service; what comes back out is masked hints only.
 */
@Injectable()
export class ProviderConnectionsService {
  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly connections: ProviderConnectionsRepository,
    private readonly secrets: SecretsService,
    private readonly envReferences: EnvReferencesService,
    private readonly audit: AuditService,
    private readonly changes: ConnectionChangeEvents,
    private readonly targets: ConnectionTargetService,
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
    return { items: await this.present(rows), total, page, pageSize };
  }

  async get(id: string): Promise<ProviderConnection> {
    return this.presentOne(await this.getEntity(id));
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
  async ensureSeeded(): Promise<Map<ProviderId, string>> {
    const ids = new Map<ProviderId, string>();
    for (const seed of SEED_CONNECTIONS) {
      const existing = await this.connections.findByName(seed.name);
      let connection = existing;
      if (!connection) {
        connection = await this.connections.insert({
          ...seed,
          baseUrl: null,
          settings: {},
          secretId: null,
          secretOrigin: null,
          enabled: true,
        });
        await this.recordChange('provider.created', null, connection);
      }
      if (connection.provider === seed.provider)
        ids.set(seed.provider, connection.id);
    }
    return ids;
  }

  async create(
    request: CreateProviderConnectionRequest,
  ): Promise<ProviderConnection> {
    const definition = this.checkDefinition(request.provider, request);
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
        await this.recordChange('provider.created', null, row, {
          before: {},
          after: definition.secrets,
        });
        return row;
      }),
    );
    return this.presentOne(entity);
  }

  /**
   * Checks an unsaved connection (a draft under test) as creating it would; errors name
   * `connection.<field>`. The secrets come back in clear for the caller to store encrypted.
   */
  validateDraft(provider: ProviderId, draft: DraftConnection): ConnectionDraft {
    try {
      return this.checkDefinition(provider, draft);
    } catch (error) {
      if (!(error instanceof ValidationProblem)) throw error;
      throw new ValidationProblem(
        (error.errors ?? []).map((e) => ({
          ...e,
          field: `connection.${e.field}`,
        })),
      );
    }
  }

  /**
   * Fields left out keep their value. A secret sent back as its masked hint is kept, never stored as
   * the new value; a base URL change needs the credential again.
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
        const plan = planSecretChange(
          secretInputOf(request),
          stored,
          maskValues(stored),
        );
        const authEnv =
          request.authEnv === undefined
            ? plan.entered
              ? null
              : current.authEnv
            : nonEmpty(request.authEnv);
        const baseUrl =
          request.baseUrl === undefined ? current.baseUrl : request.baseUrl;
        const next = {
          ...settingsOf(current.settings),
          ...settingInputOf(request),
        };
        const route = {
          name: current.name,
          provider: current.provider,
          baseUrl,
          settings: compact(next),
          authEnv,
          // The stored secret stays in use unless environment references replace it.
          secretId: authEnv ? null : current.secretId,
          secretOrigin: current.secretOrigin,
        };
        const errors = [
          ...plan.errors,
          ...authEnvResendErrors(current, baseUrl, request.authEnv),
          ...(changesRoute(request)
            ? await this.targets.refusals(route, plan.notReentered)
            : []),
        ];
        this.assertValid(
          current.provider,
          { ...next, baseUrl, ...(authEnv ? {} : plan.values) },
          authEnv,
          errors,
          plan.entered && request.authEnv != null,
        );
        const secretId = await this.storeSecret(
          current.secretId,
          plan.values,
          authEnv,
        );
        const changes: ConnectionChanges = {
          baseUrl,
          settings: compact(next),
          secretId,
          secretOrigin: !secretId
            ? null
            : changesRoute(request)
              ? this.targets.originOf(route)
              : current.secretOrigin,
          authEnv,
        };
        if (request.name !== undefined) changes.name = request.name;
        if (request.enabled !== undefined) changes.enabled = request.enabled;
        const row = await this.connections.update(id, changes);
        if (current.secretId && current.secretId !== secretId)
          await this.secrets.delete(current.secretId);
        await this.recordChange('provider.updated', current, row, {
          before: stored,
          after: secretId ? plan.values : {},
        });
        return row;
      }),
    );
    await this.changes.publish([id]);
    return this.presentOne(updated);
  }

  /** Refused while models use the connection: they would lose their endpoint and credentials. */
  async remove(id: string, version?: number): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const current = await this.lockCurrent(id, version);
      const models = (await this.connections.countModels([id])).get(id);
      if (models) {
        throw new ProvidersException(
          ProvidersErrorCode.InUse,
          `${models} model${models === 1 ? ' uses' : 's use'} ${current.name}. Attach them to another connection or delete them first.`,
        );
      }
      const stored = current.secretId
        ? await this.secrets.reveal(current.secretId)
        : {};
      await this.connections.delete(id);
      if (current.secretId) await this.secrets.delete(current.secretId);
      await this.recordChange('provider.deleted', current, null, {
        before: stored,
        after: {},
      });
    });
  }

  /** One audit event: the changed fields, and the secrets as `[redacted]` with whether each changed. */
  private async recordChange(
    action: 'provider.created' | 'provider.updated' | 'provider.deleted',
    before: ProviderConnectionEntity | null,
    after: ProviderConnectionEntity | null,
    secrets: { before: SecretValues; after: SecretValues } = {
      before: {},
      after: {},
    },
  ): Promise<void> {
    const changes = {
      ...diffFields(
        before && connectionSnapshot(before),
        after && connectionSnapshot(after),
      ),
      ...secretChanges(secrets.before, secrets.after),
    };
    await this.audit.record({
      action,
      entityType: 'provider_connection',
      entityId: (after ?? before)?.id ?? null,
      changes,
    });
  }

  /** The fields a new connection would be stored with, or 400 naming every bad field. */
  private checkDefinition(
    provider: ProviderId,
    request: DraftConnection,
  ): ConnectionDraft {
    const present = Object.entries(secretInputOf(request)).filter(
      (entry): entry is [string, string] => !!entry[1],
    );
    const maskedErrors = present
      .filter(([, value]) => looksMasked(value))
      .map(([field]) => ({
        field,
        message: 'looks like a masked hint; enter the full value',
      }));
    this.assertValid(
      provider,
      {
        ...settingInputOf(request),
        baseUrl: request.baseUrl,
        ...Object.fromEntries(present),
      },
      request.authEnv,
      maskedErrors,
      present.length > 0 && nonEmpty(request.authEnv) !== null,
    );
    return {
      baseUrl: request.baseUrl ?? null,
      settings: settingsOf(request),
      secrets: Object.fromEntries(present),
      authEnv: nonEmpty(request.authEnv),
    };
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

  private assertValid(
    provider: ProviderId,
    values: Record<string, string | null | undefined>,
    authEnv: AuthEnv | null | undefined,
    earlier: FieldError[],
    bothForms: boolean,
  ): void {
    const errors = [
      ...earlier,
      ...(bothForms
        ? [
            {
              field: 'authEnv',
              message:
                'cannot be combined with secret values: use stored secrets or environment references',
            },
          ]
        : []),
      ...validateConnectionFields({ provider, values, authEnv }),
      ...this.envReferences.refusals(authEnv),
    ];
    if (errors.length > 0) throw new ValidationProblem(errors);
  }

  /** Stored secret values after the change: replaced under a fresh data key, or dropped. */
  private async storeSecret(
    currentId: string | null,
    values: SecretValues,
    authEnv: AuthEnv | null,
  ): Promise<string | null> {
    if (authEnv || Object.keys(values).length === 0) return null;
    if (currentId) {
      await this.secrets.replace(currentId, values);
      return currentId;
    }
    return (await this.secrets.create(values)).id;
  }

  private async present(
    rows: ProviderConnectionEntity[],
  ): Promise<ProviderConnection[]> {
    const ids = rows.map((row) => row.id);
    const secretIds = rows.flatMap((row) =>
      row.secretId ? [row.secretId] : [],
    );
    const [counts, hints] = await Promise.all([
      this.connections.countModels(ids),
      this.secrets.hintsOf(secretIds),
    ]);
    return rows.map((row) =>
      toProviderConnection(row, {
        modelCount: counts.get(row.id) ?? 0,
        hints: (row.secretId && hints.get(row.secretId)) || {},
      }),
    );
  }

  private async presentOne(
    row: ProviderConnectionEntity,
  ): Promise<ProviderConnection> {
    return (await this.present([row]))[0];
  }

  private async withNameCheck<T>(
    name: string,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_provider_connections_name')) {
        throw new ProvidersException(
          ProvidersErrorCode.NameTaken,
          `A provider connection named "${name}" already exists.`,
          [{ field: 'name', message: 'is already used' }],
        );
      }
      throw error;
    }
  }
}

interface SecretChangePlan {
  /** The secret values after the change. */
  values: SecretValues;
  /** New values were typed in (not hints, not left out). */
  entered: boolean;
  /** Stored fields that were not typed in again. */
  notReentered: string[];
  errors: FieldError[];
}

/** Omitted or hint → keep; null → clear; masked-looking but not the hint → refuse; else the new value. */
function planSecretChange(
  input: SecretInput,
  stored: SecretValues,
  hints: Record<string, string>,
): SecretChangePlan {
  const values: SecretValues = { ...stored };
  const typed = new Set<string>();
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined || (value !== null && value === hints[field]))
      continue;
    if (value === null) {
      delete values[field];
    } else if (looksMasked(value)) {
      errors.push({
        field,
        message:
          'looks like a masked hint but is not the stored one; enter the full value or leave it out',
      });
    } else {
      values[field] = value;
      typed.add(field);
    }
  }
  return {
    values,
    entered: typed.size > 0,
    notReentered: Object.keys(values).filter(
      (field) => field in stored && !typed.has(field),
    ),
    errors,
  };
}

/** Environment references are sent again with a new base URL, so the change is a deliberate one. */
function authEnvResendErrors(
  current: ProviderConnectionEntity,
  nextBaseUrl: string | null,
  authEnvInput: AuthEnv | null | undefined,
): FieldError[] {
  if (
    !current.authEnv ||
    authEnvInput !== undefined ||
    sameEndpoint(
      effectiveBaseUrl(current.provider, current.baseUrl),
      effectiveBaseUrl(current.provider, nextBaseUrl),
    )
  )
    return [];
  return [
    {
      field: 'authEnv',
      message:
        'must be sent again when baseUrl changes, so a credential is never sent to another host',
    },
  ];
}

/** Whether an update may change where the connection's credentials go (name and enabled do not). */
function changesRoute(request: UpdateProviderConnectionRequest): boolean {
  return Object.keys(request).some(
    (key) => !['name', 'enabled', 'version'].includes(key),
  );
}

function secretInputOf(request: Partial<SecretInput>): SecretInput {
  return Object.fromEntries(
    CONNECTION_SECRET_KEYS.filter((key) => request[key] !== undefined).map(
      (key) => [key, request[key]],
    ),
  );
}

type SettingInput = Partial<Record<ConnectionSettingKey, string | null>>;

/** The non-secret settings a request sets (baseUrl has its own column). */
function settingInputOf(request: SettingInput): Record<string, string | null> {
  return Object.fromEntries(
    CONNECTION_SETTING_KEYS.filter(
      (key) => key !== 'baseUrl' && request[key] !== undefined,
    ).map((key) => [key, request[key] ?? null]),
  );
}

function settingsOf(source: SettingInput): ConnectionSettings {
  return compact(settingInputOf(source));
}

function compact(
  values: Record<string, string | null | undefined>,
): ConnectionSettings {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value != null && value !== ''),
  ) as ConnectionSettings;
}

function nonEmpty(authEnv: AuthEnv | null | undefined): AuthEnv | null {
  return authEnv && Object.keys(authEnv).length > 0 ? authEnv : null;
}

/** What the audit trail compares: no ids, timestamps, hints or test results; secrets are diffed apart. */
function connectionSnapshot(
  entity: ProviderConnectionEntity,
): Record<string, unknown> {
  return auditSnapshot(
    toProviderConnection(entity, { hints: {}, modelCount: 0 }),
    [
      'id',
      'createdAt',
      'updatedAt',
      'version',
      'lastTest',
      'modelCount',
      'secretHint',
      'secretHints',
    ],
  );
}
