import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { openDatabase } from '../src/database/database-handle';
import { migrate } from '../src/database/schema';
import { testBackends } from './support/backends';
import { generationModel } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

const ROLES_SQL = join(__dirname, '../../../deploy/postgres/roles.sql');

const postgresOnly = testBackends().includes('postgres')
  ? describe
  : describe.skip;

async function run(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * The compose setup, on a database of its own: deploy/postgres/roles.sql (role names made unique,
 * roles are server-wide), migrations as the owner, the script again, then the real app as the role
 * that owns no table.
 */
postgresOnly('the full mode connected as a role that owns no table', () => {
  const serverUrl = process.env['DATABASE_URL'] as string;
  const suffix = randomBytes(4).toString('hex');
  const owner = `llmr_owner_${suffix}`;
  const appRole = `llmr_app_${suffix}`;
  const database = `llmr_roles_${suffix}`;
  const urlAs = (user?: string): string => {
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    if (user) url.username = user;
    return url.toString();
  };
  let t: TestApp;

  beforeAll(async () => {
    const roles = (await readFile(ROLES_SQL, 'utf8'))
      .replaceAll('registry_owner', owner)
      .replaceAll('registry_app', appRole);
    await run(serverUrl, `CREATE DATABASE ${database}`);
    await run(urlAs(), roles);
    const handle = await openDatabase({
      databaseMode: 'postgres',
      databaseUrl: urlAs(owner),
      dataDir: '/nonexistent',
      databasePoolSize: 2,
    });
    const migrator = new DataSource(buildDataSourceOptions(handle, 2));
    await migrator.initialize();
    await migrate(migrator, { serialise: true });
    await migrator.destroy();
    await run(urlAs(), roles);
    t = await startTestApp('postgres', {
      databaseUrl: urlAs(appRole),
      migrateOnStart: false,
      queueBackend: 'redis',
      redisUrl: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    });
  });

  afterAll(async () => {
    await t?.close();
    await run(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await run(serverUrl, `DROP ROLE IF EXISTS ${appRole}, ${owner}`);
  });

  it('boots, signs in, changes the registry and audits it, and the chain verifies', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/admin/models',
      body: generationModel(),
    });
    expect(created.status).toBe(201);
    const events = await t.request({
      method: 'GET',
      url: '/api/v1/admin/audit-events?action=model.created',
    });
    expect(events.body.items).toHaveLength(1);
    const verified = await t.request({
      method: 'GET',
      url: '/api/v1/admin/audit-events/verify',
    });
    expect(verified.body).toMatchObject({ ok: true, firstBrokenId: null });
  });

  it('cannot change, remove or unprotect an audit row, nor change the schema', async () => {
    const client = new Client({ connectionString: urlAs(appRole) });
    await client.connect();
    try {
      for (const [statement, refusal] of [
        [
          `UPDATE audit_events SET action = 'model.deleted'`,
          /permission denied/,
        ],
        ['DELETE FROM audit_events', /permission denied/],
        ['TRUNCATE audit_events', /permission denied/],
        ['ALTER TABLE audit_events DISABLE TRIGGER USER', /must be owner/],
        ['SET session_replication_role = replica', /permission denied/],
        ['CREATE TABLE intruder (id int)', /permission denied/],
        [`DELETE FROM migrations`, /permission denied/],
      ] as const)
        await expect(client.query(statement)).rejects.toThrow(refusal);
      const [{ owned }] = (
        await client.query(
          'SELECT count(*)::int AS owned FROM pg_class WHERE relowner = current_user::regrole',
        )
      ).rows as { owned: number }[];
      expect(owned).toBe(0);
    } finally {
      await client.end();
    }
  });
});
