import type { ProviderDialect } from '../http/provider-dialect';
import type { ProviderHttp } from '../http/provider-http';
import type { RemoteModel } from './remote-model';

/** One provider's model listing, in its own wire format. */
export interface DiscoveryAdapter {
  dialect: ProviderDialect;
  listModels(http: ProviderHttp): Promise<RemoteModel[]>;
}
