import {
  startProviderDouble,
  type ProviderDouble,
} from '@llm-registry/testing/provider-doubles';
import { DEFAULT_ENV_ALLOWLIST } from '../src/config/app-config';
import { testBackends } from './support/backends';
import { generationModel } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

const PROVIDERS = '/api/v1/admin/providers';
const KEY = 'sk-proj-providers-test-4c2a9e7f1b3d';
const OTHER_KEY = 'sk-proj-providers-other-8e1d5a2c9f7b';

describe.each(testBackends())('provider connections on %s', (backend) => {
  let t: TestApp;
  let openai: ProviderDouble;
  const environment: Record<string, string | undefined> = {};

  beforeAll(async () => {
    openai = await startProviderDouble('openai', { apiKey: KEY });
    // The double stands in for api.openai.com: the variable may be sent there.
    t = await startTestApp(
      backend,
      {
        envAllowlist: [
          ...DEFAULT_ENV_ALLOWLIST,
          `OPENAI_API_KEY@${openai.url}`,
        ],
      },
      { environment },
    );
  });

  afterAll(async () => {
    await t?.close();
    await openai?.close();
  });

  async function create(body: Record<string, unknown>) {
    return t.request({ method: 'POST', url: PROVIDERS, body });
  }

  async function createOpenAi(overrides: Record<string, unknown> = {}) {
    const created = await create({
      name: `OpenAI ${Math.random().toString(36).slice(2)}`,
      provider: 'openai',
      baseUrl: openai.baseUrl,
      apiKey: KEY,
      ...overrides,
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  const remoteModels = (id: string) =>
    t.request({ method: 'GET', url: `${PROVIDERS}/${id}/remote-models` });

  describe('create and read', () => {
    it('stores the key encrypted and answers only hasSecret and a masked hint', async () => {
      const connection = await createOpenAi({ organization: 'org-42' });
      expect(connection).toMatchObject({
        provider: 'openai',
        baseUrl: openai.baseUrl,
        organization: 'org-42',
        credentialSource: 'encrypted',
        hasSecret: true,
        secretHint: `sk-…${KEY.slice(-4)}`,
        secretHints: { apiKey: `sk-…${KEY.slice(-4)}` },
        authEnv: null,
        enabled: true,
        lastTest: null,
        modelCount: 0,
        version: 1,
      });
      expect(connection).not.toHaveProperty('apiKey');
      const read = await t.request({
        method: 'GET',
        url: `${PROVIDERS}/${connection.id}`,
      });
      expect(read.text).not.toContain(KEY);
      const rows = await t.dataSource.query('SELECT * FROM secrets');
      expect(JSON.stringify(rows)).not.toContain(KEY);
    });

    it('lists with filters, search, sort and paging', async () => {
      await create({
        name: 'Search me Ollama',
        provider: 'ollama',
        baseUrl: 'http://ollama.internal:11434',
      });
      const page = await t.request({
        method: 'GET',
        url: `${PROVIDERS}?provider=ollama&q=ollama.internal&sort=name&order=desc&pageSize=1`,
      });
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ total: 1, page: 1, pageSize: 1 });
      expect(page.body.items[0].name).toBe('Search me Ollama');
      expect(page.body.items[0].credentialSource).toBe('none');
    });

    it('refuses fields the provider does not take, and missing required ones, naming them', async () => {
      const response = await create({
        name: 'Bad Azure',
        provider: 'azure_openai',
        region: 'eu-west-1',
        apiKey: KEY,
      });
      expect(response.status).toBe(400);
      expect(
        response.body.errors.map((e: { field: string }) => e.field),
      ).toEqual(['region', 'baseUrl']);
    });

    it('refuses a masked value as a new key, and both credential forms at once', async () => {
      const masked = await create({
        name: 'Masked',
        provider: 'openai',
        apiKey: 'sk-…abcd',
      });
      expect(masked.status).toBe(400);
      expect(masked.body.errors[0].field).toBe('apiKey');
      const both = await create({
        name: 'Both',
        provider: 'openai',
        apiKey: KEY,
        authEnv: { api_key_env: 'OPENAI_API_KEY' },
      });
      expect(both.status).toBe(400);
      expect(both.body.errors[0].field).toBe('authEnv');
    });

    it('refuses a duplicate name with 409', async () => {
      await createOpenAi({ name: 'Twice' });
      const again = await create({ name: 'Twice', provider: 'ollama' });
      expect(again.status).toBe(409);
      expect(again.body.errors[0].field).toBe('name');
    });
  });

  describe('masking and updates', () => {
    it('keeps the stored key when the masked hint is sent back (discovery still authenticates)', async () => {
      const connection = await createOpenAi();
      const updated = await t.request({
        method: 'PATCH',
        url: `${PROVIDERS}/${connection.id}`,
        body: {
          version: 1,
          name: `${connection.name} renamed`,
          apiKey: connection.secretHint,
        },
      });
      expect(updated.status).toBe(200);
      expect(updated.body.secretHint).toBe(connection.secretHint);
      expect(updated.body.version).toBe(2);
      const listed = await remoteModels(connection.id);
      expect(listed.status).toBe(200);
      expect(listed.body.total).toBeGreaterThan(0);
    });

    it("refuses a masked value that is not the stored key's hint", async () => {
      const connection = await createOpenAi();
      const response = await t.request({
        method: 'PATCH',
        url: `${PROVIDERS}/${connection.id}`,
        body: { version: 1, apiKey: 'sk-…zzzz' },
      });
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe('apiKey');
    });

    it('refuses a base URL change without the key, changing nothing, and accepts it with the key', async () => {
      const connection = await createOpenAi();
      const refused = await t.request({
        method: 'PATCH',
        url: `${PROVIDERS}/${connection.id}`,
        body: { version: 1, baseUrl: 'https://attacker.example.net/v1' },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ field: 'apiKey' }),
      ]);
      const unchanged = await t.request({
        method: 'GET',
        url: `${PROVIDERS}/${connection.id}`,
      });
      expect(unchanged.body).toMatchObject({
        baseUrl: openai.baseUrl,
        version: 1,
      });

      const hint = await t.request({
        method: 'PATCH',
        url: `${PROVIDERS}/${connection.id}`,
        body: {
          version: 1,
          baseUrl: 'https://attacker.example.net/v1',
          apiKey: connection.secretHint,
        },
      });
      expect(hint.status).toBe(400);

      const accepted = await t.request({
        method: 'PATCH',
        url: `${PROVIDERS}/${connection.id}`,
        body: {
          version: 1,
          baseUrl: 'https://other.example.net/v1',
          apiKey: OTHER_KEY,
        },
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body.secretHint).toBe(`sk-…${OTHER_KEY.slice(-4)}`);
    });

    it('requires a version (428) and refuses a stale one (409)', async () => {
      const connection = await createOpenAi();
      const missing = await t.request({
        method: 'PATCH',
        url: `${PROVIDERS}/${connection.id}`,
        body: { enabled: false },
      });
      expect(missing.status).toBe(428);
      const stale = await t.request({
        method: 'PATCH',
        url: `${PROVIDERS}/${connection.id}`,
        body: { version: 7, enabled: false },
      });
      expect(stale.status).toBe(409);
    });

    it('switches to environment references and deletes the stored secret', async () => {
      const connection = await createOpenAi();
      const switched = await t.request({
        method: 'PATCH',
        url: `${PROVIDERS}/${connection.id}`,
        body: { version: 1, authEnv: { api_key_env: 'OPENAI_API_KEY' } },
      });
      expect(switched.status).toBe(200);
      expect(switched.body).toMatchObject({
        credentialSource: 'environment',
        hasSecret: false,
        secretHint: null,
        authEnv: { api_key_env: 'OPENAI_API_KEY' },
      });
      const [{ secret_id }] = await t.dataSource.query(
        'SELECT secret_id FROM provider_connections WHERE id = $1',
        [connection.id],
      );
      expect(secret_id).toBeNull();
    });
  });

  describe('environment references', () => {
    it('refuses a variable outside the allow-list, and the registry’s own secrets, naming the reference', async () => {
      for (const variable of ['HOME', 'REGISTRY_MASTER_KEY', 'DATABASE_URL']) {
        const response = await create({
          name: `Env ${variable}`,
          provider: 'openai',
          authEnv: { api_key_env: variable },
        });
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual([
          expect.objectContaining({ field: 'authEnv.api_key_env' }),
        ]);
      }
      const count = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM provider_connections WHERE name LIKE 'Env %'`,
      );
      expect(count[0].n).toBe(0);
    });

    it('reads an allowed variable at use time, not at write time', async () => {
      const created = await create({
        name: 'OpenAI from env',
        provider: 'openai',
        baseUrl: openai.baseUrl,
        authEnv: { api_key_env: 'OPENAI_API_KEY' },
      });
      expect(created.status).toBe(201);
      const unset = await remoteModels(created.body.id);
      expect(unset.status).toBe(422);
      expect(unset.body.detail).toContain('OPENAI_API_KEY');
      environment['OPENAI_API_KEY'] = KEY;
      try {
        const listed = await remoteModels(created.body.id);
        expect(listed.status).toBe(200);
        expect(openai.requests.at(-1)?.headers['authorization']).toBe(
          `Bearer ${KEY}`,
        );
      } finally {
        delete environment['OPENAI_API_KEY'];
      }
    });

    it('checks the allow-list again at use time', async () => {
      const created = await create({
        name: 'Tampered env',
        provider: 'openai',
        authEnv: { api_key_env: 'OPENAI_API_KEY' },
      });
      environment['HOME_SECRET'] = 'should-never-be-read-123';
      // As if the row had been written before the allow-list was narrowed.
      await t.dataSource.query(
        `UPDATE provider_connections SET auth_env = '{"api_key_env":"HOME_SECRET"}' WHERE id = $1`,
        [created.body.id],
      );
      const refused = await remoteModels(created.body.id);
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].field).toBe('authEnv.api_key_env');
      expect(refused.text).not.toContain('should-never-be-read');
    });
  });

  describe('models and deletion', () => {
    it('attaches models to a connection of their provider only', async () => {
      const connection = await createOpenAi();
      const model = await t.request({
        method: 'POST',
        url: '/api/v1/admin/models',
        body: generationModel({ providerConnectionId: connection.id }),
      });
      expect(model.status).toBe(201);
      expect(model.body.providerConnectionId).toBe(connection.id);

      const ollama = await create({
        name: 'Ollama for mismatch',
        provider: 'ollama',
      });
      const mismatch = await t.request({
        method: 'POST',
        url: '/api/v1/admin/models',
        body: generationModel({ providerConnectionId: ollama.body.id }),
      });
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.errors[0].field).toBe('providerConnectionId');

      const filtered = await t.request({
        method: 'GET',
        url: `/api/v1/admin/models?providerConnectionId=${connection.id}`,
      });
      expect(filtered.body.total).toBe(1);
    });

    it('refuses to delete a connection models use, and deletes its secret with it otherwise', async () => {
      const connection = await createOpenAi();
      const model = await t.request({
        method: 'POST',
        url: '/api/v1/admin/models',
        body: generationModel({ providerConnectionId: connection.id }),
      });
      const inUse = await t.request({
        method: 'DELETE',
        url: `${PROVIDERS}/${connection.id}`,
      });
      expect(inUse.status).toBe(409);
      expect(inUse.body.code).toBe('CONNECTION_IN_USE');

      await t.request({
        method: 'DELETE',
        url: `/api/v1/admin/models/${model.body.id}`,
      });
      const [{ secret_id }] = await t.dataSource.query(
        'SELECT secret_id FROM provider_connections WHERE id = $1',
        [connection.id],
      );
      const deleted = await t.request({
        method: 'DELETE',
        url: `${PROVIDERS}/${connection.id}`,
      });
      expect(deleted.status).toBe(204);
      const secrets = await t.dataSource.query(
        'SELECT id FROM secrets WHERE id = $1',
        [secret_id],
      );
      expect(secrets).toEqual([]);
    });
  });
});

describe.each(testBackends())('seeded connections on %s', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(backend, { seedOnStart: true });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('creates one connection per provider with environment references, and attaches the seeded models', async () => {
    const connections = await t.request({
      method: 'GET',
      url: `${PROVIDERS}?pageSize=50`,
    });
    expect(connections.body.total).toBe(9);
    const openai = connections.body.items.find(
      (c: { provider: string }) => c.provider === 'openai',
    );
    expect(openai).toMatchObject({
      credentialSource: 'environment',
      hasSecret: false,
      authEnv: { api_key_env: 'OPENAI_API_KEY' },
    });
    const models = await t.request({
      method: 'GET',
      url: '/api/v1/admin/models?pageSize=100',
    });
    for (const model of models.body.items) {
      const connection = connections.body.items.find(
        (c: { id: string }) => c.id === model.providerConnectionId,
      );
      expect(connection?.provider).toBe(model.provider);
    }
    expect(openai.modelCount).toBeGreaterThan(0);
  });
});
