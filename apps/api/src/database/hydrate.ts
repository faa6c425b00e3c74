import {
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
} from 'typeorm';

/** An entity from a raw row (`RETURNING *`), converted the way TypeORM converts the rows it selects. */
export function hydrate<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
): T {
  const metadata = manager.connection.getMetadata(target);
  const { driver } = manager.connection;
  const entity = metadata.create() as T;
  for (const column of metadata.columns)
    column.setEntityValue(
      entity,
      driver.prepareHydratedValue(row[column.databaseName], column),
    );
  return entity;
}
