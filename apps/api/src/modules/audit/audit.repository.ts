import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import { type SelectQueryBuilder } from 'typeorm';
import { type QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { type AuditEventFilter } from '@llm-registry/contracts';
import { AdvisoryLocks } from '../../database/advisory-lock';
import { AuditEventEntity } from './audit-event.entity';

/** The filter with its dates parsed. */
export type AuditQuery = Omit<AuditEventFilter, 'from' | 'to'> & {
  from?: Date;
  to?: Date;
};

const CHAIN_LOCK = 'audit.chain';

/** The newest event; `macKeyId` null when it was written before the chain was MACed. */
export interface ChainHead {
  seq: string;
  hash: string;
  macKeyId: string | null;
}

/** Audit rows: queries only. The chain's order is `seq`; every read walks it by keyset, never by offset. */
@Injectable()
export class AuditRepository {
  constructor(
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly locks: AdvisoryLocks,
  ) {}

  /**
   * Takes the chain for the rest of the caller's transaction and returns its head: writers queue here,
   * so two transactions can never append after the same event (no fork).
   */
  async lockHead(): Promise<ChainHead | null> {
    await this.locks.lockUntilCommit(CHAIN_LOCK);
    const [head] = (await this.txHost.tx.query(
      'SELECT seq, hash, mac_key_id AS "macKeyId" FROM audit_events ORDER BY seq DESC LIMIT 1',
    )) as ChainHead[];
    return head ?? null;
  }

  /** The hash (MAC) of the event at `seq`; null when there is none. */
  async hashAt(seq: string): Promise<string | null> {
    const [row] = (await this.txHost.tx.query(
      'SELECT hash FROM audit_events WHERE seq = $1',
      [seq],
    )) as { hash: string }[];
    return row?.hash ?? null;
  }

  async insert(event: AuditEventEntity): Promise<void> {
    // `changes` is an open record, which TypeORM's deep-partial type cannot express.
    await this.txHost.tx
      .getRepository(AuditEventEntity)
      .insert(event as QueryDeepPartialEntity<AuditEventEntity>);
  }

  /**
   * Up to `limit` events past `fromSeq` (exclusive) in `order`: newest first for pages, oldest first for
   * exports and verification.
   */
  findFrom(
    query: AuditQuery,
    fromSeq: string | null,
    limit: number,
    order: 'ASC' | 'DESC',
  ): Promise<AuditEventEntity[]> {
    const qb = this.filtered(query);
    if (fromSeq)
      qb.andWhere(order === 'ASC' ? 'e.seq > :fromSeq' : 'e.seq < :fromSeq', {
        fromSeq,
      });
    return qb.orderBy('e.seq', order).take(limit).getMany();
  }

  private filtered(query: AuditQuery): SelectQueryBuilder<AuditEventEntity> {
    const qb = this.txHost.tx
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .where('TRUE');
    if (query.entityType)
      qb.andWhere('e.entity_type = :entityType', {
        entityType: query.entityType,
      });
    if (query.entityId)
      qb.andWhere('e.entity_id = :entityId', { entityId: query.entityId });
    if (query.action?.endsWith('.*'))
      qb.andWhere('starts_with(e.action, :actionPrefix)', {
        actionPrefix: query.action.slice(0, -1),
      });
    else if (query.action)
      qb.andWhere('e.action = :action', { action: query.action });
    if (query.actor === 'system') qb.andWhere("e.actor_type = 'system'");
    else if (query.actor && isUuid(query.actor))
      qb.andWhere('e.actor_id = :actor', { actor: query.actor });
    else if (query.actor)
      qb.andWhere('lower(e.actor_label) = lower(:actor)', {
        actor: query.actor,
      });
    if (query.from) qb.andWhere('e.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.at < :to', { to: query.to });
    return qb;
  }
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(
    value,
  );
}
