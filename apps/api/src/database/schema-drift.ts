import { type DataSource } from 'typeorm';

/**
 * The SQL TypeORM would run to bring the database in line with the entities.
 * Empty after all migrations ran means the migrations describe the entities exactly.
 */
export async function pendingSchemaChanges(
  dataSource: DataSource,
): Promise<{ up: string[]; down: string[] }> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((q) => q.query),
    down: sql.downQueries.map((q) => q.query),
  };
}
