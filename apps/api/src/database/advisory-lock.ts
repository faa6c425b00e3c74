import { Injectable } from '@nestjs/common';
import { InjectTransactions, type Transactions } from './transactions';

/**
 * Advisory locks held until the current transaction ends (PostgreSQL releases them on commit or
 * rollback). Outside a transaction they would be released at once, so taking one there throws.
 */
@Injectable()
export class AdvisoryLocks {
  constructor(@InjectTransactions() private readonly txHost: Transactions) {}

  /** Serialises everyone taking the same key until the transaction ends. */
  async lockUntilCommit(key: string): Promise<void> {
    await this.query('SELECT pg_advisory_xact_lock(hashtext($1))', key);
  }

  /**
   * Takes the key in shared mode: shared holders run side by side, and wait for (and hold off) anyone
   * taking it with lockUntilCommit.
   */
  async shareLockUntilCommit(key: string): Promise<void> {
    await this.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', key);
  }

  private async query(sql: string, key: string): Promise<void> {
    if (!this.txHost.isTransactionActive())
      throw new Error(`Advisory lock ${key} taken outside a transaction`);
    await this.txHost.tx.query(sql, [key]);
  }
}
