import {
  type ApiKey,
  type ApiKeyStatus,
  type User,
} from '@llm-registry/contracts';
import { type ApiKeyEntity } from './api-key.entity';
import { type UserEntity } from './user.entity';

export function toUser(entity: UserEntity): User {
  return {
    id: entity.id,
    email: entity.email,
    displayName: entity.displayName,
    role: entity.role,
    disabled: entity.disabled,
    lastLoginAt: entity.lastLoginAt?.toISOString() ?? null,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    version: entity.version,
  };
}

export function apiKeyStatus(
  entity: ApiKeyEntity,
  now = new Date(),
): ApiKeyStatus {
  if (entity.revokedAt) return 'revoked';
  if (entity.expiresAt && entity.expiresAt <= now) return 'expired';
  return 'active';
}

/** Never includes the key or its hash. */
export function toApiKey(entity: ApiKeyEntity): ApiKey {
  return {
    id: entity.id,
    name: entity.name,
    prefix: entity.prefix,
    scope: entity.scope,
    status: apiKeyStatus(entity),
    expiresAt: entity.expiresAt?.toISOString() ?? null,
    lastUsedAt: entity.lastUsedAt?.toISOString() ?? null,
    revokedAt: entity.revokedAt?.toISOString() ?? null,
    createdAt: entity.createdAt.toISOString(),
  };
}
