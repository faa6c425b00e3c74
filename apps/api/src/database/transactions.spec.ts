import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TransactionHost } from '@nestjs-cls/transactional';
import { getDataSourceToken } from '@nestjs/typeorm';
import { type EntityManager } from 'typeorm';
import { AdvisoryLocks } from './advisory-lock';
import { type Transactions, transactionsModule } from './transactions';

const pool = { name: 'pool', query: jest.fn() } as unknown as EntityManager;
const opened = { name: 'tx', query: jest.fn() } as unknown as EntityManager;
const fakeDataSource = {
  manager: pool,
  transaction: (_isolation: unknown, work: (m: EntityManager) => unknown) =>
    work(opened),
};

@Global()
@Module({
  providers: [{ provide: getDataSourceToken(), useValue: fakeDataSource }],
  exports: [getDataSourceToken()],
})
class FakeTypeOrmModule {}

describe('transactions from the async context', () => {
  let transactions: Transactions;
  let locks: AdvisoryLocks;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [FakeTypeOrmModule, transactionsModule()],
      providers: [AdvisoryLocks],
    }).compile();
    transactions = moduleRef.get<Transactions>(TransactionHost);
    locks = moduleRef.get(AdvisoryLocks);
  });

  it('gives the pool manager outside any context or transaction', () => {
    expect(transactions.tx).toBe(pool);
    expect(transactions.isTransactionActive()).toBe(false);
  });

  it('opens a transaction without an active context and hands its manager to nested code', async () => {
    const seen = await transactions.withTransaction(async () => {
      const inner = await transactions.withTransaction(async () =>
        Promise.resolve(transactions.tx),
      );
      return [transactions.tx, inner];
    });
    expect(seen).toEqual([opened, opened]);
    expect(transactions.tx).toBe(pool);
  });

  it('refuses an advisory lock outside a transaction, where it would end at once', async () => {
    await expect(locks.lockUntilCommit('k')).rejects.toThrow(
      'outside a transaction',
    );
    await transactions.withTransaction(() => locks.lockUntilCommit('k'));
    expect(opened.query).toHaveBeenCalledWith(
      'SELECT pg_advisory_xact_lock(hashtext($1))',
      ['k'],
    );
  });
});
