/** Every change the registry audits, as `<entity>.<what happened>`. */
export const AUDIT_ACTIONS = [
  'model.created',
  'model.updated',
  'model.deleted',
  'model.status_changed',
  'model.default_changed',
  'models.bulk',
  'models.imported',
  'provider.created',
  'provider.updated',
  'provider.deleted',
  'secret.rotated',
  'connection_test.requested',
  'connection_test.completed',
  'proxy_sync.requested',
  'proxy_sync.reconciled',
  'auth.login_succeeded',
  'auth.login_failed',
  'auth.logout',
  'auth.password_changed',
  'user.created',
  'user.updated',
  'user.password_reset',
  'user.deleted',
  'api_key.created',
  'api_key.revoked',
  'knowledge_base.created',
  'knowledge_base.updated',
  'knowledge_base.deleted',
  'audit.chain_sealed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What kind of thing an event is about. */
export const AUDIT_ENTITY_TYPES = [
  'model',
  'provider_connection',
  'secret',
  'connection_test',
  'proxy_sync_run',
  'user',
  'api_key',
  'session',
  'knowledge_base',
  'audit_chain',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** Who made a change: a signed-in user, an API key, or the registry itself (boot, seeding, jobs). */
export const AUDIT_ACTOR_TYPES = ['user', 'api_key', 'system'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

export interface AuditActor {
  type: AuditActorType;
  /** The user's or key's id; null for `system` and for a sign-in attempt with an unknown email. */
  id: string | null;
  /** An email, a key's name, or `system`. */
  label: string;
}

/** What a secret field shows in place of its value, before and after. */
export const AUDIT_REDACTED = '[redacted]';

/** One field's change. A secret shows `[redacted]` on both sides and says whether it changed. */
export interface AuditFieldChange {
  before: unknown;
  after: unknown;
  secretChanged?: boolean;
}

/** Changed fields by name; only fields whose value changed appear. */
export type AuditChanges = Record<string, AuditFieldChange>;

/** Where the change came from. */
export interface AuditContext {
  correlationId?: string;
  ip?: string;
  userAgent?: string;
  /** Changes made by a background job. */
  jobId?: string;
}

export interface AuditEvent {
  id: string;
  /** ISO 8601. */
  at: string;
  actor: AuditActor;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string | null;
  changes: AuditChanges;
  context: AuditContext;
  /**
   * HMAC-SHA256 (hex) of the event's canonical content and the previous event's hash, under a key
   * outside the database; SHA-256 for events written before the chain was MACed.
   */
  hash: string;
}

/** Filters of `GET /api/v1/admin/audit-events` and its export. */
export interface AuditEventFilter {
  entityType?: AuditEntityType;
  entityId?: string;
  /** An actor's id, an email or key name, or `system`. */
  actor?: string;
  /** One action (`model.updated`) or every action of an entity (`model.*`). */
  action?: string;
  /** ISO 8601, inclusive. */
  from?: string;
  /** ISO 8601, exclusive. */
  to?: string;
}

export interface AuditEventListQuery extends AuditEventFilter {
  /** `nextCursor` of the previous page. */
  cursor?: string;
  limit?: number;
}

export const AUDIT_PAGE_LIMIT = { default: 50, max: 500 } as const;

/** Newest first; `nextCursor` is null on the last page. */
export interface AuditEventPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

export const AUDIT_EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

export interface AuditExportQuery extends AuditEventFilter {
  format?: AuditExportFormat;
}

/** The hash chain checked from the oldest event kept, and against the head anchored outside the database. */
export interface AuditVerification {
  /** False when a row was changed, moved or removed, or the newest rows were. */
  ok: boolean;
  checked: number;
  /** The first event whose content, hash or place in the chain does not match; null when none. */
  firstBrokenId: string | null;
  /** The newest anchored `seq` whose event is gone (or replaced): events from there on were removed. */
  truncatedAfterSeq: string | null;
  /** The newest `seq` anchored outside the database that was checked; null when nothing is anchored yet. */
  anchoredSeq: string | null;
}
