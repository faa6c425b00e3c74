import type { ModelCapability, ModelType, ProviderId } from '../domain';

export type ConnectionFieldKind = 'string' | 'url' | 'secret' | 'select';

/** A field of a provider connection (endpoint, credentials, region…), as forms and validation see it. */
export interface ConnectionFieldSpec {
  /** Request field name, camelCase (`baseUrl`, `apiKey`, `apiVersion`, `region`…). */
  key: string;
  label: string;
  kind: ConnectionFieldKind;
  required: boolean;
  /** Secret fields are write-only: stored encrypted or as an environment reference, never returned. */
  secret: boolean;
  default?: string;
  /** The environment variable conventionally holding this value (for `*_env` references). */
  envVar?: string;
  options?: readonly string[];
  help: string;
}

export type ParamKind =
  | 'integer'
  | 'number'
  | 'boolean'
  | 'enum'
  | 'string-list';

/** One model parameter with its range and default. */
export interface ParamSpec {
  key: string;
  label: string;
  kind: ParamKind;
  required?: boolean;
  min?: number;
  max?: number;
  default?: number | boolean | string | readonly string[];
  options?: readonly string[];
  help: string;
}

export type ParamOverride = Partial<
  Pick<ParamSpec, 'min' | 'max' | 'default' | 'help' | 'required'>
>;

export interface ProviderSpec {
  id: ProviderId;
  label: string;
  description: string;
  modelTypes: readonly ModelType[];
  connectionFields: readonly ConnectionFieldSpec[];
  capabilities: readonly ModelCapability[];
  /**
   * Origins the provider's own API answers on (`https://host[:port]`, `*` standing for one DNS label):
   * where the environment variables of its secret fields may be sent without the operator's say-so.
   */
  officialOrigins: readonly string[];
  /** Per-type tweaks of the shared param specs (e.g. Anthropic's temperature tops out at 1). */
  paramOverrides?: Partial<Record<ModelType, Record<string, ParamOverride>>>;
}

/** What `GET /catalog/providers` answers per provider: the spec with its params resolved per served type. */
export interface ProviderCatalogEntry extends ProviderSpec {
  params: Partial<Record<ModelType, ParamSpec[]>>;
}
