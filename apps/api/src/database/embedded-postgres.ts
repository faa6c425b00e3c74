import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite, type Extension } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { acquirePidLock } from './pid-lock';
import { PgliteSessionQueue } from './pglite-session-queue';

// contrib/* declares ESM-only types but ships a CommonJS build, which is what runs here.
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as {
  pg_trgm: Extension;
};

/** PostgreSQL's client libraries look for `<dir>/.s.PGSQL.<port>`; the port is only part of the name. */
const SOCKET_PORT = 5432;

export interface EmbeddedPostgres {
  /** Directory holding the unix socket: use it as `host` with the `pg` driver. */
  socketDir: string;
  port: number;
  maxConnections: number;
  close(): Promise<void>;
}

/**
 * Runs PGlite (PostgreSQL compiled to WASM) in this process and serves it on a private unix socket,
 * so TypeORM, `pg` and BullMQ talk to it exactly as they talk to a PostgreSQL server.
 * PGlite runs one session: clients take turns, one exchange or transaction at a time.
 *
 * @param dataDir where the database files live; omit for an in-memory database (tests).
 */
export async function startEmbeddedPostgres(options: {
  dataDir?: string;
  maxConnections: number;
}): Promise<EmbeddedPostgres> {
  let releaseLock = async () => undefined as void;
  if (options.dataDir) {
    await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    releaseLock = await acquirePidLock(
      `${options.dataDir}.pid`,
      `The database in ${options.dataDir}`,
    );
  }
  const db = await PGlite.create({
    dataDir: options.dataDir,
    extensions: { pg_trgm },
  });

  // PGlite is one session shared by every client. BullMQ's job tables live in schema `bullmq` and its SQL
  // names them unqualified (its per-connection search_path option does not reach PGlite), so the session
  // looks there after `public`; our table names must not collide with BullMQ's (the schema test checks).
  await db.exec('SET search_path TO public, bullmq');

  // A fresh 0700 directory: nobody else on the machine can reach the socket, and no stale socket blocks us.
  const socketDir = await mkdtemp(join(tmpdir(), 'llmr-pg-'));
  await chmod(socketDir, 0o700);
  const server = new PGLiteSocketServer({
    db,
    path: join(socketDir, `.s.PGSQL.${SOCKET_PORT}`),
    maxConnections: options.maxConnections,
  });
  // Replaces the server's own queue (before any client connects): see PgliteSessionQueue for why.
  (server as unknown as { queryQueue: PgliteSessionQueue }).queryQueue =
    new PgliteSessionQueue(db);
  await server.start();

  return {
    socketDir,
    port: SOCKET_PORT,
    maxConnections: options.maxConnections,
    async close() {
      await server.stop();
      await db.close();
      await rm(socketDir, { recursive: true, force: true });
      await releaseLock();
    },
  };
}
