import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import { SERVING_STATUSES, type ProxySyncState } from '@llm-registry/contracts';
import { type ModelEntity } from '../registry/model.entity';
import { ABSENT_FINGERPRINT } from './deployment';

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

/** Rows per statement when recording outcomes. */
const RECORD_BATCH = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids LiteLLM reported may be anything; only a uuid can be one of our models. */
export function modelIdsAmong(ids: readonly string[]): string[] {
  return ids.filter((id) => UUID.test(id));
}

/**
 * The mirror's own columns on `models` (`proxy_sync_*`); the models themselves are read through the
 * registry's ModelReader. Plain SQL that never touches `version` or `updated_at`: mirroring must not
 * turn an admin's next edit into a conflict.
 */
@Injectable()
export class MirrorStateRepository {
  constructor(@InjectTransactions() private readonly txHost: Transactions) {}

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
          AND (m.status <> ALL($4::text[])
               OR EXISTS (SELECT 1 FROM provider_connections c
                           WHERE c.id = m.provider_connection_id AND NOT c.enabled))`,
      [modelIdsAmong(failedIds), before, ABSENT_FINGERPRINT, SERVING_STATUSES],
    );
  }

  /** The mirror is off: what it once said about each model no longer holds. */
  async markOff(): Promise<void> {
    await this.txHost.tx.query(
      `UPDATE models SET proxy_sync_state = 'off', proxy_sync_error = NULL
        WHERE proxy_sync_state IN ('synced', 'pending', 'error')`,
    );
  }
}
