import {
  type DataSource,
  type EntityManager,
  type EntityTarget,
  type FindOptionsWhere,
  type ObjectLiteral,
  type Repository,
} from 'typeorm';

/**
 * What every table's repository does alike: transactions, reads by id and row locks. Subclasses add
 * their own queries; every method takes the transaction's manager when it runs inside one.
 */
export abstract class EntityRepository<
  T extends ObjectLiteral & { id: string },
> {
  protected constructor(
    protected readonly dataSource: DataSource,
    private readonly target: EntityTarget<T>,
  ) {}

  transaction<R>(work: (manager: EntityManager) => Promise<R>): Promise<R> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, manager?: EntityManager): Promise<T | null> {
    return this.repo(manager).findOneBy({ id } as FindOptionsWhere<T>);
  }

  /** Locks the row until the transaction ends, so read-check-write sequences cannot interleave. */
  findByIdForUpdate(id: string, manager: EntityManager): Promise<T | null> {
    return this.repo(manager)
      .createQueryBuilder('row')
      .setLock('pessimistic_write')
      .where('row.id = :id', { id })
      .getOne();
  }

  protected repo(manager?: EntityManager): Repository<T> {
    return (manager ?? this.dataSource.manager).getRepository(this.target);
  }
}
