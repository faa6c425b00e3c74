import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import {
  AUDIT_PAGE_LIMIT,
  type AuditAction,
  type AuditActor,
  type AuditChanges,
  type AuditContext,
  type AuditEntityType,
  type AuditEventListQuery,
  type AuditEventPage,
  type AuditVerification,
} from '@llm-registry/contracts';
import { redactor } from '../../common/redaction/redactor';
import { currentRequestContext } from '../../common/request-context/request-context';
import { type Principal } from '../auth/principal';
import { type AuditEventEntity } from './audit-event.entity';
import { toAuditEvent } from './audit-event.mapper';
import { decodeCursor, encodeCursor } from './audit-cursor';
import { type AuditQuery, AuditRepository } from './audit.repository';
import { type ChainedContent, GENESIS_HASH, hashEvent } from './hash-chain';

/** What a change tells the audit trail; who and where come from the request unless given. */
export interface AuditEntry {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string | null;
  changes?: AuditChanges;
  /** Defaults to the request's caller, else `system`. */
  actor?: AuditActor;
  context?: AuditContext;
}

export const SYSTEM_ACTOR: AuditActor = {
  type: 'system',
  id: null,
  label: 'system',
};

/** Rows read per query when exporting or verifying: memory stays flat however long the trail. */
const BATCH_SIZE = 1000;

/** The audit trail: append in the caller's transaction, read by filter, walk, verify. */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  /**
   * Appends one event in the caller's transaction, so the change and its row commit or roll back
   * together. Call it last in the transaction: it holds the chain until commit.
   */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    const request = currentRequestContext();
    const head = await this.audit.lockHead(manager);
    const content: ChainedContent = {
      seq: head ? (BigInt(head.seq) + 1n).toString() : '1',
      id: randomUUID(),
      at: new Date(),
      actor: entry.actor ?? actorOf(request?.caller()) ?? SYSTEM_ACTOR,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      // A secret that slipped into a changed field is scrubbed before it is hashed and kept.
      changes: scrubbed(entry.changes ?? {}),
      context: {
        ...(request && {
          correlationId: request.correlationId,
          ip: request.ip,
          userAgent: request.userAgent,
        }),
        ...entry.context,
      },
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    await this.audit.insert(
      {
        seq: content.seq,
        id: content.id,
        at: content.at,
        actorType: content.actor.type,
        actorId: content.actor.id,
        actorLabel: content.actor.label,
        action: content.action,
        entityType: content.entityType,
        entityId: content.entityId,
        changes: content.changes,
        context: JSON.parse(JSON.stringify(content.context)) as AuditContext,
        prevHash: content.prevHash,
        hash: hashEvent(content),
      },
      manager,
    );
  }

  async list(query: AuditEventListQuery): Promise<AuditEventPage> {
    const limit = query.limit ?? AUDIT_PAGE_LIMIT.default;
    const rows = await this.audit.findFrom(
      parseFilter(query),
      query.cursor ? decodeCursor(query.cursor) : null,
      limit + 1,
      'DESC',
    );
    const items = rows.slice(0, limit);
    return {
      items: items.map(toAuditEvent),
      nextCursor:
        rows.length > limit ? encodeCursor(items[items.length - 1].seq) : null,
    };
  }

  /** Oldest first, one batch in memory at a time. */
  async *walk(
    filter: AuditEventListQuery = {},
  ): AsyncGenerator<AuditEventEntity> {
    const query = parseFilter(filter);
    let after: string | null = null;
    for (;;) {
      const batch = await this.audit.findFrom(query, after, BATCH_SIZE, 'ASC');
      yield* batch;
      if (batch.length < BATCH_SIZE) return;
      after = batch[batch.length - 1].seq;
    }
  }

  /**
   * Recomputes every hash from the oldest event kept: a changed row fails its own hash, a removed one
   * leaves a gap in `seq`, a reordered one breaks the link to the hash before it.
   */
  async verify(): Promise<AuditVerification> {
    let checked = 0;
    let previous: AuditEventEntity | null = null;
    for await (const event of this.walk()) {
      checked += 1;
      if (!followsInChain(event, previous))
        return { ok: false, checked, firstBrokenId: event.id };
      previous = event;
    }
    return { ok: true, checked, firstBrokenId: null };
  }
}

function followsInChain(
  event: AuditEventEntity,
  previous: AuditEventEntity | null,
): boolean {
  // The oldest row kept starts the chain: the genesis hash, or the last hash of an archived part.
  const linked = previous
    ? BigInt(event.seq) === BigInt(previous.seq) + 1n &&
      event.prevHash === previous.hash
    : event.seq !== '1' || event.prevHash === GENESIS_HASH;
  return linked && hashEvent(chainedContentOf(event)) === event.hash;
}

export function chainedContentOf(event: AuditEventEntity): ChainedContent {
  return {
    seq: event.seq,
    id: event.id,
    at: event.at,
    actor: {
      type: event.actorType,
      id: event.actorId,
      label: event.actorLabel,
    },
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    changes: event.changes,
    context: event.context,
    prevHash: event.prevHash,
  };
}

function actorOf(caller: unknown): AuditActor | null {
  const principal = caller as Principal | undefined;
  if (!principal) return null;
  return principal.kind === 'user'
    ? { type: 'user', id: principal.id, label: principal.email }
    : { type: 'api_key', id: principal.id, label: principal.name };
}

function parseFilter(filter: AuditEventListQuery): AuditQuery {
  return {
    entityType: filter.entityType,
    entityId: filter.entityId,
    actor: filter.actor,
    action: filter.action,
    from: filter.from ? new Date(filter.from) : undefined,
    to: filter.to ? new Date(filter.to) : undefined,
  };
}

/** The changes as jsonb will return them (dates as strings, no undefined), with secrets scrubbed. */
function scrubbed(changes: AuditChanges): AuditChanges {
  return JSON.parse(
    JSON.stringify(changes, (_key, value: unknown) =>
      typeof value === 'string' ? redactor.scrub(value) : value,
    ),
  ) as AuditChanges;
}
