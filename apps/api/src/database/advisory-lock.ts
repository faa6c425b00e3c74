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

/**
 * Takes the key in shared mode: shared holders run side by side, and wait for (and hold off) anyone
 * taking it with lockUntilCommit.
 */
export async function shareLockUntilCommit(
  manager: EntityManager,
  key: string,
): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [
    key,
  ]);
}
