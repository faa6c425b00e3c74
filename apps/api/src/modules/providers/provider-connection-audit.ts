import { diffFields, secretChanges } from '../audit/audit-diff';
import { auditSnapshot } from '../audit/audit-snapshot';
import { type AuditEntry } from '../audit/audit.service';
import { type SecretValues } from '../secrets/secrets.service';
import { type ProviderConnectionEntity } from './provider-connection.entity';
import { toProviderConnection } from './provider-connection.mapper';

/** A connection's secret values either side of a change, compared only to say which fields changed. */
export interface SecretChange {
  before: SecretValues;
  after: SecretValues;
}

const NO_SECRETS: SecretChange = { before: {}, after: {} };

/** One audit event: the changed fields, and the secrets as `[redacted]` with whether each changed. */
export function connectionChanged(
  action: 'provider.created' | 'provider.updated' | 'provider.deleted',
  before: ProviderConnectionEntity | null,
  after: ProviderConnectionEntity | null,
  secrets: SecretChange = NO_SECRETS,
): AuditEntry {
  return {
    action,
    entityType: 'provider_connection',
    entityId: (after ?? before)?.id ?? null,
    changes: {
      ...diffFields(
        before && connectionSnapshot(before),
        after && connectionSnapshot(after),
      ),
      ...secretChanges(secrets.before, secrets.after),
    },
  };
}

/** What the audit trail compares: no ids, timestamps, hints or test results; secrets are diffed apart. */
function connectionSnapshot(
  entity: ProviderConnectionEntity,
): Record<string, unknown> {
  return auditSnapshot(
    toProviderConnection(entity, { hints: {}, modelCount: 0 }),
    [
      'id',
      'createdAt',
      'updatedAt',
      'version',
      'lastTest',
      'modelCount',
      'secretHint',
      'secretHints',
    ],
  );
}
