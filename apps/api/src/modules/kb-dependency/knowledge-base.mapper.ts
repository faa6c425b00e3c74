import {
  type DependencyKind,
  type KnowledgeBase,
  type KnowledgeBaseModel,
  type KnowledgeBaseRole,
  type ModelDependent,
  type ReplacementCandidate,
} from '@llm-registry/contracts';
import { type ModelEntity } from '../registry/model.entity';
import { deprecationOf } from '../registry/model.mapper';
import { type KnowledgeBaseEntity } from './knowledge-base.entity';
import { type DependentRows } from './knowledge-bases.repository';

export function toKnowledgeBase(entity: KnowledgeBaseEntity): KnowledgeBase {
  return {
    id: entity.id,
    name: entity.name,
    scope: entity.scope,
    embeddingModelId: entity.embeddingModelId,
    generationModelId: entity.generationModelId,
    rerankModelId: entity.rerankModelId,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    version: entity.version,
  };
}

export function toKnowledgeBaseModel(
  role: KnowledgeBaseRole,
  via: DependencyKind,
  model: ModelEntity,
): KnowledgeBaseModel {
  return {
    role,
    via,
    id: model.id,
    name: model.name,
    type: model.type,
    status: model.status,
    provider: model.provider,
    modelName: model.modelName,
    dimensions: dimensionsOf(model),
    deprecation: deprecationOf(model),
  };
}

export function toReplacementCandidate(
  model: ModelEntity,
): ReplacementCandidate {
  return {
    id: model.id,
    name: model.name,
    scope: model.scope,
    provider: model.provider,
    modelName: model.modelName,
    dimensions: dimensionsOf(model),
  };
}

/** The listed dependents (as a problem body or the dependents view carries them) and their total. */
export function toDependents(
  dependents: DependentRows,
  role: KnowledgeBaseRole | null,
): { listed: ModelDependent[]; total: number } {
  return {
    listed: role
      ? dependents.rows.map((row) => ({
          knowledgeBaseId: row.id,
          knowledgeBaseName: row.name,
          scope: row.scope,
          role,
          via: row.via,
        }))
      : [],
    total: dependents.bindings + dependents.defaults,
  };
}

function dimensionsOf(model: ModelEntity): number | null {
  const dimensions = model.params['dimensions'];
  return model.type === 'embedding' && typeof dimensions === 'number'
    ? dimensions
    : null;
}
