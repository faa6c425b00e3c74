import { type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { type DatabaseHandle } from './database-handle';
import { MIGRATIONS } from './migrations';

export function buildDataSourceOptions(
  handle: DatabaseHandle,
  poolSize: number,
): DataSourceOptions {
  return {
    type: 'postgres',
    ...handle.connection,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built in since PostgreSQL 13; PGlite has no uuid-ossp.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: false,
    // PGlite is a single session: concurrent connections can interleave and receive each other's
    // results (seen with reads during another connection's transaction). One connection serialises them.
    poolSize:
      handle.mode === 'embedded'
        ? 1
        : Math.min(poolSize, handle.maxConnections),
    extra: {
      application_name: 'llm-registry',
      // A query waiting this long for a connection is stuck (e.g. a read outside the transaction that
      // holds PGlite's only connection): fail loudly instead of hanging the request forever.
      connectionTimeoutMillis: 30_000,
    },
  };
}
