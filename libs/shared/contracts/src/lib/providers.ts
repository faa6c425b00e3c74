import type { ProbeCategory } from './connection-tests';
import type { ModelCapability, ModelType, ProviderId } from './domain';
import type { Page } from './models';

/** Connection fields that are not secret, stored and returned as entered. */
export const CONNECTION_SETTING_KEYS = [
  'baseUrl',
  'apiVersion',
  'organization',
  'region',
] as const;
export type ConnectionSettingKey = (typeof CONNECTION_SETTING_KEYS)[number];

/** Write-only connection fields: stored encrypted, answered only as `hasSecret` and masked hints. */
export const CONNECTION_SECRET_KEYS = [
  'apiKey',
  'accessKeyId',
  'secretAccessKey',
  'sessionToken',
] as const;
export type ConnectionSecretKey = (typeof CONNECTION_SECRET_KEYS)[number];

/**
 * Environment references: every key ends in `_env` and names the variable holding that field at use time,
 * e.g. `{"api_key_env": "OPENAI_API_KEY"}`. The field is the catalogue key in snake case.
 */
export type AuthEnv = Record<string, string>;

export const ENV_REFERENCE_SUFFIX = '_env';
/** Variable names an environment reference may hold (checked again against the allow-list). */
export const ENV_VAR_NAME_PATTERN = /^[A-Z_][A-Z0-9_]{0,127}$/;

/** `apiKey` → `api_key_env`. */
export function envReferenceKey(fieldKey: string): string {
  return `${fieldKey.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}${ENV_REFERENCE_SUFFIX}`;
}

/** `api_key_env` → `apiKey`; null when the key does not end in `_env`. */
export function fieldKeyOfEnvReference(referenceKey: string): string | null {
  if (!referenceKey.endsWith(ENV_REFERENCE_SUFFIX)) return null;
  return referenceKey
    .slice(0, -ENV_REFERENCE_SUFFIX.length)
    .replace(/_([a-z0-9])/g, (_match, c: string) => c.toUpperCase());
}

export type CredentialSource = 'encrypted' | 'environment' | 'none';

export const CONNECTION_TEST_STATUSES = ['passed', 'failed'] as const;
export type ConnectionTestStatus = (typeof CONNECTION_TEST_STATUSES)[number];

/** The latest finished test of a model or connection (GET /api/v1/admin/connection-tests/:testId has it all). */
export interface ConnectionTestResult {
  testId: string | null;
  status: ConnectionTestStatus;
  /** Why it failed; null when it passed. */
  category: ProbeCategory | null;
  testedAt: string;
  latencyMs: number | null;
  /** What happened, scrubbed of credentials. */
  message: string | null;
}

type Settings = { [K in ConnectionSettingKey]?: string | null };
type Secrets = { [K in ConnectionSecretKey]?: string | null };

/** A provider connection as admins see it: endpoint and settings, never a credential value. */
export interface ProviderConnection extends Settings {
  id: string;
  name: string;
  provider: ProviderId;
  baseUrl: string | null;
  credentialSource: CredentialSource;
  authEnv: AuthEnv | null;
  /** An encrypted credential is stored. */
  hasSecret: boolean;
  /** Masked `apiKey` (`sk-…abcd`), or of the first secret field for providers without one. */
  secretHint: string | null;
  /** Masked hint per stored secret field. */
  secretHints: Partial<Record<ConnectionSecretKey, string>>;
  enabled: boolean;
  lastTest: ConnectionTestResult | null;
  /** Models attached to this connection. */
  modelCount: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Send the provider's fields by their catalogue names; secrets are write-only. */
export interface CreateProviderConnectionRequest extends Settings, Secrets {
  name: string;
  provider: ProviderId;
  authEnv?: AuthEnv | null;
  enabled?: boolean;
}

/**
 * `provider` is fixed at creation. A secret left out, or sent back as its masked hint, keeps the stored
 * value; `null` clears it. Changing `baseUrl` requires re-entering the secret (or the `authEnv`).
 */
export type UpdateProviderConnectionRequest = Partial<
  Omit<CreateProviderConnectionRequest, 'provider'>
> & { version: number };

export const CONNECTION_SORT_FIELDS = [
  'name',
  'provider',
  'createdAt',
  'updatedAt',
] as const;
export type ConnectionSortField = (typeof CONNECTION_SORT_FIELDS)[number];

export interface ProviderConnectionListQuery {
  provider?: ProviderId;
  enabled?: boolean;
  q?: string;
  sort?: ConnectionSortField;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

/** What discovery finds at the provider. */
export interface RemoteModel {
  /** The provider's identifier (what `modelName` of a model holds). */
  modelName: string;
  displayName: string;
  /** Best guess; null when it is none of the registry's types (speech, images…). */
  type: ModelType | null;
  contextWindow: number | null;
  /** Embedding size, where the provider says it. */
  dimensions: number | null;
  capabilities: ModelCapability[];
}

export interface RemoteModelListing extends RemoteModel {
  /** Ids of models already registered with this connection under this `modelName`. */
  registeredModelIds: string[];
}

export type RemoteModelPage = Page<RemoteModelListing>;

export const MAX_IMPORT_MODELS = 200;

export interface ImportModelItem {
  modelName: string;
  /** Display name; defaults to `modelName`. */
  name?: string;
  /** Overrides the guessed type (required where the provider gives no hint). */
  type?: ModelType;
}

export interface ImportModelsRequest {
  models: ImportModelItem[];
  /** Status of the new models; default `inactive`, so nothing is served before an admin looks. */
  status?: 'active' | 'inactive';
  scope?: string;
}

export interface ImportItemResult {
  modelName: string;
  ok: boolean;
  /** The status this item would have got on its own (201, 400, 404, 409). */
  status: number;
  modelId?: string;
  error?: string;
}

export interface ImportModelsResponse {
  succeeded: number;
  failed: number;
  results: ImportItemResult[];
}
