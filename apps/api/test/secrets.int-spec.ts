import {
  SecretsService,
  MasterKeyMismatchError,
} from '../src/modules/secrets/secrets.service';
import {
  KEYRING_SOURCE,
  type KeyringSource,
  loadKeyring,
} from '../src/modules/keyring/keyring-source';
import {
  generateMasterKey,
  keyring,
  masterKey,
} from '../src/modules/keyring/keyring';
import { testBackends } from './support/backends';
import { startTestApp, type TestApp } from './support/test-app';

describe.each(testBackends())('secrets at rest on %s', (backend) => {
  let t: TestApp;
  let secrets: SecretsService;
  let source: KeyringSource;

  beforeAll(async () => {
    t = await startTestApp(backend);
    secrets = t.app.get(SecretsService);
    source = t.app.get<KeyringSource>(KEYRING_SOURCE);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('stores values encrypted with masked hints, and reveals them to the caller that needs them', async () => {
    const { id, hints } = await secrets.create({
      apiKey: 'sk-canary-store-9c1f2e7d',
    });
    expect(hints).toEqual({ apiKey: 'sk-…2e7d' });
    expect(await secrets.reveal(id)).toEqual({
      apiKey: 'sk-canary-store-9c1f2e7d',
    });
    const rows = await t.dataSource.query(
      'SELECT * FROM secrets WHERE id = $1',
      [id],
    );
    expect(JSON.stringify(rows)).not.toContain('canary-store');
  });

  it('rotates under concurrent reads: no read fails, every secret decrypts afterwards under the new key', async () => {
    const values = new Map<string, string>();
    for (let i = 0; i < 250; i++) {
      const value = `sk-rotation-${i}-${Math.random().toString(36).slice(2)}`;
      values.set((await secrets.create({ apiKey: value })).id, value);
    }
    const oldKeys = source.keys;
    // As after a restart with REGISTRY_MASTER_KEY=<new> and REGISTRY_MASTER_KEY_PREVIOUS=<old>.
    source.keys = keyring(masterKey(generateMasterKey()), [
      ...oldKeys.all.values(),
    ]);

    const ids = [...values.keys()];
    let reading = true;
    let reads = 0;
    const failures: unknown[] = [];
    const reader = async () => {
      while (reading) {
        const id = ids[Math.floor(Math.random() * ids.length)] as string;
        try {
          if ((await secrets.reveal(id))['apiKey'] !== values.get(id))
            failures.push(`wrong value for ${id}`);
          reads++;
        } catch (error) {
          failures.push(error);
        }
      }
    };
    const readers = [reader(), reader()];
    const result = await secrets.rotate();
    reading = false;
    await Promise.all(readers);

    expect(failures).toEqual([]);
    expect(reads).toBeGreaterThan(0);
    expect(result.rewrapped).toBeGreaterThanOrEqual(250);
    expect((await secrets.status()).pendingRewrap).toBe(0);
    source.keys = keyring(source.keys.primary);
    for (const [id, value] of values)
      expect((await secrets.reveal(id))['apiKey']).toBe(value);
  });

  it('refuses to start with a master key that did not encrypt this database, naming the problem', async () => {
    const configured = source.keys;
    source.keys = keyring(masterKey(generateMasterKey()));
    try {
      await expect(secrets.verifyKeyring()).rejects.toThrow(
        MasterKeyMismatchError,
      );
      await expect(secrets.verifyKeyring()).rejects.toThrow(
        /Wrong master key for this database: .*not configured/,
      );
    } finally {
      source.keys = configured;
    }
    await expect(secrets.verifyKeyring()).resolves.toBeUndefined();
  });

  it('reports key status and rotates through the admin endpoint', async () => {
    const status = await t.request({
      method: 'GET',
      url: '/api/v1/admin/secrets/status',
    });
    expect(status.body).toEqual({
      primaryKeyId: source.keys.primary.id,
      managedBy: 'environment',
      pendingRewrap: 0,
    });
    const rotated = await t.request({
      method: 'POST',
      url: '/api/v1/admin/secrets/rotate',
      body: {},
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toEqual({
      primaryKeyId: source.keys.primary.id,
      rewrapped: 0,
      generatedNewKey: false,
    });
  });
});

describe('master key source', () => {
  it('requires REGISTRY_MASTER_KEY in full mode', async () => {
    await expect(
      loadKeyring({
        databaseMode: 'postgres',
        dataDir: '/nowhere',
        previousMasterKeys: [],
      }),
    ).rejects.toThrow(/REGISTRY_MASTER_KEY is required with DATABASE_URL/);
  });
});
