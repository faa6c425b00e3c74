import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type DataSource,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import {
  InjectTransactions,
  type Transactions,
} from '../../database/transactions';
import { type Anchor } from './anchor-file';
import { ChainAnchor } from './chain-anchor';

/**
 * Advances the anchor only once the transaction that appended the event has committed: an anchor for
 * a rolled-back event would name a row that never existed, and verify would report it removed.
 */
@Injectable()
export class AnchorOnCommit implements EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, Anchor>();

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @InjectTransactions() private readonly txHost: Transactions,
    private readonly anchor: ChainAnchor,
  ) {
    dataSource.subscribers.push(this);
  }

  /** Anchors `head` when the current transaction commits; at once when none is open. */
  after(head: Anchor): void {
    const runner = this.txHost.tx.queryRunner;
    if (runner?.isTransactionActive) this.pending.set(runner, head);
    else this.anchor.advance(head);
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    // A released savepoint is not a commit: wait for the outermost transaction.
    if (queryRunner.isTransactionActive) return;
    const head = this.pending.get(queryRunner);
    if (!head) return;
    this.pending.delete(queryRunner);
    this.anchor.advance(head);
  }

  /** Any rollback drops it, a savepoint's too: an anchor may lag the head, never run ahead of it. */
  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    this.pending.delete(queryRunner);
  }
}
