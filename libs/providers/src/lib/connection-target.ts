import type { ProviderId } from '@llm-registry/contracts';

/** Where and how to reach one provider connection, with its secrets already resolved. */
export interface ConnectionTarget {
  provider: ProviderId;
  /** null → the catalogue default for the provider (getProviderSpec(p).connectionFields baseUrl default). */
  baseUrl: string | null;
  /** Non-secret connection fields by catalogue key: apiVersion, organization, region… */
  settings: Record<string, string>;
  /** Secret fields, already resolved to plain values: apiKey, accessKeyId… (may be empty). */
  credentials: Record<string, string>;
}
