import {
  ClsPluginTransactional,
  InjectTransactionHost,
  type TransactionHost,
} from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ClsModule } from 'nestjs-cls';

/**
 * Where every query gets its manager: `tx` is the open transaction's manager in this async context,
 * or the pool's when none is open. Nothing passes managers by hand, so no query can miss the
 * transaction it runs in (on the embedded database's single session that would wait forever).
 */
export type Transactions = TransactionHost<TransactionalAdapterTypeOrm>;

/** Injects the {@link Transactions} host (the explicit token keeps the generic type out of DI). */
export const InjectTransactions = InjectTransactionHost;

/**
 * The async context and its transaction plugin. No entry point has to open a context first:
 * `withTransaction` opens one when none is active, and `tx` outside any context is the pool's manager.
 */
export function transactionsModule() {
  return ClsModule.forRoot({
    global: true,
    plugins: [
      new ClsPluginTransactional({
        adapter: new TransactionalAdapterTypeOrm({
          dataSourceToken: getDataSourceToken(),
        }),
      }),
    ],
  });
}
