import { ApiKeyEntity } from '../modules/auth/api-key.entity';
import { AuditChainKeyEntity } from '../modules/audit/audit-chain-key.entity';
import { AuditEventEntity } from '../modules/audit/audit-event.entity';
import { ConnectionTestEntity } from '../modules/connection-tests/connection-test.entity';
import { KnowledgeBaseEntity } from '../modules/kb-dependency/knowledge-base.entity';
import { LoginThrottleEntity } from '../modules/auth/login-throttle.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { UserEntity } from '../modules/auth/user.entity';
import { ProxySyncRunEntity } from '../modules/proxy-sync/proxy-sync-run.entity';
import { ProviderConnectionEntity } from '../modules/providers/provider-connection.entity';
import { ModelEntity } from '../modules/registry/model.entity';
import { SecretEntity } from '../modules/secrets/secret.entity';
import { AppStateEntity } from './app-state.entity';

/** Every entity, listed explicitly: the API is bundled, so globs would find nothing. */
export const ENTITIES = [
  ApiKeyEntity,
  AppStateEntity,
  AuditChainKeyEntity,
  AuditEventEntity,
  ConnectionTestEntity,
  KnowledgeBaseEntity,
  LoginThrottleEntity,
  ModelEntity,
  ProviderConnectionEntity,
  ProxySyncRunEntity,
  SecretEntity,
  SessionEntity,
  UserEntity,
];
