import { type DataSource } from 'typeorm';

/** Serialises migrations when several replicas start at once (any constant, shared by all of them). */
const MIGRATION_LOCK_KEY = 7_310_552;

export class SchemaOutOfDateError extends Error {}

/**
 * Applies pending migrations (one transaction each); returns their names. On PostgreSQL several replicas
 * may start at once, so they take turns under an advisory lock; embedded mode has one process (pid lock)
 * and one connection, where holding the lock on a second connection would deadlock.
 */
export async function migrate(
  dataSource: DataSource,
  options: { serialise: boolean },
): Promise<string[]> {
  if (!options.serialise)
    return (await dataSource.runMigrations({ transaction: 'each' })).map(
      (m) => m.name,
    );
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner
      .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
      .catch(() => undefined);
    await runner.release();
  }
}

/** Refuses to run on a schema older than the code, with the command that fixes it. */
export async function assertSchemaCurrent(
  dataSource: DataSource,
): Promise<void> {
  if (await dataSource.showMigrations()) {
    throw new SchemaOutOfDateError(
      'The database schema is behind this version: run `npm run migrate` (or set DATABASE_MIGRATE_ON_START=true).',
    );
  }
}
