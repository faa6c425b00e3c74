import { type ObjectLiteral, type Repository } from 'typeorm';
import { type QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** Updates one row by id (TypeORM bumps `version` and `updated_at`) and returns it as stored. */
export async function updateAndReload<T extends ObjectLiteral & { id: string }>(
  repo: Repository<T>,
  id: string,
  changes: QueryDeepPartialEntity<T>,
): Promise<T> {
  await repo
    .createQueryBuilder()
    .update()
    .set(changes)
    .where('id = :id', { id })
    .execute();
  return repo.findOneByOrFail({ id } as never);
}
