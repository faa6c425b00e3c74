import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import {
  DEFAULT_PAGE_SIZE,
  type ApiKey,
  type CreateApiKeyRequest,
  type CreatedApiKey,
  type Page,
} from '@llm-registry/contracts';
import { ValidationProblem } from '../../common/problem/problem.exception';
import { diffFields, redacted } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import { type ApiKeyEntity } from './api-key.entity';
import { apiKeyStatus, toApiKey } from './auth.mapper';
import { AuthErrorCode, AuthException } from './auth.exception';
import { ApiKeysRepository } from './api-keys.repository';
import { type ApiKeyPrincipal } from '../../common/request-context/principal';
import { hashToken, newApiKey } from './tokens';

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly keys: ApiKeysRepository,
    private readonly audit: AuditService,
  ) {}

  /** The answer is the only place the key ever appears. */
  async create(
    request: CreateApiKeyRequest,
    createdBy: string | null,
  ): Promise<CreatedApiKey> {
    const expiresAt = request.expiresAt ? new Date(request.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      throw new ValidationProblem([
        { field: 'expiresAt', message: 'must be in the future' },
      ]);
    }
    const { key, prefix, hash } = newApiKey();
    const entity = await this.txHost.withTransaction(async () => {
      const row = await this.keys.insert({
        name: request.name.trim(),
        prefix,
        keyHash: hash,
        scope: request.scope ?? null,
        expiresAt,
        createdBy,
      });
      await this.audit.record({
        action: 'api_key.created',
        entityType: 'api_key',
        entityId: row.id,
        changes: {
          ...diffFields(null, apiKeySnapshot(row)),
          key: redacted(false, true),
        },
      });
      return row;
    });
    return { ...toApiKey(entity), key };
  }

  async list(page = 1, pageSize = DEFAULT_PAGE_SIZE): Promise<Page<ApiKey>> {
    const [rows, total] = await this.keys.findPage(page, pageSize);
    return { items: rows.map((row) => toApiKey(row)), total, page, pageSize };
  }

  /** Idempotent: revoking a revoked key succeeds. */
  async revoke(id: string): Promise<void> {
    const key = await this.keys.findById(id);
    if (!key)
      throw new AuthException(
        AuthErrorCode.ApiKeyNotFound,
        `No API key with id ${id}.`,
      );
    await this.txHost.withTransaction(async () => {
      if (!(await this.keys.revoke(id))) return;
      await this.audit.record({
        action: 'api_key.revoked',
        entityType: 'api_key',
        entityId: id,
        changes: { status: { before: 'active', after: 'revoked' } },
      });
    });
  }

  /** The principal behind a presented key; a revoked or expired key is refused with the reason. */
  async authenticate(key: string): Promise<ApiKeyPrincipal> {
    const entity = await this.keys.findByHash(hashToken(key));
    if (!entity)
      throw AuthException.unauthenticated('The API key is not valid.');
    const status = apiKeyStatus(entity);
    if (status !== 'active')
      throw AuthException.unauthenticated(
        `The API key has been ${status === 'revoked' ? 'revoked' : 'expired'}.`,
      );
    await this.keys.touchLastUsed(entity);
    return {
      kind: 'api_key',
      id: entity.id,
      name: entity.name,
      prefix: entity.prefix,
      role: 'consumer',
      scope: entity.scope,
    };
  }
}

/** A key as the audit trail shows it: name, prefix, scope and expiry; never the key or its hash. */
function apiKeySnapshot(entity: ApiKeyEntity): Record<string, unknown> {
  const { name, prefix, scope, expiresAt } = toApiKey(entity);
  return { name, prefix, scope, expiresAt };
}
