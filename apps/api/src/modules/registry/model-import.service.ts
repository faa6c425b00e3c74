import { Propagation } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import {
  GLOBAL_SCOPE,
  getProviderSpec,
  providerServesType,
  type AuditChanges,
  type CreateModelRequest,
  type ImportItemResult,
  type ImportModelItem,
  type ImportModelsRequest,
  type ImportModelsResponse,
  type ModelParams,
  type RemoteModel,
} from '@llm-registry/contracts';
import { ProblemException } from '../../common/problem/problem.exception';
import { AuditService } from '../audit/audit.service';
import { DiscoveryService } from '../providers/discovery.service';
import { ProviderConnectionsService } from '../providers/provider-connections.service';
import { type ModelEntity } from './model.entity';
import { ModelChangeEvents } from './model-change-events';
import { modelSnapshot } from './models-audit';
import { ModelsService } from './models.service';

/** Registers models a provider offers, attached to the connection they were found through. */
@Injectable()
export class ModelImportService {
  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly discovery: DiscoveryService,
    private readonly connections: ProviderConnectionsService,
    private readonly models: ModelsService,
    private readonly audit: AuditService,
    private readonly changes: ModelChangeEvents,
  ) {}

  /** One listing call for the whole batch; each model is then created on its own, like a bulk action. */
  async import(
    connectionId: string,
    request: ImportModelsRequest,
  ): Promise<ImportModelsResponse> {
    const connection = await this.connections.getEntity(connectionId);
    const offered = new Map(
      (await this.discovery.fetch(connection)).map((m) => [m.modelName, m]),
    );
    const results: ImportItemResult[] = [];
    // One transaction, each model in a savepoint: one audit event for the request, failures apart.
    await this.txHost.withTransaction(async () => {
      const changes: AuditChanges = {};
      for (const item of request.models) {
        const remote = offered.get(item.modelName);
        const imported = remote
          ? await this.importOne(item, remote, {
              provider: connection.provider,
              providerConnectionId: connection.id,
              status: request.status ?? 'inactive',
              scope: request.scope ?? GLOBAL_SCOPE,
            })
          : {
              result: {
                modelName: item.modelName,
                ok: false,
                status: 404,
                error: `${connection.name} does not offer ${item.modelName}.`,
              },
            };
        results.push(imported.result);
        if (imported.model)
          changes[imported.model.id] = {
            before: null,
            after: modelSnapshot(imported.model),
          };
      }
      if (Object.keys(changes).length > 0)
        await this.audit.record({
          action: 'models.imported',
          entityType: 'provider_connection',
          entityId: connection.id,
          changes,
        });
    });
    await this.changes.publish(
      results.flatMap((r) => (r.modelId ? [r.modelId] : [])),
    );
    const succeeded = results.filter((r) => r.ok).length;
    return { succeeded, failed: results.length - succeeded, results };
  }

  private async importOne(
    item: ImportModelItem,
    remote: RemoteModel,
    base: Pick<
      CreateModelRequest,
      'provider' | 'providerConnectionId' | 'status' | 'scope'
    >,
  ): Promise<{ result: ImportItemResult; model?: ModelEntity }> {
    const type = item.type ?? remote.type;
    const fail = (status: number, error: string) => ({
      result: { modelName: item.modelName, ok: false, status, error },
    });
    if (!type)
      return fail(400, 'The provider gives no hint of its type: send type.');
    if (!providerServesType(base.provider, type))
      return fail(
        400,
        `${getProviderSpec(base.provider).label} does not serve ${type} models.`,
      );
    try {
      const model = await this.txHost.withTransaction(Propagation.Nested, () =>
        this.models.createIn({
          ...base,
          name: item.name ?? item.modelName,
          type,
          modelName: item.modelName,
          capabilities: remote.capabilities,
          params: paramsFrom(remote, type),
        }),
      );
      return {
        result: {
          modelName: item.modelName,
          ok: true,
          status: 201,
          modelId: model.id,
        },
        model,
      };
    } catch (error) {
      if (error instanceof ProblemException)
        return fail(error.status, error.detail);
      throw error;
    }
  }
}

/** What the provider told us, as the params of the type. */
function paramsFrom(remote: RemoteModel, type: string): ModelParams {
  if (type === 'embedding')
    return remote.dimensions ? { dimensions: remote.dimensions } : {};
  if ((type === 'generation' || type === 'ner') && remote.contextWindow)
    return { context_window: remote.contextWindow };
  return {};
}
