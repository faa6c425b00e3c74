import {
  DOUBLE_MODELS,
  startProviderDouble,
  type ProviderDouble,
} from '@llm-registry/testing/provider-doubles';
import { DEFAULT_ENV_ALLOWLIST } from '../src/config/app-config';
import { BindSecretsToOrigins1795340412870 } from '../src/database/migrations/1795340412870-BindSecretsToOrigins';
import { HealthChecksService } from '../src/modules/connection-tests/health-checks.service';
import { testBackends } from './support/backends';
import { waitForTests } from './support/connection-tests';
import {
  startLiteLLMDouble,
  type LiteLLMDouble,
} from '@llm-registry/testing/litellm-double';
import { reconcileNow, waitForMirror } from './support/proxy-sync';
import { startTestApp, type TestApp } from './support/test-app';

const PROVIDERS = '/api/v1/admin/providers';
const MODELS = '/api/v1/admin/models';
const KEY = 'sk-origin-bound-7d2c9e41b8a6';
const ENV_KEY = 'sk-env-credential-3a9f6b21c04e';
const URL_SECRET = 'url-secret-5e8d1c7a29';

type Local = 'openai_compatible' | 'ollama';

/**
 * Where a key may go: a stored key only to the origin it was entered for, an environment key only to
 * origins allowed for its variable, and no base URL carrying one. Every host here is a loopback double:
 * `home` is where keys were entered, `other` stands for any other host and must never see one.
 */
describe.each(testBackends())('credential origins on %s', (backend) => {
  let t: TestApp;
  let litellm: LiteLLMDouble;
  let openai: ProviderDouble;
  const home = new Map<Local, ProviderDouble>();
  const other = new Map<Local, ProviderDouble>();
  const environment: Record<string, string | undefined> = {
    OPENAI_API_KEY: ENV_KEY,
  };
  /** Every answer the API gave, to look for the keys in. */
  const answers: string[] = [];

  beforeAll(async () => {
    for (const provider of ['openai_compatible', 'ollama'] as const) {
      home.set(provider, await startProviderDouble(provider, { apiKey: KEY }));
      other.set(provider, await startProviderDouble(provider));
    }
    openai = await startProviderDouble('openai', { apiKey: ENV_KEY });
    environment['OPENAI_BASE_URL'] = openai.baseUrl;
    litellm = await startLiteLLMDouble();
    t = await startTestApp(
      backend,
      {
        envAllowlist: [
          ...DEFAULT_ENV_ALLOWLIST,
          `OPENAI_API_KEY@${openai.url}`,
        ],
        proxySync: {
          litellm: { url: litellm.url, masterKey: litellm.masterKey },
          reconcileIntervalMs: 3_600_000,
          concurrency: 4,
          timeoutMs: 2000,
          attempts: 1,
          retryDelayMs: 50,
        },
      },
      { environment },
    );
  });

  afterAll(async () => {
    await t?.close();
    await litellm?.close();
    await openai?.close();
    await Promise.all(
      [...home.values(), ...other.values()].map((double) => double.close()),
    );
  });

  afterEach(() => {
    for (const answer of answers) {
      expect(answer).not.toContain(KEY);
      expect(answer).not.toContain(ENV_KEY);
      expect(answer).not.toContain(URL_SECRET);
    }
    answers.length = 0;
  });

  async function send(
    options: Parameters<TestApp['request']>[0],
  ): Promise<Awaited<ReturnType<TestApp['request']>>> {
    const response = await t.request(options);
    answers.push(response.text, JSON.stringify(response.headers));
    return response;
  }

  function otherSawAKey(): boolean {
    return [...other.values()].some((double) =>
      double.requests.some((request) => {
        const seen = JSON.stringify(request);
        return seen.includes(KEY) || seen.includes(ENV_KEY);
      }),
    );
  }

  async function connect(body: Record<string, unknown>) {
    const created = await send({
      method: 'POST',
      url: PROVIDERS,
      body: {
        name: `connection ${Math.random().toString(36).slice(2)}`,
        ...body,
      },
    });
    expect(created.status).toBe(201);
    return created.body as { id: string; version: number };
  }

  async function auditOf(testId: string) {
    return (await t.dataSource.query(
      `SELECT action, changes FROM audit_events WHERE entity_id = $1 ORDER BY seq`,
      [testId],
    )) as Array<{
      action: string;
      changes: Record<string, { after: unknown }>;
    }>;
  }

  function errorFields(response: {
    body: { errors?: Array<{ field: string }> };
  }) {
    return (response.body.errors ?? []).map((error) => error.field);
  }

  it.each(['openai_compatible', 'ollama'] as const)(
    'never sends a saved %s key to the other base URL of a draft test; the key sent again goes',
    async (provider) => {
      const origin = home.get(provider) as ProviderDouble;
      const elsewhere = other.get(provider) as ProviderDouble;
      const saved = await connect({
        provider,
        baseUrl: origin.baseUrl,
        apiKey: KEY,
      });
      const draft = {
        type: 'generation',
        provider,
        modelName: DOUBLE_MODELS[provider].chat,
        providerConnectionId: saved.id,
      };
      const testsBefore = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM connection_tests',
      );

      const refused = await send({
        method: 'POST',
        url: `${MODELS}/test`,
        body: { ...draft, connection: { baseUrl: elsewhere.baseUrl } },
      });
      expect(refused.status).toBe(400);
      expect(refused.headers['content-type']).toContain(
        'application/problem+json',
      );
      expect(errorFields(refused)).toEqual(['connection.apiKey']);
      expect(
        await t.dataSource.query(
          'SELECT count(*)::int AS n FROM connection_tests',
        ),
      ).toEqual(testsBefore);
      expect(elsewhere.requests).toEqual([]);

      const again = await send({
        method: 'POST',
        url: `${MODELS}/test`,
        body: {
          ...draft,
          connection: { baseUrl: elsewhere.baseUrl, apiKey: KEY },
        },
      });
      expect(again.status).toBe(202);
      const [result] = await waitForTests(t, [again.body.id]);
      expect(result).toMatchObject({
        status: 'passed',
        details: { origin: elsewhere.url },
      });
      // The key typed in again goes where it was typed in for; then the double forgets it.
      expect(elsewhere.requests.at(-1)?.headers['authorization']).toBe(
        `Bearer ${KEY}`,
      );
      elsewhere.requests.length = 0;

      const audit = await auditOf(result.id);
      expect(audit.map((row) => row.action)).toEqual([
        'connection_test.requested',
        'connection_test.completed',
      ]);
      for (const row of audit)
        expect(row.changes['origin']?.after).toBe(elsewhere.url);
      expect(otherSawAKey()).toBe(false);
    },
  );

  it('asks for the key again when a saved connection moves, and refuses a row moved behind its back', async () => {
    const origin = home.get('openai_compatible') as ProviderDouble;
    const elsewhere = other.get('openai_compatible') as ProviderDouble;
    const saved = await connect({
      provider: 'openai_compatible',
      baseUrl: origin.baseUrl,
      apiKey: KEY,
    });
    const model = await send({
      method: 'POST',
      url: MODELS,
      body: {
        name: `moved ${saved.id}`,
        type: 'generation',
        provider: 'openai_compatible',
        modelName: DOUBLE_MODELS.openai_compatible.chat,
        providerConnectionId: saved.id,
        healthCheck: { intervalMinutes: 5, dailyCap: 2 },
      },
    });
    expect(model.status).toBe(201);
    await waitForMirror(t, model.body.id);

    const moved = await send({
      method: 'PATCH',
      url: `${PROVIDERS}/${saved.id}`,
      body: { version: saved.version, baseUrl: elsewhere.baseUrl },
    });
    expect(moved.status).toBe(400);
    expect(errorFields(moved)).toEqual(['apiKey']);

    // A row changed by other means (a restore, a hand edit): every path refuses at use.
    await t.dataSource.query(
      'UPDATE provider_connections SET base_url = $1 WHERE id = $2',
      [elsewhere.baseUrl, saved.id],
    );
    const accepted = await Promise.all(
      [`${PROVIDERS}/${saved.id}/test`, `${MODELS}/${model.body.id}/test`].map(
        (url) => send({ method: 'POST', url }),
      ),
    );
    // The scheduled health check of the model takes the same path.
    expect(await t.app.get(HealthChecksService).sweep()).toEqual({ queued: 1 });
    const [scheduled] = await t.dataSource.query(
      `SELECT id FROM connection_tests WHERE model_id = $1 AND trigger = 'scheduled'`,
      [model.body.id],
    );
    const results = await waitForTests(t, [
      ...accepted.map((response) => response.body.id),
      scheduled.id,
    ]);
    expect(results).toHaveLength(3);
    for (const result of results)
      expect(result).toMatchObject({
        status: 'failed',
        category: 'credential_origin_refused',
      });

    const discovery = await send({
      method: 'GET',
      url: `${PROVIDERS}/${saved.id}/remote-models`,
    });
    expect(discovery.status).toBe(400);
    expect(errorFields(discovery)).toEqual(['apiKey']);

    // The mirror hands LiteLLM no key with the new api_base: the model is left as it was, in error.
    await reconcileNow(t);
    const mirrored = await waitForMirror(t, model.body.id, 'error');
    expect(mirrored.proxySync?.lastError).toContain('apiKey');
    for (const deployment of litellm.deployments.values())
      expect(deployment.litellm_params['api_base']).not.toBe(elsewhere.baseUrl);

    expect(elsewhere.requests).toEqual([]);
    expect(otherSawAKey()).toBe(false);
  });

  it('asks for Bedrock keys again when a new region moves the endpoint', async () => {
    const saved = await connect({
      provider: 'bedrock',
      region: 'us-east-1',
      accessKeyId: `AKIA${KEY}`,
      secretAccessKey: KEY,
    });
    const moved = await send({
      method: 'PATCH',
      url: `${PROVIDERS}/${saved.id}`,
      body: { version: saved.version, region: 'eu-west-1' },
    });
    expect(moved.status).toBe(400);
    expect(errorFields(moved)).toEqual(['accessKeyId', 'secretAccessKey']);
    const renamed = await send({
      method: 'PATCH',
      url: `${PROVIDERS}/${saved.id}`,
      body: { version: saved.version, name: `renamed ${saved.id}` },
    });
    expect(renamed.status).toBe(200);
  });

  it('refuses an environment key for a host its variable is not allowed at, on every write', async () => {
    const elsewhere = other.get('openai_compatible') as ProviderDouble;
    const reference = { api_key_env: 'OPENAI_API_KEY' };

    const created = await send({
      method: 'POST',
      url: PROVIDERS,
      body: {
        name: 'gateway of my choosing',
        provider: 'openai',
        baseUrl: elsewhere.baseUrl,
        authEnv: reference,
      },
    });
    expect(created.status).toBe(400);
    expect(errorFields(created)).toEqual(['authEnv.api_key_env']);
    expect(created.body.errors[0].message).toContain(
      `OPENAI_API_KEY@${elsewhere.url} in REGISTRY_ENV_ALLOWLIST`,
    );

    const allowed = await connect({
      provider: 'openai',
      baseUrl: openai.baseUrl,
      authEnv: reference,
    });
    const patched = await send({
      method: 'PATCH',
      url: `${PROVIDERS}/${allowed.id}`,
      body: {
        version: allowed.version,
        baseUrl: elsewhere.baseUrl,
        authEnv: reference,
      },
    });
    expect(patched.status).toBe(400);
    expect(errorFields(patched)).toEqual(['authEnv.api_key_env']);
    const notAName = await send({
      method: 'PATCH',
      url: `${PROVIDERS}/${allowed.id}`,
      body: { version: allowed.version, authEnv: { api_key_env: 5 } },
    });
    expect(notAName.status).toBe(400);
    expect(errorFields(notAName)).toContain('authEnv.api_key_env');

    const draft = await send({
      method: 'POST',
      url: `${MODELS}/test`,
      body: {
        type: 'generation',
        provider: 'openai',
        modelName: DOUBLE_MODELS.openai.chat,
        connection: { baseUrl: elsewhere.baseUrl, authEnv: reference },
      },
    });
    expect(draft.status).toBe(400);
    expect(errorFields(draft)).toEqual(['connection.authEnv.api_key_env']);

    // Where the allow-list entry allows it, it goes.
    const test = await send({
      method: 'POST',
      url: `${PROVIDERS}/${allowed.id}/test`,
    });
    const [passed] = await waitForTests(t, [test.body.id]);
    expect(passed).toMatchObject({
      status: 'passed',
      details: { origin: openai.url },
    });
    expect(openai.requests.at(-1)?.headers['authorization']).toBe(
      `Bearer ${ENV_KEY}`,
    );
    expect(otherSawAKey()).toBe(false);
  });

  it('refuses at use when the environment moves the endpoint of an environment key', async () => {
    const elsewhere = other.get('openai_compatible') as ProviderDouble;
    const connection = await connect({
      provider: 'openai',
      authEnv: {
        base_url_env: 'OPENAI_BASE_URL',
        api_key_env: 'OPENAI_API_KEY',
      },
    });
    environment['OPENAI_BASE_URL'] = elsewhere.baseUrl;
    try {
      const test = await send({
        method: 'POST',
        url: `${PROVIDERS}/${connection.id}/test`,
      });
      const [result] = await waitForTests(t, [test.body.id]);
      expect(result).toMatchObject({
        status: 'failed',
        category: 'credential_origin_refused',
      });
      expect(result.message).toContain('REGISTRY_ENV_ALLOWLIST');
    } finally {
      environment['OPENAI_BASE_URL'] = openai.baseUrl;
    }
    expect(elsewhere.requests).toEqual([]);
  });

  it('refuses base URLs that carry credentials on every write, and masks one stored before', async () => {
    const saved = await connect({
      provider: 'openai_compatible',
      baseUrl: home.get('openai_compatible')?.baseUrl,
    });
    for (const baseUrl of [
      `http://user:${URL_SECRET}@127.0.0.1:9/v1`,
      `http://127.0.0.1:9/v1?api-key=${URL_SECRET}`,
      `http://127.0.0.1:9/v1?Token=${URL_SECRET}`,
      `http://127.0.0.1:9/v1?sig=${URL_SECRET}`,
    ]) {
      const created = await send({
        method: 'POST',
        url: PROVIDERS,
        body: { name: 'carrier', provider: 'openai_compatible', baseUrl },
      });
      expect(created.status).toBe(400);
      expect(errorFields(created)).toEqual(['baseUrl']);
      expect(created.body.errors[0].message).toContain('apiKey');

      const patched = await send({
        method: 'PATCH',
        url: `${PROVIDERS}/${saved.id}`,
        body: { version: saved.version, baseUrl },
      });
      expect(patched.status).toBe(400);
      expect(errorFields(patched)).toEqual(['baseUrl']);

      const draft = await send({
        method: 'POST',
        url: `${MODELS}/test`,
        body: {
          type: 'generation',
          provider: 'openai_compatible',
          modelName: 'm',
          connection: { baseUrl },
        },
      });
      expect(draft.status).toBe(400);
      expect(errorFields(draft)).toEqual(['connection.baseUrl']);
    }

    await t.dataSource.query(
      'UPDATE provider_connections SET base_url = $1 WHERE id = $2',
      [
        `http://user:${URL_SECRET}@127.0.0.1:9/v1?key=${URL_SECRET}&x=1`,
        saved.id,
      ],
    );
    const viewer = await t.userToken('viewer');
    const one = await send({
      method: 'GET',
      url: `${PROVIDERS}/${saved.id}`,
      token: viewer,
    });
    expect(one.status).toBe(200);
    expect(one.body.baseUrl).toContain('127.0.0.1:9/v1');
    const list = await send({ method: 'GET', url: PROVIDERS, token: viewer });
    expect(list.status).toBe(200);
    // afterEach finds URL_SECRET in no answer.
  });

  it('records the origin of a saved connection’s test, never its path', async () => {
    const origin = home.get('ollama') as ProviderDouble;
    const saved = await connect({
      provider: 'ollama',
      baseUrl: `${origin.baseUrl}/`,
      apiKey: KEY,
    });
    const test = await send({
      method: 'POST',
      url: `${PROVIDERS}/${saved.id}/test`,
    });
    const [result] = await waitForTests(t, [test.body.id]);
    expect(result.details.origin).toBe(origin.url);
    const audit = await auditOf(result.id);
    expect(audit.map((row) => row.changes['origin']?.after)).toEqual([
      origin.url,
      origin.url,
    ]);
  });

  // Last: it re-runs the migration over every connection above.
  it('binds keys stored before the migration to where their connection pointed', async () => {
    const origin = home.get('openai_compatible') as ProviderDouble;
    const saved = await Promise.all([
      connect({
        provider: 'openai_compatible',
        baseUrl: `${origin.baseUrl}/`,
        apiKey: KEY,
      }),
      connect({ provider: 'openai', apiKey: KEY }),
      connect({
        provider: 'bedrock',
        region: 'eu-west-1',
        accessKeyId: `AKIA${KEY}`,
        secretAccessKey: KEY,
      }),
    ]);
    const migration = new BindSecretsToOrigins1795340412870();
    const runner = t.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const rows: Array<{ id: string; secret_origin: string }> =
      await t.dataSource.query(
        'SELECT id, secret_origin FROM provider_connections WHERE id = ANY($1)',
        [saved.map((connection) => connection.id)],
      );
    expect(
      saved.map(
        (connection) =>
          rows.find((row) => row.id === connection.id)?.secret_origin,
      ),
    ).toEqual([
      origin.url,
      'https://api.openai.com',
      'https://bedrock-runtime.eu-west-1.amazonaws.com',
    ]);
  });
});
