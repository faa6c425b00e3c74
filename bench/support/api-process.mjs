// What every bench runner needs: a fresh PostgreSQL database for full mode, and the built API started
// in a process of its own and waited for until it is ready.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const MAIN_JS = join(ROOT, 'dist/apps/api/main.js');

/**
 * A fresh database on the PostgreSQL server, named `<prefix>_<random>`, for full mode.
 * @param {string} prefix
 */
export async function createDatabase(prefix) {
  const serverUrl =
    process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Starts the built API with `env` on a random port and resolves once /health/ready answers.
 * @param {Record<string, string>} env
 */
export async function startApi(env) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  // Embedded mode must not pick up the shell's DATABASE_URL or REDIS_URL; full mode passes its own.
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  delete inherited.REDIS_URL;
  const started = Date.now();
  const child = spawn(process.execPath, [MAIN_JS], {
    env: {
      ...inherited,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      SEED_ON_START: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1800; i++) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok)
        return {
          base,
          readyAfterMs: Date.now() - started,
          stop: async () => {
            child.kill('SIGTERM');
            await once(child, 'exit');
          },
        };
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  child.kill();
  throw new Error('the API did not become ready');
}
