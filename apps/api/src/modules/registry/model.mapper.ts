import { lastTestOf } from '../../database/tested.entity';
import {
  type Model,
  type ModelDeprecation,
  type PublicModel,
} from '@llm-registry/contracts';
import { type ModelEntity } from './model.entity';

/** The one place a model row becomes what the API answers. */
export function toModel(entity: ModelEntity): Model {
  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    provider: entity.provider,
    providerConnectionId: entity.providerConnectionId,
    modelName: entity.modelName,
    description: entity.description,
    endpoint: entity.endpoint,
    params: entity.params,
    capabilities: entity.capabilities,
    status: entity.status,
    deprecation: deprecationOf(entity),
    isDefault: entity.isDefault,
    priority: entity.priority,
    scope: entity.scope,
    owner: entity.owner,
    inputPricePerMillion: entity.inputPricePerMillion,
    outputPricePerMillion: entity.outputPricePerMillion,
    lastTest: lastTestOf(entity),
    healthCheck:
      entity.healthCheckIntervalMinutes !== null &&
      entity.healthCheckDailyCap !== null
        ? {
            intervalMinutes: entity.healthCheckIntervalMinutes,
            dailyCap: entity.healthCheckDailyCap,
          }
        : null,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    version: entity.version,
  };
}

/** What consuming services see: no endpoint, owner, connection or monitoring. */
export function toPublicModel(entity: ModelEntity): PublicModel {
  const {
    endpoint: _endpoint,
    owner: _owner,
    providerConnectionId: _connection,
    lastTest: _lastTest,
    healthCheck: _healthCheck,
    ...rest
  } = toModel(entity);
  return rest;
}

export function deprecationOf(
  entity: Pick<ModelEntity, 'status' | 'sunsetAt' | 'successorId'>,
): ModelDeprecation | null {
  if (entity.status !== 'deprecated') return null;
  return {
    sunsetAt: entity.sunsetAt?.toISOString() ?? null,
    successorId: entity.successorId,
  };
}
