import { getProviderSpec, type ProviderId } from '@llm-registry/contracts';
import { getProviderAdapter } from '../adapters/provider-adapters';
import type { ConnectionTarget } from '../connection-target';
import { createProviderHttp, type RequestOptions } from '../http/provider-http';
import { ProviderRequestError } from '../http/provider-request-error';
import type { RemoteModel } from './remote-model';

export function supportsDiscovery(provider: ProviderId): boolean {
  return getProviderAdapter(provider).discovery !== null;
}

/** The provider's models, sorted by `modelName`, each name once. */
export async function listRemoteModels(
  target: ConnectionTarget,
  options: RequestOptions = {},
): Promise<RemoteModel[]> {
  const adapter = getProviderAdapter(target.provider).discovery;
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
