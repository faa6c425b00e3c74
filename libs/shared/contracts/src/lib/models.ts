import type {
  ModelCapability,
  ModelStatus,
  ModelType,
  ProviderId,
} from './domain';
import type { HealthCheckSettings } from './connection-tests';
import type { ModelDependent, ModelDeprecation } from './knowledge-bases';
import type { ConnectionTestResult } from './providers';
import type { ModelProxySync } from './proxy-sync';

/** Model parameters, validated against the provider catalogue for the model's type. */
export type ModelParams = Record<string, number | boolean | string | string[]>;

/** A model as admins see it. */
export interface Model {
  id: string;
  name: string;
  type: ModelType;
  provider: ProviderId;
  /** The connection holding the endpoint and credentials; its provider is the model's. */
  providerConnectionId: string | null;
  modelName: string;
  description: string | null;
  endpoint: string | null;
  params: ModelParams;
  capabilities: ModelCapability[];
  status: ModelStatus;
  /** Set while the model is deprecated. */
  deprecation: ModelDeprecation | null;
  isDefault: boolean;
  priority: number;
  scope: string;
  owner: string | null;
  inputPricePerMillion: number | null;
  outputPricePerMillion: number | null;
  /** The latest finished connection test, manual or scheduled. */
  lastTest: ConnectionTestResult | null;
  /** Scheduled health checks; null means none. */
  healthCheck: HealthCheckSettings | null;
  /** The model's state in the LiteLLM mirror; null when it was never mirrored. */
  proxySync: ModelProxySync | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A model as consuming services see it: no endpoint, connection or monitoring internals. */
export type PublicModel = Omit<
  Model,
  | 'endpoint'
  | 'owner'
  | 'providerConnectionId'
  | 'lastTest'
  | 'healthCheck'
  | 'proxySync'
>;

export interface CreateModelRequest {
  name: string;
  type: ModelType;
  provider: ProviderId;
  providerConnectionId?: string | null;
  modelName: string;
  description?: string | null;
  endpoint?: string | null;
  params?: ModelParams;
  capabilities?: ModelCapability[];
  status?: ModelStatus;
  isDefault?: boolean;
  priority?: number;
  scope?: string;
  owner?: string | null;
  inputPricePerMillion?: number | null;
  outputPricePerMillion?: number | null;
  /** Scheduled health checks (off unless HEALTH_CHECKS_ENABLED); null turns them off for the model. */
  healthCheck?: HealthCheckSettings | null;
}

/** `type` and `scope` are fixed at creation: defaults and uniqueness hang on them. */
export type UpdateModelRequest = Partial<
  Omit<CreateModelRequest, 'type' | 'scope' | 'isDefault' | 'status'>
> & { version: number };

/** How a model that knowledge bases rely on may leave: who takes over its dependents. */
export interface ModelReplacement {
  /** Same type (and dimensions, for embeddings): its bindings move there in the same transaction. */
  reassignTo?: string;
  /** When the model is a default: the model of the same type and scope that becomes the default. */
  newDefaultId?: string;
}

export interface UpdateModelStatusRequest extends ModelReplacement {
  status: ModelStatus;
  version?: number;
  /** `deprecated` only: when the model goes away. */
  sunsetAt?: string | null;
  /** `deprecated` only: the active model of the same type to move to. */
  successorId?: string | null;
}

/** Query of `DELETE /api/v1/admin/models/{id}`. */
export interface DeleteModelQuery extends ModelReplacement {
  version?: number;
}

export interface SetDefaultRequest {
  version?: number;
}

export const MODEL_SORT_FIELDS = [
  'priority',
  'name',
  'createdAt',
  'updatedAt',
] as const;
export type ModelSortField = (typeof MODEL_SORT_FIELDS)[number];
export type SortDirection = 'asc' | 'desc';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 25;

export interface ModelListQuery {
  type?: ModelType;
  provider?: ProviderId;
  providerConnectionId?: string;
  status?: ModelStatus;
  scope?: string;
  isDefault?: boolean;
  q?: string;
  sort?: ModelSortField;
  order?: SortDirection;
  page?: number;
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const BULK_ACTIONS = ['activate', 'deactivate', 'delete'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export const MAX_BULK_IDS = 500;

export interface BulkActionRequest {
  action: BulkAction;
  ids: string[];
  /**
   * deactivate and delete: per model id, the model its knowledge bases move to. A default that
   * knowledge bases rely on is refused in bulk; retire it alone with `newDefaultId`.
   */
  reassignTo?: Record<string, string>;
}

export interface BulkItemResult {
  id: string;
  ok: boolean;
  /** The HTTP status this id would have got on its own (200, 204, 404, 409…). */
  status: number;
  error?: string;
  /** The problem code when refused (`MODEL_IN_USE`…). */
  code?: string;
  /** When refused because knowledge bases rely on the model. */
  dependents?: ModelDependent[];
}

export interface BulkActionResponse {
  action: BulkAction;
  succeeded: number;
  failed: number;
  results: BulkItemResult[];
}
