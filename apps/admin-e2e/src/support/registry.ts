import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { on, once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LoginResponse } from '@llm-registry/contracts';

const ROOT = resolve(__dirname, '../../../..');
export const BUILT_API = join(ROOT, 'dist/apps/api/main.js');
export const BUILT_ADMIN = join(ROOT, 'dist/apps/admin/browser');

export const ADMIN = {
  email: 'admin@e2e.local',
  password: 'browser-tests-pass-for-e2e-7',
};

export interface ApiResponse<T> {
  status: number;
  body: T;
}

export interface Registry {
  /** `http://127.0.0.1:<port>`: the admin app at `/`, the API under `/api/v1`. */
  base: string;
  adminToken: string;
  /** A JSON call to the API as the admin (or with another bearer token). */
  api: <T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ) => Promise<ApiResponse<T>>;
  login: (email: string, password: string) => Promise<string>;
  output: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string')
    throw new Error('no port');
  return address.port;
}

const BANNER = 'LLM Registry is running';
const START_TIMEOUT_MS = 180_000;

/** Resolves once the API prints its banner; fails when it exits first or stays silent for three minutes. */
async function untilStarted(
  child: ChildProcessWithoutNullStreams,
  stdout: () => string,
  stderr: () => string,
): Promise<void> {
  const stop = new AbortController();
  const timer = setTimeout(
    () => stop.abort(new Error(`the API did not start: ${stderr()}`)),
    START_TIMEOUT_MS,
  );
  const { signal } = stop;
  const printed = (async () => {
    for await (const _chunk of on(child.stdout, 'data', { signal }))
      if (stdout().includes(BANNER)) return;
  })();
  const exited = once(child, 'exit', { signal }).then(([code]) => {
    throw new Error(`the API exited with ${String(code)}: ${stderr()}`);
  });
  try {
    await Promise.race([printed, exited]);
  } catch (error) {
    throw signal.aborted ? signal.reason : error;
  } finally {
    clearTimeout(timer);
    // Ends whichever wait lost the race.
    stop.abort();
    await Promise.allSettled([printed, exited]);
  }
}

/**
 * Starts the built API as `npm start` does (embedded PGlite in a fresh data directory, seeded), serving
 * the built admin app on the same port, and signs the bootstrap admin in.
 */
export async function startRegistry(): Promise<Registry> {
  for (const built of [BUILT_API, join(BUILT_ADMIN, 'index.html')]) {
    if (!existsSync(built))
      throw new Error(
        `${built} is missing: run \`npx nx run-many -t build -p api admin\` first`,
      );
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'llmr-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [BUILT_API],
    {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dataDir,
        ADMIN_APP_DIR: BUILT_ADMIN,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        // Plain http on 127.0.0.1: the cookies cannot be Secure here.
        COOKIE_SECURE: 'false',
        CONNECTION_TEST_ATTEMPTS: '1',
        CONNECTION_TEST_TIMEOUT_MS: '5000',
      },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    await untilStarted(
      child,
      () => stdout,
      () => stderr,
    );
  } catch (error) {
    child.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }

  const call = async <T>(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<ApiResponse<T>> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
    };
  };
  const login = async (email: string, password: string): Promise<string> => {
    const response = await call<LoginResponse>('POST', '/api/v1/auth/login', {
      email,
      password,
    });
    if (response.status !== 200)
      throw new Error(`login as ${email}: ${response.status}`);
    return response.body.accessToken;
  };
  const adminToken = await login(ADMIN.email, ADMIN.password);

  return {
    base,
    adminToken,
    api: (method, path, body, token) =>
      call(method, path, body, token ?? adminToken),
    login,
    output: () => stdout + stderr,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
