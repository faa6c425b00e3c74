import { PROVIDER_IDS, type ProviderId } from '@llm-registry/contracts';
import { getProviderAdapter } from './provider-adapters';

describe('getProviderAdapter', () => {
  it('has an adapter for every catalogue provider, filed under its id', () => {
    expect(PROVIDER_IDS.map((id) => getProviderAdapter(id).provider)).toEqual(
      PROVIDER_IDS,
    );
  });

  it('refuses an id that is not a provider, even an Object.prototype key', () => {
    expect(() => getProviderAdapter('constructor' as ProviderId)).toThrow(
      'Unknown provider: constructor',
    );
  });
});
