import { getProviderSpec, type ProviderId } from '@llm-registry/contracts';
import type { ConnectionTarget } from '../connection-target';
import { createProviderHttp, type RequestOptions } from '../http/provider-http';
import { ProviderRequestError } from '../http/provider-request-error';
import { anthropicDiscovery } from './anthropic.discovery';
import { cohereDiscovery } from './cohere.discovery';
import type { DiscoveryAdapter } from './discovery-adapter';
import { geminiDiscovery } from './gemini.discovery';
import { ollamaDiscovery } from './ollama.discovery';
import { openAiDiscovery } from './openai.discovery';
import type { RemoteModel } from './remote-model';

const DISCOVERY: Record<ProviderId, DiscoveryAdapter | null> = {
  openai: openAiDiscovery,
  fireworks: openAiDiscovery,
  openai_compatible: openAiDiscovery,
  anthropic: anthropicDiscovery,
  gemini: geminiDiscovery,
  cohere: cohereDiscovery,
  ollama: ollamaDiscovery,
  // Deployments are typed in: listing them takes an Azure management token, not the API key.
  azure_openai: null,
  // Needs SigV4 request signing, which this library does not do yet.
  bedrock: null,
};

export function supportsDiscovery(provider: ProviderId): boolean {
  return Boolean(DISCOVERY[provider]);
}

/** The provider's models, sorted by `modelName`, each name once. */
export async function listRemoteModels(
  target: ConnectionTarget,
  options: RequestOptions = {},
): Promise<RemoteModel[]> {
  const adapter = DISCOVERY[target.provider];
  if (!adapter) {
    throw new ProviderRequestError(
      'unsupported',
      `${getProviderSpec(target.provider).label} cannot list its models: enter the model names instead`,
    );
  }
  const http = createProviderHttp(target, adapter.dialect, options);
  return sortedByName(await adapter.listModels(http));
}

function sortedByName(models: RemoteModel[]): RemoteModel[] {
  const byName = new Map<string, RemoteModel>();
  for (const model of models) {
    if (!byName.has(model.modelName)) byName.set(model.modelName, model);
  }
  return [...byName.values()].sort((a, b) =>
    a.modelName < b.modelName ? -1 : 1,
  );
}
