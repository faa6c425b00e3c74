import {
  AUDIT_REDACTED,
  type AuditChanges,
  type AuditFieldChange,
} from '@llm-registry/contracts';
import { canonicalJson } from './hash-chain';

type Snapshot = Record<string, unknown>;

/**
 * The fields whose value differs between two snapshots of an entity (null before a creation, null
 * after a deletion). Values are compared by content, so a re-ordered object is not a change.
 */
export function diffFields(
  before: Snapshot | null,
  after: Snapshot | null,
): AuditChanges {
  const changes: AuditChanges = {};
  const keys = new Set([
    ...Object.keys(before ?? {}),
    ...Object.keys(after ?? {}),
  ]);
  for (const key of [...keys].sort()) {
    const from = plain(before?.[key]);
    const to = plain(after?.[key]);
    if (canonicalJson(from) !== canonicalJson(to))
      changes[key] = { before: from, after: to };
  }
  return changes;
}

/**
 * Secret fields, compared in memory and written as `[redacted]` on both sides with whether they
 * changed; a field only appears when it changed or exists on either side.
 */
export function secretChanges(
  before: Record<string, string | undefined>,
  after: Record<string, string | undefined>,
): AuditChanges {
  const changes: AuditChanges = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of [...keys].sort()) {
    if (before[key] === after[key]) continue;
    changes[key] = redacted(
      before[key] !== undefined,
      after[key] !== undefined,
    );
  }
  return changes;
}

/** A secret that was set, replaced or cleared: never its value. */
export function redacted(
  hadValue: boolean,
  hasValue: boolean,
): AuditFieldChange {
  return {
    before: hadValue ? AUDIT_REDACTED : null,
    after: hasValue ? AUDIT_REDACTED : null,
    secretChanged: true,
  };
}

/** Dates become ISO strings and undefined becomes null, as they will read back from jsonb. */
function plain(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as unknown;
}
