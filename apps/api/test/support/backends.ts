import { type AppConfig } from '../../src/config/app-config';

/** Which databases the integration suite runs against. */
export type Backend = 'postgres' | 'pglite';

let warned = false;

/**
 * PGlite always; PostgreSQL when DATABASE_URL is set. Without it the PostgreSQL half is skipped loudly,
 * and under CI it is a failure, not a skip.
 */
export function testBackends(): Backend[] {
  if (process.env['DATABASE_URL']) return ['postgres', 'pglite'];
  if (process.env['CI'] === 'true') {
    throw new Error(
      'CI=true but DATABASE_URL is not set: the PostgreSQL integration suite cannot run.',
    );
  }
  if (!warned) {
    warned = true;
    process.stderr.write(
      '\n*** DATABASE_URL is not set: the PostgreSQL integration suite is SKIPPED (PGlite only). ***\n' +
        '*** Set DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run it.                     ***\n\n',
    );
  }
  return ['pglite'];
}

export interface QueueCase {
  name: 'embedded' | 'redis';
  backend: Backend;
  overrides: Partial<AppConfig>;
}

/**
 * Both queue backends: BullMQ on its database backend over embedded PGlite, and BullMQ on Redis (with
 * PostgreSQL when DATABASE_URL is set). REDIS_URL defaults to the machine's Redis.
 */
export function queueCases(): QueueCase[] {
  const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  return [
    {
      name: 'embedded',
      backend: 'pglite',
      overrides: { queueBackend: 'database' },
    },
    {
      name: 'redis',
      backend: testBackends().includes('postgres') ? 'postgres' : 'pglite',
      overrides: { queueBackend: 'redis', redisUrl },
    },
  ];
}
