import { randomBytes } from 'node:crypto';
import { type OutgoingHttpHeaders } from 'node:http';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Client } from 'pg';
import pino from 'pino';
import { type DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { type AppConfig } from '../../src/config/app-config';
import { openDatabase } from '../../src/database/database-handle';
import { type Backend } from './backends';

export interface TestApp {
  backend: Backend;
  app: NestFastifyApplication;
  dataSource: DataSource;
  request: (options: RequestOptions) => Promise<TestResponse>;
  close: () => Promise<void>;
}

export interface RequestOptions {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

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
  const app = await createApp({
    config,
    database,
    logger: pino({ level: 'silent' }),
  }).catch(async (error: unknown) => {
    await database.close();
    await dropDatabase();
    throw error;
  });
  const dataSource = app.get<DataSource>(getDataSourceToken());

  const request = async ({
    method,
    url,
    body,
    headers,
  }: RequestOptions): Promise<TestResponse> => {
    const response = await app.inject({
      method,
      url,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
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
    if (text && /json/.test(String(response.headers['content-type'])))
      parsed = JSON.parse(text);
    return {
      status: response.statusCode,
      headers: response.headers,
      body: parsed,
      text,
    };
  };

  return {
    backend,
    app,
    dataSource,
    request,
    close: async () => {
      await app.close();
      await database.close();
      await dropDatabase();
    },
  };
}
