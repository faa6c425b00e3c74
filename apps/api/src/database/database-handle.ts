import { join } from 'node:path';
import { type AppConfig } from '../config/app-config';
import { startEmbeddedPostgres } from './embedded-postgres';

/** Where the database is and how to reach it; opened before the Nest application and closed after it. */
export interface DatabaseHandle {
  mode: AppConfig['databaseMode'];
  /** Connection settings for the `pg` driver. */
  connection:
    | { url: string }
    | { host: string; port: number; username: string; database: string };
  /** Connections the application may open in total (pool sizes must fit under it). */
  maxConnections: number;
  /** For the banner and logs; never contains a password. */
  description: string;
  close(): Promise<void>;
}

export async function openDatabase(
  config: Pick<
    AppConfig,
    'databaseMode' | 'databaseUrl' | 'dataDir' | 'databasePoolSize'
  >,
  options: { inMemory?: boolean } = {},
): Promise<DatabaseHandle> {
  if (config.databaseMode === 'postgres' && config.databaseUrl) {
    return {
      mode: 'postgres',
      connection: { url: config.databaseUrl },
      maxConnections: config.databasePoolSize,
      description: `PostgreSQL ${describeUrl(config.databaseUrl)}`,
      close: async () => undefined,
    };
  }
  const dataDir = options.inMemory ? undefined : join(config.dataDir, 'pglite');
  // Room for the ORM pool plus a few for job queues and admin commands.
  const embedded = await startEmbeddedPostgres({
    dataDir,
    maxConnections: config.databasePoolSize + 5,
  });
  return {
    mode: 'embedded',
    connection: {
      host: embedded.socketDir,
      port: embedded.port,
      username: 'postgres',
      database: 'postgres',
    },
    maxConnections: embedded.maxConnections,
    description: `PGlite (embedded) in ${dataDir ?? 'memory'}`,
    close: () => embedded.close(),
  };
}

/** host:port/database without credentials. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}
