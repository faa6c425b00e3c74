import { randomBytes } from 'node:crypto';
import { type OutgoingHttpHeaders } from 'node:http';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Client } from 'pg';
import pino from 'pino';
import { type DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import {
  type AppConfig,
  DEFAULT_ENV_ALLOWLIST,
} from '../../src/config/app-config';
import {
  type DatabaseHandle,
  openDatabase,
} from '../../src/database/database-handle';
import { BootstrapService } from '../../src/modules/auth/bootstrap.service';
import { type Backend } from './backends';

export interface TestApp {
  backend: Backend;
  config: AppConfig;
  /** The database the app runs on (a worker in the same test can share it). */
  database: DatabaseHandle;
  app: NestFastifyApplication;
  dataSource: DataSource;
  /** Every route Fastify registered, as `{method, url}`. */
  routes: Array<{ method: string; url: string }>;
  /** Access token of the bootstrap admin, sent by default. */
  adminToken: string;
  /** The bootstrap admin's password: ADMIN_PASSWORD, or the generated one when the config leaves it out. */
  adminPassword: string;
  request: (options: RequestOptions) => Promise<TestResponse>;
  /** Signs in and returns the access token. */
  login: (email: string, password: string) => Promise<string>;
  /** Creates a user of that role (as the admin) and returns its access token. */
  userToken: (role: 'admin' | 'viewer') => Promise<string>;
  /** Creates an API key (as the admin) and returns the key. */
  apiKey: (scope?: string | null) => Promise<string>;
  close: () => Promise<void>;
}

export interface RequestOptions {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Bearer token; defaults to the admin's, null sends none. */
  token?: string | null;
  /** The client's address as the socket shows it (default 127.0.0.1). */
  remoteAddress?: string;
}

export const TEST_ADMIN = {
  email: 'admin@test.local',
  password: 'registry-bootstrap-secret-7',
};
export const TEST_PASSWORD = 'a-perfectly-fine-password-9';

export interface TestResponse {
  status: number;
  headers: OutgoingHttpHeaders;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  text: string;
}

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    nodeEnv: 'test',
    port: 0,
    host: '127.0.0.1',
    databaseMode: 'embedded',
    databasePoolSize: 10,
    migrateOnStart: true,
    dataDir: '/nonexistent',
    logLevel: 'silent',
    logFormat: 'json',
    seedOnStart: false,
    adminEmail: TEST_ADMIN.email,
    adminPassword: TEST_ADMIN.password,
    sessionTtlHours: 12,
    cookieSecure: 'auto',
    corsOrigins: [],
    trustProxy: false,
    masterKey: randomBytes(32).toString('base64'),
    previousMasterKeys: [],
    envAllowlist: DEFAULT_ENV_ALLOWLIST,
    egressDeny: [],
    queueBackend: 'database',
    queuePrefix: `test-${randomBytes(4).toString('hex')}`,
    runProcessors: true,
    connectionTests: {
      concurrency: 4,
      rateLimit: 0,
      rateWindowMs: 60_000,
      timeoutMs: 5000,
      attempts: 2,
    },
    healthChecks: { enabled: false, sweepIntervalMs: 60_000 },
    proxySync: {
      litellm: null,
      reconcileIntervalMs: 3_600_000,
      concurrency: 8,
      timeoutMs: 5000,
      attempts: 3,
      retryDelayMs: 100,
    },
    ...overrides,
  };
}

/** A database of its own on the PostgreSQL server, so test files can run in parallel. */
async function createPostgresDatabase(): Promise<{
  url: string;
  drop: () => Promise<void>;
}> {
  const serverUrl = process.env['DATABASE_URL'] as string;
  const name = `llmr_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Boots the real application (migrations included) on a fresh database of the given backend. */
export async function startTestApp(
  backend: Backend,
  overrides: Partial<AppConfig> = {},
  options: {
    logger?: pino.Logger;
    /** What `*_env` references read; tests may add variables while running. */
    environment?: Record<string, string | undefined>;
  } = {},
): Promise<TestApp> {
  let dropDatabase = async () => undefined as void;
  let config: AppConfig;
  if (backend === 'postgres') {
    const db = await createPostgresDatabase();
    dropDatabase = db.drop;
    config = testConfig({
      databaseMode: 'postgres',
      databaseUrl: db.url,
      ...overrides,
    });
  } else {
    config = testConfig(overrides);
  }
  const database = await openDatabase(config, { inMemory: true });
  const routes: TestApp['routes'] = [];
  const onRoute = (route: { method: string | string[]; url: string }) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url });
    }
  };
  const logger = options.logger ?? pino({ level: 'silent' });
  const app = await createApp({
    config,
    database,
    logger,
    environment: options.environment ?? {},
    onRoute,
  }).catch(async (error: unknown) => {
    await database.close();
    await dropDatabase();
    throw error;
  });
  const dataSource = app.get<DataSource>(getDataSourceToken());

  let adminToken = '';
  const request = async ({
    method,
    url,
    body,
    headers,
    token,
    remoteAddress,
  }: RequestOptions): Promise<TestResponse> => {
    const bearer = token === undefined ? adminToken : token;
    const response = await app.inject({
      method,
      url,
      remoteAddress,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...headers,
      },
      payload:
        body === undefined
          ? undefined
          : typeof body === 'string'
            ? body
            : JSON.stringify(body),
    });
    const text = response.body;
    let parsed: unknown = undefined;
    if (text && /[/+]json/.test(String(response.headers['content-type'])))
      parsed = JSON.parse(text);
    return {
      status: response.statusCode,
      headers: response.headers,
      body: parsed,
      text,
    };
  };

  const login = async (email: string, password: string): Promise<string> => {
    const response = await request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email, password },
      token: null,
    });
    if (response.status !== 200)
      throw new Error(
        `login as ${email} failed: ${response.status} ${response.text}`,
      );
    return response.body.accessToken as string;
  };
  const adminPassword =
    config.adminPassword ??
    app.get(BootstrapService).takeGeneratedCredentials()?.password ??
    '';
  adminToken = await login(TEST_ADMIN.email, adminPassword);

  const userToken = async (role: 'admin' | 'viewer'): Promise<string> => {
    const email = `${role}-${randomBytes(4).toString('hex')}@test.local`;
    const created = await request({
      method: 'POST',
      url: '/api/v1/admin/users',
      body: { email, password: TEST_PASSWORD, role, displayName: role },
    });
    if (created.status !== 201)
      throw new Error(`creating a ${role} failed: ${created.text}`);
    return login(email, TEST_PASSWORD);
  };

  const apiKey = async (scope: string | null = null): Promise<string> => {
    const created = await request({
      method: 'POST',
      url: '/api/v1/admin/api-keys',
      body: { name: `key ${scope ?? 'all'}`, scope },
    });
    if (created.status !== 201)
      throw new Error(`creating an API key failed: ${created.text}`);
    return created.body.key as string;
  };

  return {
    backend,
    config,
    database,
    app,
    dataSource,
    routes,
    adminToken,
    adminPassword,
    request,
    login,
    userToken,
    apiKey,
    close: async () => {
      await app.close();
      await database.close();
      await dropDatabase();
    },
  };
}
