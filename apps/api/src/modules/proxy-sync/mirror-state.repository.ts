import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import { type ProxySyncState } from '@llm-registry/contracts';
import { ModelEntity } from '../registry/model.entity';
import { ABSENT_FINGERPRINT } from './deployment';
import { servingSql } from '../registry/serving.sql';

/** A model's state after a mirror attempt, written only if the model is still at `version`. */
export interface MirrorOutcome {
  id: string;
  version: number;
  state: Extract<ProxySyncState, 'synced' | 'error'>;
  error: string | null;
  /** What LiteLLM now holds for it: a fingerprint, ABSENT_FINGERPRINT, or null when unknown. */
  fingerprint: string | null;
}

export function outcomeOf(
  model: Pick<ModelEntity, 'id' | 'version'>,
  result: Omit<MirrorOutcome, 'id' | 'version'>,
): MirrorOutcome {
  return { id: model.id, version: model.version, ...result };
}

/** What a reconcile compares with the model it planned from. */
export interface CurrentModel {
  version: number;
  status: ModelEntity['status'];
  /** Null when the model has no connection. */
  connectionVersion: number | null;
}

/** Rows per statement when recording outcomes. */
const RECORD_BATCH = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids LiteLLM reported may be anything; only a uuid can be one of our models. */
function modelIdsAmong(ids: readonly string[]): string[] {
  return ids.filter((id) => UUID.test(id));
}

/**
 * The models the mirror reads, and the mirror's columns on them. Plain SQL that never touches `version`
 * or `updated_at`: mirroring must not turn an admin's next edit into a conflict.
 */
@Injectable()
export class MirrorStateRepository {
  constructor(@InjectTransactions() private readonly txHost: Transactions) {}

  /** The model with its connection; null once deleted. */
  findModel(id: string): Promise<ModelEntity | null> {
    return this.txHost.tx.getRepository(ModelEntity).findOne({
      where: { id },
      relations: { providerConnection: true },
    });
  }

  /** Serving models with their connections, by id after `afterId`: a reconcile walks them page by page. */
  pageOfServing(afterId: string | null, limit: number): Promise<ModelEntity[]> {
    const qb = this.txHost.tx
      .getRepository(ModelEntity)
      .createQueryBuilder('m')
      .leftJoinAndSelect('m.providerConnection', 'c')
      .where(servingSql('m'));
    if (afterId) qb.andWhere('m.id > :afterId', { afterId });
    return qb.orderBy('m.id', 'ASC').take(limit).getMany();
  }

  async servingIdsOfConnections(connectionIds: string[]): Promise<string[]> {
    const rows = (await this.txHost.tx.query(
      `SELECT id FROM models m WHERE provider_connection_id = ANY($1::uuid[]) AND ${servingSql('m')}`,
      [connectionIds],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** `forget`: what LiteLLM holds is unknown, so the next job must look instead of trusting the fingerprint. */
  async markPending(
    ids: readonly string[],
    options: { forget?: boolean } = {},
  ): Promise<void> {
    await this.txHost.tx.query(
      `UPDATE models SET proxy_sync_state = 'pending', proxy_sync_error = NULL
                         ${options.forget ? ', proxy_sync_fingerprint = NULL' : ''}
        WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** The current version and status of each model that still exists, and its connection's version. */
  async currentOf(ids: readonly string[]): Promise<Map<string, CurrentModel>> {
    const rows = (await this.txHost.tx.query(
      `SELECT m.id, m.version, m.status, c.version AS "connectionVersion"
         FROM models m LEFT JOIN provider_connections c ON c.id = m.provider_connection_id
        WHERE m.id = ANY($1::uuid[])`,
      [modelIdsAmong(ids)],
    )) as Array<CurrentModel & { id: string }>;
    return new Map(rows.map(({ id, ...current }) => [id, current]));
  }

  /**
   * Records outcomes in a few statements. A model edited since it was read is skipped (its own job
   * records it), and so is one whose state would not change: an unchanged registry writes nothing.
   */
  async record(outcomes: readonly MirrorOutcome[]): Promise<void> {
    for (let i = 0; i < outcomes.length; i += RECORD_BATCH) {
      const batch = outcomes.slice(i, i + RECORD_BATCH);
      await this.txHost.tx.query(
        `UPDATE models m
            SET proxy_sync_state = u.state, proxy_sync_error = u.error,
                proxy_sync_fingerprint = u.fingerprint,
                proxy_synced_at = CASE WHEN u.state = 'synced' THEN now() ELSE m.proxy_synced_at END
           FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[])
                  AS u(id, version, state, error, fingerprint)
          WHERE m.id = u.id AND m.version = u.version
            AND (m.proxy_sync_state IS DISTINCT FROM u.state
                 OR m.proxy_sync_error IS DISTINCT FROM u.error
                 OR m.proxy_sync_fingerprint IS DISTINCT FROM u.fingerprint)`,
        [
          batch.map((o) => o.id),
          batch.map((o) => o.version),
          batch.map((o) => o.state),
          batch.map((o) => o.error),
          batch.map((o) => o.fingerprint),
        ],
      );
    }
  }

  /**
   * After a reconcile: models LiteLLM should not serve (inactive, or on a disabled connection), left
   * pending or in error, are settled, except those whose removal failed and those edited since `before`.
   */
  async settleUnserved(
    failedIds: readonly string[],
    before: Date,
  ): Promise<void> {
    await this.txHost.tx.query(
      `UPDATE models m
          SET proxy_sync_state = 'synced', proxy_sync_error = NULL,
              proxy_sync_fingerprint = $3, proxy_synced_at = now()
        WHERE m.proxy_sync_state IN ('pending', 'error', 'off')
          AND m.updated_at < $2
          AND m.id <> ALL($1::uuid[])
          AND (NOT ${servingSql('m')}
               OR EXISTS (SELECT 1 FROM provider_connections c
                           WHERE c.id = m.provider_connection_id AND NOT c.enabled))`,
      [modelIdsAmong(failedIds), before, ABSENT_FINGERPRINT],
    );
  }

  /** The mirror is off: what it once said about each model no longer holds. */
  async markOff(): Promise<void> {
    await this.txHost.tx.query(
      `UPDATE models SET proxy_sync_state = 'off', proxy_sync_error = NULL
        WHERE proxy_sync_state IN ('synced', 'pending', 'error')`,
    );
  }

  async countByState(): Promise<Record<ProxySyncState, number>> {
    const rows = (await this.txHost.tx.query(
      `SELECT proxy_sync_state AS state, count(*)::int AS n FROM models
        WHERE proxy_sync_state IS NOT NULL GROUP BY proxy_sync_state`,
    )) as { state: ProxySyncState; n: number }[];
    const counts: Record<ProxySyncState, number> = {
      synced: 0,
      pending: 0,
      error: 0,
      off: 0,
    };
    for (const row of rows) counts[row.state] = row.n;
    return counts;
  }
}
