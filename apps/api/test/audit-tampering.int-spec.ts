import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { TransactionHost } from '@nestjs-cls/transactional';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Client } from 'pg';
import pino from 'pino';
import { type DataSource, type EntityManager } from 'typeorm';
import { createApp } from '../src/app.factory';
import { AUDIT_ANCHOR_FILE } from '../src/config/app-config';
import { openDatabase } from '../src/database/database-handle';
import { type Transactions } from '../src/database/transactions';
import { AuditEventEntity } from '../src/modules/audit/audit-event.entity';
import {
  AuditService,
  chainedContentOf,
} from '../src/modules/audit/audit.service';
import { ChainAnchor } from '../src/modules/audit/chain-anchor';
import {
  deriveChainKey,
  GENESIS_HASH,
  hashEvent,
} from '../src/modules/audit/hash-chain';
import { masterKey } from '../src/modules/keyring/keyring';
import { testBackends } from './support/backends';
import {
  KEYRING_SOURCE,
  type KeyringSource,
} from '../src/modules/keyring/keyring-source';
import { startTestApp, testConfig, type TestApp } from './support/test-app';

const VERIFY = '/api/v1/admin/audit-events/verify';

/** Runs SQL as someone who got at the database: the table owner, or a superuser. */
type Attacker = (statements: Array<[string, unknown[]?]>) => Promise<void>;

/** Appends `count` events the way every feature does: in a transaction, last. */
async function recordEvents(
  app: NestFastifyApplication,
  count: number,
): Promise<void> {
  const audit = app.get(AuditService);
  const transactions = app.get<Transactions>(TransactionHost);
  for (let i = 0; i < count; i += 1)
    await transactions.withTransaction(() =>
      audit.record({
        action: 'model.updated',
        entityType: 'model',
        entityId: `m-${i}`,
        changes: { priority: { before: i, after: i + 1 } },
      }),
    );
}

function rows(dataSource: DataSource): Promise<AuditEventEntity[]> {
  return dataSource
    .getRepository(AuditEventEntity)
    .find({ order: { seq: 'ASC' } });
}

/**
 * What someone with the database but not the key can do at best: change a row (unless `forge` is
 * false), then recompute its hash and every later one up to `end` (SHA-256: the key is not there).
 */
async function rewriteFrom(
  dataSource: DataSource,
  attack: Attacker,
  index: number,
  { forge = true, end }: { forge?: boolean; end?: number } = {},
): Promise<AuditEventEntity> {
  const all = await rows(dataSource);
  let prevHash = all[index - 1]?.hash ?? GENESIS_HASH;
  const statements: Array<[string, unknown[]]> = [];
  for (const row of all.slice(index, end)) {
    const forged = { ...row, prevHash };
    if (forge && row === all[index])
      forged.changes = { priority: { before: 1, after: 999 } };
    const hash = hashEvent(chainedContentOf(forged));
    statements.push([
      'UPDATE audit_events SET changes = $1, prev_hash = $2, hash = $3, mac_key_id = NULL WHERE seq = $4',
      [JSON.stringify(forged.changes), prevHash, hash, row.seq],
    ]);
    prevHash = hash;
  }
  await attack(statements);
  return all[index];
}

/** A superuser skips every trigger with session_replication_role, without touching the table. */
function superuser(dataSource: DataSource): Attacker {
  return (statements) =>
    dataSource.transaction(async (manager: EntityManager) => {
      await manager.query('SET LOCAL session_replication_role = replica');
      for (const [sql, params] of statements) await manager.query(sql, params);
    });
}

async function verify(t: TestApp): Promise<Record<string, unknown>> {
  const response = await t.request({ method: 'GET', url: VERIFY });
  expect(response.status).toBe(200);
  return response.body as Record<string, unknown>;
}

describe.each(testBackends())('audit tampering on %s', (backend) => {
  let t: TestApp;
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'llmr-audit-'));
    t = await startTestApp(backend, {
      auditAnchorFile: join(dataDir, AUDIT_ANCHOR_FILE),
    });
    await recordEvents(t.app, 5);
  });

  afterEach(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('verifies an untouched chain and anchors its head', async () => {
    const [{ head }] = (await t.dataSource.query(
      'SELECT max(seq)::text AS head FROM audit_events',
    )) as { head: string }[];
    expect(await verify(t)).toEqual({
      ok: true,
      checked: Number(head),
      firstBrokenId: null,
      truncatedAfterSeq: null,
      anchoredSeq: head,
    });
  });

  it('names a row a superuser rewrote behind the triggers, every later hash recomputed', async () => {
    const all = await rows(t.dataSource);
    const target = await rewriteFrom(
      t.dataSource,
      superuser(t.dataSource),
      all.length - 3,
    );
    expect(await verify(t)).toMatchObject({
      ok: false,
      firstBrokenId: target.id,
      truncatedAfterSeq: null,
    });
  });

  it('reports the newest rows a superuser deleted as a truncated tail', async () => {
    const head = (await rows(t.dataSource)).at(-1) as AuditEventEntity;
    await superuser(t.dataSource)([
      [
        'DELETE FROM audit_events WHERE seq > $1',
        [String(BigInt(head.seq) - 2n)],
      ],
    ]);
    const truncated = {
      ok: false,
      firstBrokenId: null,
      truncatedAfterSeq: head.seq,
      anchoredSeq: head.seq,
    };
    expect(await verify(t)).toMatchObject(truncated);
    // New events fill the removed places with valid MACs: the anchored event is still not there.
    await recordEvents(t.app, 3);
    expect(await verify(t)).toMatchObject(truncated);
  });

  it('never advances the anchor for a change that rolled back', async () => {
    const head = (await rows(t.dataSource)).at(-1) as AuditEventEntity;
    const audit = t.app.get(AuditService);
    const transactions = t.app.get<Transactions>(TransactionHost);
    await expect(
      transactions.withTransaction(async () => {
        await audit.record({
          action: 'model.deleted',
          entityType: 'model',
          entityId: 'm-rolled-back',
        });
        throw new Error('the change failed after its event');
      }),
    ).rejects.toThrow('the change failed');
    expect(await verify(t)).toMatchObject({
      ok: true,
      truncatedAfterSeq: null,
      anchoredSeq: head.seq,
    });
    await t.app.get(ChainAnchor).flush();
    const stored = JSON.parse(
      await readFile(join(dataDir, AUDIT_ANCHOR_FILE), 'utf8'),
    ) as { seq: string; mac: string };
    expect(stored).toEqual({ seq: head.seq, mac: head.hash });
  });
});

const postgresOnly = testBackends().includes('postgres')
  ? describe
  : describe.skip;

postgresOnly('audit tampering by the table owner (full mode)', () => {
  let t: TestApp;
  let owner: Client;
  const role = `llmr_owner_${randomBytes(4).toString('hex')}`;

  beforeEach(async () => {
    t = await startTestApp('postgres');
    await recordEvents(t.app, 5);
    // The app's own user in an unhardened compose: it owns audit_events, so it may disable the trigger.
    await t.dataSource.query(`CREATE ROLE ${role} LOGIN`);
    await t.dataSource.query(`ALTER TABLE audit_events OWNER TO ${role}`);
    const url = new URL(t.config.databaseUrl as string);
    url.username = role;
    owner = new Client({ connectionString: url.toString() });
    await owner.connect();
  });

  afterEach(async () => {
    await owner.end();
    await t.close();
    const admin = new Client({ connectionString: process.env['DATABASE_URL'] });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
  });

  const asOwner: Attacker = async (statements) => {
    await owner.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    for (const [sql, params] of statements) await owner.query(sql, params);
    await owner.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
  };

  it('names a row the owner rewrote with the trigger disabled, every later hash recomputed', async () => {
    const target = await rewriteFrom(t.dataSource, asOwner, 1);
    expect(await verify(t)).toMatchObject({
      ok: false,
      firstBrokenId: target.id,
    });
  });

  it('reports the newest rows the owner deleted as a truncated tail', async () => {
    const head = (await rows(t.dataSource)).at(-1) as AuditEventEntity;
    await asOwner([['DELETE FROM audit_events WHERE seq >= $1', [head.seq]]]);
    expect(await verify(t)).toMatchObject({
      ok: false,
      firstBrokenId: null,
      truncatedAfterSeq: head.seq,
    });
  });
});

describe('the embedded anchor file in the data directory', () => {
  it('detects the newest rows removed while the registry was stopped', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'llmr-audit-embedded-'));
    const config = testConfig({
      dataDir,
      auditAnchorFile: join(dataDir, AUDIT_ANCHOR_FILE),
      masterKey: undefined,
    });
    const boot = async () => {
      const database = await openDatabase(config);
      const app = await createApp({
        config,
        database,
        logger: pino({ level: 'silent' }),
        environment: {},
      });
      return { app, database };
    };
    try {
      const first = await boot();
      await recordEvents(first.app, 4);
      const head = (
        await rows(first.app.get<DataSource>(getDataSourceToken()))
      ).at(-1) as AuditEventEntity;
      await first.app.close();
      await first.database.close();

      const second = await boot();
      const dataSource = second.app.get<DataSource>(getDataSourceToken());
      await superuser(dataSource)([
        ['DELETE FROM audit_events WHERE seq = $1', [head.seq]],
      ]);
      expect(await second.app.get(AuditService).verify()).toMatchObject({
        ok: false,
        firstBrokenId: null,
        truncatedAfterSeq: head.seq,
        anchoredSeq: head.seq,
      });
      await second.app.close();
      await second.database.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

async function macKeyIds(dataSource: DataSource): Promise<string[]> {
  const found = (await dataSource.query(
    'SELECT DISTINCT mac_key_id AS id FROM audit_events ORDER BY 1',
  )) as { id: string }[];
  return found.map((row) => row.id);
}

describe('rotation keeps old events verifiable', () => {
  it('with the generated keyring, whose old key rotation retires', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'llmr-audit-keys-'));
    const t = await startTestApp('pglite', { dataDir, masterKey: undefined });
    try {
      await recordEvents(t.app, 2);
      const source = t.app.get<KeyringSource>(KEYRING_SOURCE);
      const before = source.keys.primary.id;
      const rotated = await t.request({
        method: 'POST',
        url: '/api/v1/admin/secrets/rotate',
        body: { generateNewKey: true },
      });
      expect(rotated.status).toBe(200);
      await recordEvents(t.app, 1);
      expect([...source.keys.all.keys()]).toEqual([source.keys.primary.id]);
      expect(await macKeyIds(t.dataSource)).toEqual(
        [before, source.keys.primary.id].sort(),
      );
      expect(await verify(t)).toMatchObject({ ok: true, firstBrokenId: null });
    } finally {
      await t.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  postgresOnly(
    'with REGISTRY_MASTER_KEY, once REGISTRY_MASTER_KEY_PREVIOUS is dropped',
    () => {
      const serverUrl = process.env['DATABASE_URL'] as string;
      const name = `llmr_rotate_${randomBytes(4).toString('hex')}`;
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const oldKey = randomBytes(32).toString('base64');
      const newKey = randomBytes(32).toString('base64');
      const admin = async (sql: string) => {
        const client = new Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(sql);
        await client.end();
      };

      beforeAll(() => admin(`CREATE DATABASE ${name}`));
      afterAll(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

      it('verifies events MACed under the old key with the sealed chain key, and only with it', async () => {
        const boot = (overrides: Partial<TestApp['config']>) =>
          startTestApp('postgres', {
            databaseUrl: url.toString(),
            ...overrides,
          });
        let t = await boot({ masterKey: oldKey });
        await recordEvents(t.app, 2);
        const oldId = t.app.get<KeyringSource>(KEYRING_SOURCE).keys.primary.id;
        await t.close();

        t = await boot({ masterKey: newKey, previousMasterKeys: [oldKey] });
        expect(
          (
            await t.request({
              method: 'POST',
              url: '/api/v1/admin/secrets/rotate',
              body: {},
            })
          ).status,
        ).toBe(200);
        await t.close();

        t = await boot({ masterKey: newKey, previousMasterKeys: [] });
        try {
          const ids = await macKeyIds(t.dataSource);
          expect(ids).toContain(oldId);
          expect(ids).toHaveLength(2);
          expect(await verify(t)).toMatchObject({
            ok: true,
            firstBrokenId: null,
          });
          // The database holds chain keys only sealed: neither they nor the master keys appear in clear.
          const sealed = JSON.stringify(
            await t.dataSource.query('SELECT * FROM audit_chain_keys'),
          );
          for (const master of [oldKey, newKey].map(masterKey)) {
            const chainKey = deriveChainKey(master).key;
            for (const clear of [
              chainKey.toString('base64'),
              chainKey.toString('hex'),
              master.key.toString('base64'),
            ])
              expect(sealed).not.toContain(clear);
          }
          // Without the sealed key nothing MACed under the old one verifies: it was really used.
          await t.dataSource.query(
            'DELETE FROM audit_chain_keys WHERE key_id = $1',
            [oldId],
          );
          const [first] = await rows(t.dataSource);
          expect(await verify(t)).toMatchObject({
            ok: false,
            firstBrokenId: first.id,
          });
        } finally {
          await t.close();
        }
      });
    },
  );
});

postgresOnly('a chain written before the MAC (an upgraded database)', () => {
  const serverUrl = process.env['DATABASE_URL'] as string;
  const name = `llmr_legacy_${randomBytes(4).toString('hex')}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const masterKey = randomBytes(32).toString('base64');
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  const boot = () =>
    startTestApp('postgres', { databaseUrl: url.toString(), masterKey });

  beforeAll(() => admin(`CREATE DATABASE ${name}`));
  afterAll(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

  it('is sealed at the next start, after which a rewritten legacy row breaks the seal', async () => {
    let t = await boot();
    await recordEvents(t.app, 3);
    // What the previous version left behind: the same events as SHA-256 rows without a key id.
    await rewriteFrom(t.dataSource, superuser(t.dataSource), 0, {
      forge: false,
    });
    await t.close();

    t = await boot();
    try {
      const all = await rows(t.dataSource);
      const legacy = all.filter((row) => row.macKeyId === null);
      const seal = all[legacy.length];
      expect(legacy.length).toBeGreaterThanOrEqual(3);
      expect(seal).toMatchObject({
        action: 'audit.chain_sealed',
        prevHash: legacy.at(-1)?.hash,
      });
      expect(await verify(t)).toMatchObject({ ok: true, firstBrokenId: null });

      await rewriteFrom(t.dataSource, superuser(t.dataSource), 1, {
        end: legacy.length,
      });
      expect(await verify(t)).toMatchObject({
        ok: false,
        firstBrokenId: seal.id,
      });
    } finally {
      await t.close();
    }
  });
});
