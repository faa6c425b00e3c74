import { type EntityManager } from 'typeorm';

/**
 * Serialises everyone taking the same key until the caller's transaction ends (PostgreSQL releases it
 * on commit or rollback); run it through the transaction's manager.
 */
export async function lockUntilCommit(
  manager: EntityManager,
  key: string,
): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}
