import { Injectable } from '@nestjs/common';
import {
  DEFAULT_PAGE_SIZE,
  getProviderSpec,
  type ModelType,
  type Page,
  type RemoteModel,
  type RemoteModelListing,
} from '@llm-registry/contracts';
import {
  listRemoteModels,
  ProviderRequestError,
  supportsDiscovery,
} from '@llm-registry/providers';
import { redactor } from '../../common/redaction/redactor';
import { ConnectionTargetService } from './connection-target.service';
import { type ProviderConnectionEntity } from './provider-connection.entity';
import { ProviderEgressService } from './provider-egress.service';
import { ProviderConnectionsRepository } from './provider-connections.repository';
import { ProviderConnectionsService } from './provider-connections.service';
import { ProvidersErrorCode, ProvidersException } from './providers.exception';

export interface RemoteModelQuery {
  q?: string;
  type?: ModelType;
  page?: number;
  pageSize?: number;
}

const DISCOVERY_TIMEOUT_MS = 15_000;

/** Asks a provider what it offers, through a connection; one listing call per request, never one per model. */
@Injectable()
export class DiscoveryService {
  constructor(
    private readonly connections: ProviderConnectionsService,
    private readonly repository: ProviderConnectionsRepository,
    private readonly targets: ConnectionTargetService,
    private readonly egress: ProviderEgressService,
  ) {}

  async list(
    connectionId: string,
    query: RemoteModelQuery,
  ): Promise<Page<RemoteModelListing>> {
    const offered = await this.fetch(
      await this.connections.getEntity(connectionId),
    );
    const registered = await this.repository.findModelIdsByName(connectionId);
    const needle = query.q?.toLowerCase();
    const matching = offered.filter(
      (model) =>
        (!query.type || model.type === query.type) &&
        (!needle ||
          `${model.modelName} ${model.displayName}`
            .toLowerCase()
            .includes(needle)),
    );
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    return {
      items: matching
        .slice((page - 1) * pageSize, page * pageSize)
        .map((model) => ({
          ...model,
          registeredModelIds: registered.get(model.modelName) ?? [],
        })),
      total: matching.length,
      page,
      pageSize,
    };
  }

  /** Everything the provider offers, as it says it. */
  async fetch(connection: ProviderConnectionEntity): Promise<RemoteModel[]> {
    const { label } = getProviderSpec(connection.provider);
    if (!supportsDiscovery(connection.provider)) {
      throw new ProvidersException(
        ProvidersErrorCode.DiscoveryUnsupported,
        connection.provider === 'azure_openai'
          ? 'Azure OpenAI deployments cannot be listed with an API key: register each deployment as a model, with the deployment name as modelName.'
          : `${label} models cannot be discovered yet: register them by their model id.`,
      );
    }
    const target = await this.targets.resolve(connection);
    try {
      return await listRemoteModels(target, {
        timeoutMs: DISCOVERY_TIMEOUT_MS,
        fetch: this.egress.fetch,
      });
    } catch (error) {
      if (!(error instanceof ProviderRequestError)) throw error;
      throw new ProvidersException(
        ProvidersErrorCode.ProviderFailed,
        `Listing models through ${connection.name} failed (${error.code}): ${redactor.scrub(error.message)}`,
      );
    }
  }
}
