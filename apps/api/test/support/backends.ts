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
