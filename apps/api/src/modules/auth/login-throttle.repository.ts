import { Injectable } from '@nestjs/common';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';

/**
 * Failures counted per key within a window; from the `limit`-th on, the key is blocked for
 * `firstBlockSeconds`, doubling with each further failure up to `maxBlockSeconds` (equal: a fixed block).
 */
export interface ThrottlePolicy {
  limit: number;
  windowSeconds: number;
  firstBlockSeconds: number;
  maxBlockSeconds: number;
}

/** The key's failure count once this one is counted: a window that has passed starts again at 1. */
const NEXT_FAILURES = `CASE WHEN t.window_started_at < now() - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END`;
/** The block for `failures` failures; the exponent is capped so power() stays finite. */
const blockFor = (failures: string) =>
  `CASE WHEN ${failures} >= $2
     THEN now() + make_interval(secs => least($5::float8, $4::float8 * power(2, least(${failures} - $2, 30))))
   END`;

@Injectable()
export class LoginThrottleRepository {
  constructor(@InjectTransactions() private readonly txHost: Transactions) {}

  /** Seconds until the longest block among these keys ends; 0 when none is blocked. */
  async secondsBlocked(keys: string[]): Promise<number> {
    const [row] = await this.txHost.tx.query(
      `SELECT coalesce(ceil(extract(epoch FROM max(blocked_until) - now())), 0)::int AS seconds
         FROM login_throttle WHERE key = ANY($1) AND blocked_until > now()`,
      [keys],
    );
    return Math.max(0, Number(row?.seconds ?? 0));
  }

  /** Counts one failure in the key's window (one atomic statement, so replicas racing count each one). */
  async recordFailure(key: string, policy: ThrottlePolicy): Promise<void> {
    await this.txHost.tx.query(
      `INSERT INTO login_throttle AS t (key, window_started_at, failures, blocked_until)
         VALUES ($1, now(), 1, ${blockFor('1')})
       ON CONFLICT (key) DO UPDATE SET
         failures = ${NEXT_FAILURES},
         window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => $3) THEN now() ELSE t.window_started_at END,
         blocked_until = coalesce(${blockFor(NEXT_FAILURES)}, t.blocked_until)`,
      [
        key,
        policy.limit,
        policy.windowSeconds,
        policy.firstBlockSeconds,
        policy.maxBlockSeconds,
      ],
    );
  }

  async clear(key: string): Promise<void> {
    await this.txHost.tx.query(`DELETE FROM login_throttle WHERE key = $1`, [
      key,
    ]);
  }
}
