import { randomUUID } from 'node:crypto';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import { Injectable } from '@nestjs/common';
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
import { type Principal } from '../../common/request-context/principal';
import { type AuditEventEntity } from './audit-event.entity';
import { toAuditEvent } from './audit-event.mapper';
import { decodeCursor, encodeCursor } from './audit-cursor';
import { AnchorOnCommit } from './anchor-on-commit';
import { AuditChainKeys } from './audit-chain-keys';
import { type AuditQuery, AuditRepository } from './audit.repository';
import { ChainAnchor } from './chain-anchor';
import { type ChainRow, ChainWalk } from './chain-walk';
import { type ChainedContent, GENESIS_HASH, macEvent } from './hash-chain';

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
  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly audit: AuditRepository,
    private readonly keys: AuditChainKeys,
    private readonly anchor: ChainAnchor,
    private readonly anchorOnCommit: AnchorOnCommit,
  ) {}

  /**
   * Appends one event in the caller's transaction, so the change and its row commit or roll back
   * together. Call it last in the transaction: it holds the chain until commit.
   */
  async record(entry: AuditEntry): Promise<void> {
    const request = currentRequestContext();
    const head = await this.audit.lockHead();
    // Appending goes on either way (the change must be audited); the anchor keeps the evidence.
    this.anchor.noteHead(head && { seq: head.seq, mac: head.hash });
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
    const key = this.keys.primary();
    const mac = macEvent(content, key);
    await this.audit.insert({
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
      hash: mac,
      macKeyId: key.id,
    });
    this.anchorOnCommit.after({ seq: content.seq, mac });
  }

  /**
   * Seals a chain whose head was written before the MAC (an upgraded database) with a MACed event,
   * so its SHA-256 prefix can no longer be rewritten unnoticed. Idempotent across replicas.
   */
  async sealLegacyChain(): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const head = await this.audit.lockHead();
      if (!head || head.macKeyId) return;
      await this.record({
        action: 'audit.chain_sealed',
        entityType: 'audit_chain',
        entityId: null,
        changes: { sealedSeq: { before: null, after: head.seq } },
      });
    });
  }

  /** Keeps the chain keys of every configured master key; rotation calls it before old keys go. */
  keepChainKeys(): Promise<void> {
    return this.keys.keep();
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
   * Recomputes every MAC from the oldest event kept (a changed row fails its own MAC, a removed one
   * leaves a gap in `seq`, a moved one breaks the link to the MAC before it), then checks that the
   * heads anchored outside the database are still there (removing the newest events leaves a valid
   * chain). A head that verifies is anchored in turn.
   */
  async verify(): Promise<AuditVerification> {
    const walk = new ChainWalk(await this.keys.lookup());
    let checked = 0;
    let firstBrokenId: string | null = null;
    let head: AuditEventEntity | null = null;
    for await (const event of this.walk()) {
      checked += 1;
      if (!walk.accept(chainRowOf(event))) {
        firstBrokenId = event.id;
        break;
      }
      head = event;
    }
    firstBrokenId ??= walk.unsealed();
    const anchors = await this.anchor.anchors();
    let truncatedAfterSeq: bigint | null = null;
    for (const anchor of anchors) {
      const seq = BigInt(anchor.seq);
      if (truncatedAfterSeq !== null && seq <= truncatedAfterSeq) continue;
      const hash = await this.audit.hashAt(anchor.seq);
      // A different event in an intact chain was appended after the anchored one was removed; in a
      // broken chain it is the rewrite firstBrokenId already names.
      if (hash === null || (hash !== anchor.mac && firstBrokenId === null)) {
        truncatedAfterSeq = seq;
        this.anchor.freeze(anchor);
      }
    }
    const ok = firstBrokenId === null && truncatedAfterSeq === null;
    if (ok && head?.macKeyId)
      this.anchor.advance({ seq: head.seq, mac: head.hash });
    return {
      ok,
      checked,
      firstBrokenId,
      truncatedAfterSeq: truncatedAfterSeq?.toString() ?? null,
      anchoredSeq: newestSeq(anchors),
    };
  }
}

function newestSeq(anchors: readonly { seq: string }[]): string | null {
  return anchors.reduce<string | null>(
    (newest, { seq }) =>
      newest === null || BigInt(seq) > BigInt(newest) ? seq : newest,
    null,
  );
}

function chainRowOf(event: AuditEventEntity): ChainRow {
  return {
    content: chainedContentOf(event),
    id: event.id,
    macKeyId: event.macKeyId,
    hash: event.hash,
  };
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
