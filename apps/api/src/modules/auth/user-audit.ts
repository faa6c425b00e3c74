import { redacted, diffFields } from '../audit/audit-diff';
import { auditSnapshot } from '../audit/audit-snapshot';
import { type AuditEntry } from '../audit/audit.service';
import { toUser } from './auth.mapper';
import { type UserEntity } from './user.entity';

/** A user as the audit trail compares it: no ids, timestamps, version or sign-in times. */
function userSnapshot(entity: UserEntity): Record<string, unknown> {
  return auditSnapshot(toUser(entity), [
    'id',
    'createdAt',
    'updatedAt',
    'version',
    'lastLoginAt',
  ]);
}

export function userCreated(entity: UserEntity): AuditEntry {
  return {
    action: 'user.created',
    entityType: 'user',
    entityId: entity.id,
    changes: {
      ...diffFields(null, userSnapshot(entity)),
      password: redacted(false, true),
    },
  };
}

export function userChanged(
  action: 'user.updated' | 'user.deleted',
  before: UserEntity,
  after: UserEntity | null,
): AuditEntry {
  return {
    action,
    entityType: 'user',
    entityId: before.id,
    changes: diffFields(userSnapshot(before), after && userSnapshot(after)),
  };
}

/** A password set by an admin (`user.password_reset`) or by its owner (`auth.password_changed`). */
export function passwordChanged(
  action: 'user.password_reset' | 'auth.password_changed',
  userId: string,
): AuditEntry {
  return {
    action,
    entityType: 'user',
    entityId: userId,
    changes: { password: redacted(true, true) },
  };
}
