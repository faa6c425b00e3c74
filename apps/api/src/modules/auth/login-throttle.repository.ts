import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';

export interface ThrottlePolicy {
  limit: number;
  windowSeconds: number;
  blockSeconds: number;
}

@Injectable()
export class LoginThrottleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Seconds until the longest block among these keys ends; 0 when none is blocked. */
  async secondsBlocked(keys: string[]): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT coalesce(ceil(extract(epoch FROM max(blocked_until) - now())), 0)::int AS seconds
         FROM login_throttle WHERE key = ANY($1) AND blocked_until > now()`,
      [keys],
    );
    return Math.max(0, Number(row?.seconds ?? 0));
  }

  /** Counts one failure in the key's window (one atomic statement), blocking the key once over the limit. */
  async recordFailure(key: string, policy: ThrottlePolicy): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO login_throttle AS t (key, window_started_at, failures, blocked_until)
         VALUES ($1, now(), 1, CASE WHEN 1 >= $2 THEN now() + make_interval(secs => $4) END)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at < now() - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => $3) THEN now() ELSE t.window_started_at END,
         blocked_until = CASE
           WHEN (CASE WHEN t.window_started_at < now() - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END) >= $2
           THEN now() + make_interval(secs => $4)
           ELSE t.blocked_until END`,
      [key, policy.limit, policy.windowSeconds, policy.blockSeconds],
    );
  }

  async clear(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE key = $1`, [
      key,
    ]);
  }
}
