import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import {
  type ConnectionTestListQuery,
  type ProbeResult,
} from '@llm-registry/contracts';
import { AdvisoryLocks } from '../../database/advisory-lock';
import { ConnectionTestEntity } from './connection-test.entity';
import { EntityRepository } from '../../database/entity-repository';

export type NewConnectionTest = Partial<
  Omit<ConnectionTestEntity, 'id' | 'createdAt'>
> &
  Pick<ConnectionTestEntity, 'subject'>;

/** Whose history a list shows. */
export type HistoryOwner =
  | { modelId: string }
  | { providerConnectionId: string };

/** Connection test rows: queries only, on the current transaction's manager. */
@Injectable()
export class ConnectionTestsRepository extends EntityRepository<ConnectionTestEntity> {
  constructor(
    @InjectTransactions() txHost: Transactions,
    private readonly locks: AdvisoryLocks,
  ) {
    super(txHost, ConnectionTestEntity);
  }

  /** Marks the test running in one statement; null when it is gone or already finished. */
  async markRunning(id: string): Promise<ConnectionTestEntity | null> {
    const result = await this.repo()
      .createQueryBuilder()
      .update()
      .set({
        status: 'running',
        startedAt: () => 'now()',
        attempts: () => 'attempts + 1',
      })
      .where('id = :id AND finished_at IS NULL', { id })
      .returning('*')
      .execute();
    const [row] = result.raw as Record<string, unknown>[];
    return row ? this.hydrate(row) : null;
  }

  findPage(
    owner: HistoryOwner,
    query: Required<Pick<ConnectionTestListQuery, 'page' | 'pageSize'>> &
      ConnectionTestListQuery,
  ): Promise<[ConnectionTestEntity[], number]> {
    const qb = this.repo().createQueryBuilder('t');
    if ('modelId' in owner) qb.where('t.model_id = :id', { id: owner.modelId });
    else
      qb.where('t.provider_connection_id = :id', {
        id: owner.providerConnectionId,
      });
    if (query.status)
      qb.andWhere('t.status = :status', { status: query.status });
    if (query.trigger)
      qb.andWhere('t.trigger = :trigger', { trigger: query.trigger });
    return qb
      .orderBy('t.created_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
  }

  /** One INSERT … RETURNING: `save` would wrap it in a transaction of its own. */
  async insert(values: NewConnectionTest): Promise<ConnectionTestEntity> {
    const result = await this.repo()
      .createQueryBuilder()
      .insert()
      .values(values)
      .returning('*')
      .execute();
    const [row] = result.raw as Record<string, unknown>[];
    return this.hydrate(row);
  }

  async update(
    id: string,
    changes: Partial<ConnectionTestEntity>,
  ): Promise<void> {
    await this.repo().update({ id }, changes);
  }

  /**
   * How long until the connection may start another test: 0 when it is under `limit` starts in the
   * window. Holds a per-connection lock until the transaction ends, so concurrent claims count each other.
   */
  async rateLimitDelay(
    connectionId: string,
    limit: number,
    windowMs: number,
  ): Promise<number> {
    await this.locks.lockUntilCommit(`connection-tests.rate:${connectionId}`);
    const [row] = (await this.manager.query(
      `SELECT count(*)::int AS started,
              (extract(epoch FROM min(started_at)) * 1000)::float8 AS oldest
         FROM (SELECT started_at FROM connection_tests
                WHERE provider_connection_id = $1
                  AND started_at > now() - make_interval(secs => $2::float8 / 1000)
                ORDER BY started_at DESC
                LIMIT $3) recent`,
      [connectionId, windowMs, limit],
    )) as { started: number; oldest: number | null }[];
    if (!row || row.started < limit || row.oldest === null) return 0;
    return Math.max(1, Math.ceil(row.oldest + windowMs - Date.now()));
  }

  /**
   * Writes the result onto the test and, as their latest unless a newer one is there, onto its model and
   * connection (null to skip either). One statement, so one commit: the runner pays one round trip.
   */
  async recordResult(
    testId: string,
    result: ProbeResult,
    finishedAt: Date,
    owners: { modelId: string | null; connectionId: string | null },
  ): Promise<void> {
    // Plain SQL on models and connections: neither `version` nor `updated_at` may move, or admins' edits
    // would conflict with tests.
    const latest = `last_test_id = $1, last_test_status = $2, last_test_category = $3,
                    last_test_message = $4, last_test_latency_ms = $5, last_test_at = $7`;
    const newer = '(last_test_at IS NULL OR last_test_at <= $7)';
    await this.manager.query(
      `WITH test AS (
         UPDATE connection_tests
            SET status = $2, category = $3, message = $4, latency_ms = $5, details = $6::jsonb,
                finished_at = $7, draft_secret_id = NULL
          WHERE id = $1),
       model AS (UPDATE models SET ${latest} WHERE id = $8::uuid AND ${newer}),
       connection AS (UPDATE provider_connections SET ${latest} WHERE id = $9::uuid AND ${newer})
       SELECT 1`,
      [
        testId,
        result.status,
        result.category,
        result.message,
        result.latencyMs,
        JSON.stringify(result.details),
        finishedAt,
        owners.modelId,
        owners.connectionId,
      ],
    );
  }

  /**
   * Queues a scheduled test for every active model whose interval has passed and whose daily cap is not
   * reached; returns the new tests. One statement under a lock, so overlapping sweeps cannot both
   * pass a cap.
   */
  async insertDueHealthChecks(limit: number): Promise<ConnectionTestEntity[]> {
    await this.locks.lockUntilCommit('connection-tests.health-sweep');
    const rows = (await this.manager.query(
      `INSERT INTO connection_tests (subject, trigger, model_id, provider_connection_id)
       SELECT 'model', 'scheduled', m.id, m.provider_connection_id
         FROM models m
        WHERE m.health_check_interval_minutes IS NOT NULL
          AND m.status = 'active'
          AND m.provider_connection_id IS NOT NULL
          AND NOT EXISTS (
                SELECT 1 FROM connection_tests t
                 WHERE t.model_id = m.id AND t.trigger = 'scheduled'
                   AND t.created_at > now() - make_interval(mins => m.health_check_interval_minutes))
          AND (SELECT count(*) FROM connection_tests t
                WHERE t.model_id = m.id AND t.trigger = 'scheduled'
                  AND t.created_at >= date_trunc('day', now(), 'UTC')) < m.health_check_daily_cap
        ORDER BY m.id
        LIMIT $1
       RETURNING *`,
      [limit],
    )) as Record<string, unknown>[];
    return rows.map((row) => this.hydrate(row));
  }
}
