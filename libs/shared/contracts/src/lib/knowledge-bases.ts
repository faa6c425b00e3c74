import type { ModelStatus, ModelType, ProviderId } from './domain';
import type { SortDirection } from './models';

/** The models a knowledge base can use, one per role; the role is the model's type. */
export const KNOWLEDGE_BASE_ROLES = [
  'embedding',
  'generation',
  'rerank',
] as const;
export type KnowledgeBaseRole = (typeof KNOWLEDGE_BASE_ROLES)[number];

/** Knowledge-base ids are chosen by the service that owns them: identifiers safe in URLs and logs. */
export const KNOWLEDGE_BASE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

/**
 * `PUT /api/v1/knowledge-bases/{kbId}`. A role left out or null uses the default model of that type in
 * the knowledge base's scope (else the global default). Embeddings are always named: an index is built
 * with one embedding model and cannot follow a changing default.
 */
export interface UpsertKnowledgeBaseRequest {
  name: string;
  embeddingModelId: string;
  generationModelId?: string | null;
  rerankModelId?: string | null;
  /** Users and unscoped keys only; a scoped API key's knowledge bases live in its scope. Default global. */
  scope?: string;
}

export interface KnowledgeBase {
  id: string;
  name: string;
  scope: string;
  embeddingModelId: string;
  generationModelId: string | null;
  rerankModelId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** binding: the knowledge base names the model; default: it falls back to the type's default. */
export type DependencyKind = 'binding' | 'default';

/** Set on a deprecated model: when it goes away and what replaces it. */
export interface ModelDeprecation {
  sunsetAt: string | null;
  /** An active model of the same type to move to. */
  successorId: string | null;
}

/** A model as a knowledge base uses it. */
export interface KnowledgeBaseModel {
  role: KnowledgeBaseRole;
  via: DependencyKind;
  id: string;
  name: string;
  type: ModelType;
  status: ModelStatus;
  provider: ProviderId;
  modelName: string;
  /** Embedding models: the vector size the knowledge base was indexed with. */
  dimensions: number | null;
  deprecation: ModelDeprecation | null;
}

export interface KnowledgeBaseWithModels extends KnowledgeBase {
  /** The models it uses, bound or by default; a role with no model anywhere is left out. */
  models: KnowledgeBaseModel[];
  /** Its bound models that are deprecated: to move to their successor (nothing switches by itself). */
  toMigrate: KnowledgeBaseModel[];
}

export const KNOWLEDGE_BASE_SORT_FIELDS = [
  'name',
  'createdAt',
  'updatedAt',
] as const;
export type KnowledgeBaseSortField =
  (typeof KNOWLEDGE_BASE_SORT_FIELDS)[number];

export interface KnowledgeBaseListQuery {
  q?: string;
  scope?: string;
  /** Knowledge bases bound to this model. */
  modelId?: string;
  /** Only those bound to a deprecated model. */
  toMigrate?: boolean;
  sort?: KnowledgeBaseSortField;
  order?: SortDirection;
  page?: number;
  pageSize?: number;
}

/** One knowledge base that relies on a model. */
export interface ModelDependent {
  knowledgeBaseId: string;
  knowledgeBaseName: string;
  scope: string;
  role: KnowledgeBaseRole;
  via: DependencyKind;
}

/** A model that could take over a model's dependents without re-indexing. */
export interface ReplacementCandidate {
  id: string;
  name: string;
  scope: string;
  provider: ProviderId;
  modelName: string;
  dimensions: number | null;
}

/** `GET /api/v1/admin/models/{id}/dependents` */
export interface ModelDependents {
  modelId: string;
  type: ModelType;
  /** in_use: the model serves them; to_migrate: it is deprecated and they should move. */
  state: 'unused' | 'in_use' | 'to_migrate';
  /** The first 200 dependents. */
  dependents: ModelDependent[];
  total: number;
  /** Active models of the same type (and dimensions, for embeddings) that every dependent may use. */
  replacements: ReplacementCandidate[];
}

/** Problem codes of the lifecycle guards (409 unless said otherwise). */
export const MODEL_GUARD_CODES = {
  /** Delete or deactivate refused: `dependents` lists who relies on the model. */
  inUse: 'MODEL_IN_USE',
  /** An embedding model's dimensions, provider, modelName or connection cannot change under its dependents. */
  embeddingPinned: 'EMBEDDING_MODEL_PINNED',
  /** The replacement has other dimensions: the dependents' indexes would have to be rebuilt. */
  reindexNeeded: 'REINDEX_NEEDED',
} as const;

/** Extra members of a guard's problem body. */
export interface ModelGuardProblemExtension {
  /** The first 200 dependents. */
  dependents: ModelDependent[];
  dependentsTotal: number;
}

/** How many dependents a list or problem body carries at most. */
export const MAX_LISTED_DEPENDENTS = 200;
