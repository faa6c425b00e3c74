import {
  type EntityManager,
  type EntityTarget,
  type FindOptionsWhere,
  type ObjectLiteral,
  type Repository,
} from 'typeorm';
import { hydrate } from './hydrate';
import { type Transactions } from './transactions';

/**
 * What every table's repository does alike: reads by id and row locks. Subclasses add their own
 * queries; every query runs on {@link manager}, the current transaction's when one is open.
 */
export abstract class EntityRepository<
  T extends ObjectLiteral & { id: string },
> {
  protected constructor(
    private readonly txHost: Transactions,
    private readonly target: EntityTarget<T>,
  ) {}

  findById(id: string): Promise<T | null> {
    return this.repo().findOneBy({ id } as FindOptionsWhere<T>);
  }

  /** Locks the row until the transaction ends, so read-check-write sequences cannot interleave. */
  findByIdForUpdate(id: string): Promise<T | null> {
    return this.repo()
      .createQueryBuilder('row')
      .setLock('pessimistic_write')
      .where('row.id = :id', { id })
      .getOne();
  }

  /** The open transaction's manager in this async context, else the pool's. */
  protected get manager(): EntityManager {
    return this.txHost.tx;
  }

  protected repo(): Repository<T> {
    return this.manager.getRepository(this.target);
  }

  /** A row from `RETURNING *` as this table's entity. */
  protected hydrate(row: Record<string, unknown>): T {
    return hydrate(this.manager, this.target, row);
  }
}
