import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import {
  startProviderDouble,
  type ProviderDouble,
} from '@llm-registry/testing/provider-doubles';
import { createLogger } from '../src/common/logging/logger';
import { DEFAULT_ENV_ALLOWLIST } from '../src/config/app-config';
import { testBackends } from './support/backends';
import { waitForTests } from './support/connection-tests';
import { waitFor } from './support/eventually';
import { embeddingModel, generationModel } from './support/fixtures';
import {
  startLiteLLMDouble,
  type LiteLLMDouble,
} from '@llm-registry/testing/litellm-double';
import {
  drained,
  PROXY_SYNC,
  waitForMirror,
  waitForRun,
} from './support/proxy-sync';
import {
  startTestApp,
  type RequestOptions,
  type TestApp,
  type TestResponse,
} from './support/test-app';

const PROVIDERS = '/api/v1/admin/providers';

/** Unique per run, so a match can only come from this test's secrets. */
const CANARY = `sk-canary${randomBytes(12).toString('hex')}`;
const ENV_CANARY = `sk-envcanary${randomBytes(12).toString('hex')}`;
const AWS_CANARY = `awscanary${randomBytes(12).toString('hex')}`;
const CANARIES = [CANARY, ENV_CANARY, AWS_CANARY];

/**
 * The canary sweep: connections hold canary secrets, then every route is exercised on its success and
 * error paths (discovery included, against upstreams that echo the request into their errors). No
 * canary may appear in a response body or header, a log line, or in clear in any database row.
 */
describe.each(testBackends())('canary sweep on %s', (backend) => {
  let t: TestApp;
  const logLines: string[] = [];
  const responses: Array<{ what: string; response: TestResponse }> = [];
  const hitRoutes = new Set<string>();
  const doubles: ProviderDouble[] = [];
  const environment: Record<string, string> = { OPENAI_API_KEY: ENV_CANARY };
  let litellm: LiteLLMDouble;
  /** Stands in for the official origin the operator allowed OPENAI_API_KEY at. */
  let envEcho: ProviderDouble;

  async function call(options: RequestOptions, route: string) {
    const response = await t.request(options);
    responses.push({ what: `${options.method} ${options.url}`, response });
    hitRoutes.add(`${options.method} ${route}`);
    return response;
  }

  async function double(
    provider: Parameters<typeof startProviderDouble>[0],
    options: Parameters<typeof startProviderDouble>[1],
  ) {
    const started = await startProviderDouble(provider, options);
    doubles.push(started);
    return started;
  }

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    // The mirror is on: the decrypted keys go to LiteLLM, whose errors quote them back.
    litellm = await startLiteLLMDouble({ echoRequestInErrors: true });
    envEcho = await double('openai', {
      apiKey: ENV_CANARY,
      echoRequestInErrors: true,
    });
    t = await startTestApp(
      backend,
      {
        seedOnStart: true,
        envAllowlist: [
          ...DEFAULT_ENV_ALLOWLIST,
          `OPENAI_API_KEY@${envEcho.url}`,
        ],
        proxySync: {
          litellm: { url: litellm.url, masterKey: litellm.masterKey },
          reconcileIntervalMs: 3_600_000,
          concurrency: 4,
          timeoutMs: 5000,
          attempts: 2,
          retryDelayMs: 50,
        },
      },
      {
        logger: createLogger({ logLevel: 'trace', logFormat: 'json' }, sink),
        environment,
      },
    );
  });

  afterAll(async () => {
    await t?.close();
    await Promise.all(doubles.map((d) => d.close()));
    await litellm?.close();
  });

  it('exercises every route with canary secrets and finds the canary nowhere', async () => {
    const good = await double('openai', { apiKey: CANARY });
    const echoing = await double('openai', {
      apiKey: CANARY,
      echoRequestInErrors: true,
    });
    const geminiEcho = await double('gemini', {
      apiKey: CANARY,
      echoRequestInErrors: true,
    });

    // Connections: encrypted (good and echoing upstreams), Gemini, environment, AWS-style secrets.
    const connection = async (body: Record<string, unknown>) => {
      const created = await call(
        { method: 'POST', url: PROVIDERS, body },
        PROVIDERS,
      );
      expect(created.status).toBe(201);
      return created.body as {
        id: string;
        secretHint: string;
        version: number;
      };
    };
    const goodConn = await connection({
      name: 'Canary good',
      provider: 'openai',
      baseUrl: good.baseUrl,
      apiKey: CANARY,
    });
    const echoConn = await connection({
      name: 'Canary echo',
      provider: 'openai',
      baseUrl: echoing.baseUrl,
      apiKey: CANARY,
    });
    const geminiConn = await connection({
      name: 'Canary gemini',
      provider: 'gemini',
      baseUrl: geminiEcho.baseUrl,
      apiKey: CANARY,
    });
    const envConn = await connection({
      name: 'Canary env',
      provider: 'openai',
      baseUrl: envEcho.baseUrl,
      authEnv: { api_key_env: 'OPENAI_API_KEY' },
    });
    await connection({
      name: 'Canary bedrock',
      provider: 'bedrock',
      region: 'eu-west-1',
      accessKeyId: AWS_CANARY,
      secretAccessKey: `${AWS_CANARY}x`,
    });

    // Connection error paths that carry a secret in the request.
    for (const body of [
      {
        name: 'Bad url',
        provider: 'openai',
        baseUrl: 'not a url',
        apiKey: CANARY,
      },
      { name: 'Bad provider', provider: 'nope', apiKey: CANARY },
      { name: 'Canary good', provider: 'openai', apiKey: CANARY },
      {
        name: 'Unknown field',
        provider: 'openai',
        apiKey: CANARY,
        region: 'x',
      },
      {
        name: 'Env refused',
        provider: 'openai',
        authEnv: { api_key_env: 'REGISTRY_MASTER_KEY' },
      },
    ])
      await call({ method: 'POST', url: PROVIDERS, body }, PROVIDERS);

    // Credentials on their way elsewhere: an environment key to a host it is not allowed at, base
    // URLs carrying a key, a saved key towards a draft's other host. All refused, nothing queued.
    for (const body of [
      {
        name: 'Env elsewhere',
        provider: 'openai',
        baseUrl: echoing.baseUrl,
        authEnv: { api_key_env: 'OPENAI_API_KEY' },
      },
      {
        name: 'Userinfo',
        provider: 'openai_compatible',
        baseUrl: `http://user:${CANARY}@127.0.0.1:9/v1`,
      },
      {
        name: 'Query key',
        provider: 'openai_compatible',
        baseUrl: `http://127.0.0.1:9/v1?api-key=${CANARY}`,
      },
    ]) {
      const refused = await call(
        { method: 'POST', url: PROVIDERS, body },
        PROVIDERS,
      );
      expect(refused.status).toBe(400);
    }
    const goodCalls = good.requests.length;
    const elsewhereDraft = await call(
      {
        method: 'POST',
        url: '/api/v1/admin/models/test',
        body: {
          type: 'generation',
          provider: 'openai',
          modelName: 'gpt-4o-mini',
          providerConnectionId: echoConn.id,
          connection: { baseUrl: good.baseUrl },
        },
      },
      '/api/v1/admin/models/test',
    );
    expect(elsewhereDraft.status).toBe(400);
    expect(good.requests.length).toBe(goodCalls);
    // A connection moved behind the registry's back: its key is refused on every path at use.
    const moved = await connection({
      name: 'Canary moved',
      provider: 'openai',
      baseUrl: echoing.baseUrl,
      apiKey: CANARY,
    });
    await t.dataSource.query(
      'UPDATE provider_connections SET base_url = $1 WHERE id = $2',
      [envEcho.baseUrl, moved.id],
    );
    const movedTest = await call(
      { method: 'POST', url: `${PROVIDERS}/${moved.id}/test` },
      `${PROVIDERS}/:id/test`,
    );
    const [movedResult] = await waitForTests(t, [movedTest.body.id]);
    expect(movedResult.category).toBe('credential_origin_refused');
    const movedListing = await call(
      { method: 'GET', url: `${PROVIDERS}/${moved.id}/remote-models` },
      `${PROVIDERS}/:id/remote-models`,
    );
    expect(movedListing.status).toBe(400);

    const byId = (id: string) => `${PROVIDERS}/${id}`;
    await call({ method: 'GET', url: PROVIDERS }, PROVIDERS);
    await call({ method: 'GET', url: byId(goodConn.id) }, `${PROVIDERS}/:id`);
    await call(
      {
        method: 'PATCH',
        url: byId(goodConn.id),
        body: { version: 1, apiKey: goodConn.secretHint },
      },
      `${PROVIDERS}/:id`,
    );
    await call(
      {
        method: 'PATCH',
        url: byId(goodConn.id),
        body: { version: 2, baseUrl: 'https://elsewhere.example/v1' },
      },
      `${PROVIDERS}/:id`,
    );
    await call(
      {
        method: 'PATCH',
        url: byId(echoConn.id),
        body: { version: 99, apiKey: CANARY },
      },
      `${PROVIDERS}/:id`,
    );

    // Discovery: success, echoing upstreams (encrypted, Gemini, environment), and import.
    const remote = (id: string) => `${PROVIDERS}/${id}/remote-models`;
    const listed = await call(
      { method: 'GET', url: remote(goodConn.id) },
      `${PROVIDERS}/:id/remote-models`,
    );
    expect(listed.status).toBe(200);
    for (const id of [echoConn.id, geminiConn.id, envConn.id]) {
      const failed = await call(
        { method: 'GET', url: remote(id) },
        `${PROVIDERS}/:id/remote-models`,
      );
      expect(failed.status).toBe(502);
    }
    const importUrl = (id: string) => `${PROVIDERS}/${id}/import`;
    const imported = await call(
      {
        method: 'POST',
        url: importUrl(goodConn.id),
        body: { models: [{ modelName: listed.body.items[0].modelName }] },
      },
      `${PROVIDERS}/:id/import`,
    );
    expect(imported.body.succeeded).toBe(1);
    await call(
      {
        method: 'POST',
        url: importUrl(echoConn.id),
        body: { models: [{ modelName: 'x' }] },
      },
      `${PROVIDERS}/:id/import`,
    );

    // Models attached to the connections, through every model route.
    const models = '/api/v1/admin/models';
    const model = await call(
      {
        method: 'POST',
        url: models,
        body: generationModel({ providerConnectionId: goodConn.id }),
      },
      models,
    );
    const modelId = model.body.id as string;
    await call(
      {
        method: 'POST',
        url: models,
        body: { ...generationModel(), apiKey: CANARY },
      },
      models,
    );
    await call(
      { method: 'GET', url: `${models}?providerConnectionId=${goodConn.id}` },
      models,
    );
    await call({ method: 'GET', url: `${models}/${modelId}` }, `${models}/:id`);
    await call(
      {
        method: 'PATCH',
        url: `${models}/${modelId}`,
        body: { version: 1, description: 'd' },
      },
      `${models}/:id`,
    );
    await call(
      {
        method: 'PATCH',
        url: `${models}/${modelId}/status`,
        body: { status: 'active' },
      },
      `${models}/:id/status`,
    );
    await call(
      { method: 'PATCH', url: `${models}/${modelId}/default`, body: {} },
      `${models}/:id/default`,
    );
    await call(
      {
        method: 'POST',
        url: `${models}/bulk`,
        body: { action: 'deactivate', ids: [modelId] },
      },
      `${models}/bulk`,
    );
    await call(
      { method: 'GET', url: '/api/v1/models/generation' },
      '/api/v1/models/:type',
    );
    await call(
      { method: 'GET', url: '/api/v1/models/generation/default' },
      '/api/v1/models/:type/default',
    );
    await call(
      { method: 'GET', url: '/api/v1/catalog/providers' },
      '/api/v1/catalog/providers',
    );

    // Knowledge bases bound to a model of the canary connection, and its dependents.
    const embedder = await call(
      {
        method: 'POST',
        url: models,
        body: embeddingModel({
          provider: 'openai',
          providerConnectionId: goodConn.id,
          modelName: 'text-embedding-3-small',
          params: { dimensions: 1536 },
        }),
      },
      models,
    );
    const kb = '/api/v1/knowledge-bases';
    await call(
      {
        method: 'PUT',
        url: `${kb}/canary-kb`,
        body: { name: 'Canary KB', embeddingModelId: embedder.body.id },
      },
      `${kb}/:kbId`,
    );
    await call(
      { method: 'GET', url: '/api/v1/admin/knowledge-bases' },
      '/api/v1/admin/knowledge-bases',
    );
    await call(
      { method: 'GET', url: `${models}/${embedder.body.id}/dependents` },
      `${models}/:id/dependents`,
    );
    await call({ method: 'DELETE', url: `${kb}/canary-kb` }, `${kb}/:kbId`);

    // Secrets: status and a rotation that re-wraps the canaries.
    await call(
      { method: 'GET', url: '/api/v1/admin/secrets/status' },
      '/api/v1/admin/secrets/status',
    );
    await call(
      { method: 'POST', url: '/api/v1/admin/secrets/rotate', body: {} },
      '/api/v1/admin/secrets/rotate',
    );

    // Auth, users and API keys.
    const key = await call(
      {
        method: 'POST',
        url: '/api/v1/admin/api-keys',
        body: { name: 'canary key' },
      },
      '/api/v1/admin/api-keys',
    );
    await call(
      { method: 'GET', url: '/api/v1/admin/api-keys' },
      '/api/v1/admin/api-keys',
    );
    await call(
      { method: 'DELETE', url: `/api/v1/admin/api-keys/${key.body.id}` },
      '/api/v1/admin/api-keys/:id',
    );
    const user = await call(
      {
        method: 'POST',
        url: '/api/v1/admin/users',
        body: {
          email: 'canary@test.local',
          password: 'a-perfectly-fine-password-9',
          role: 'viewer',
          displayName: 'c',
        },
      },
      '/api/v1/admin/users',
    );
    await call(
      { method: 'GET', url: '/api/v1/admin/users' },
      '/api/v1/admin/users',
    );
    await call(
      { method: 'GET', url: `/api/v1/admin/users/${user.body.id}` },
      '/api/v1/admin/users/:id',
    );
    await call(
      {
        method: 'PATCH',
        url: `/api/v1/admin/users/${user.body.id}`,
        body: { version: 1, displayName: 'd' },
      },
      '/api/v1/admin/users/:id',
    );
    await call(
      {
        method: 'POST',
        url: `/api/v1/admin/users/${user.body.id}/password`,
        body: { password: 'another-fine-password-9' },
      },
      '/api/v1/admin/users/:id/password',
    );
    await call(
      { method: 'DELETE', url: `/api/v1/admin/users/${user.body.id}` },
      '/api/v1/admin/users/:id',
    );
    await call({ method: 'GET', url: '/api/v1/auth/me' }, '/api/v1/auth/me');
    await call(
      {
        method: 'POST',
        url: '/api/v1/auth/login',
        body: { email: 'nobody@test.local', password: CANARY },
        token: null,
      },
      '/api/v1/auth/login',
    );
    await call(
      {
        method: 'POST',
        url: '/api/v1/auth/password',
        body: { currentPassword: CANARY, newPassword: CANARY },
      },
      '/api/v1/auth/password',
    );
    await call({ method: 'GET', url: '/health/live' }, '/health/live');
    await call({ method: 'GET', url: '/health/ready' }, '/health/ready');
    await call({ method: 'GET', url: '/api/docs-json' }, '/api/docs-json');

    // Deletes last: the model, then its connection (refused while in use, then done).
    await call(
      { method: 'DELETE', url: byId(goodConn.id) },
      `${PROVIDERS}/:id`,
    );
    // Connection tests: a draft carrying the canary to an upstream that echoes it back, a saved model,
    // a provider; then their results and histories.
    const testsOf = '/api/v1/admin/connection-tests';
    const draft = await call(
      {
        method: 'POST',
        url: `${models}/test`,
        body: {
          type: 'generation',
          provider: 'openai',
          modelName: 'gpt-4o-mini',
          connection: { baseUrl: echoing.baseUrl, apiKey: CANARY },
        },
      },
      `${models}/test`,
    );
    expect(draft.status).toBe(202);
    const modelTest = await call(
      { method: 'POST', url: `${models}/${modelId}/test` },
      `${models}/:id/test`,
    );
    const providerTest = await call(
      { method: 'POST', url: `${PROVIDERS}/${echoConn.id}/test` },
      `${PROVIDERS}/:id/test`,
    );
    const testIds = [draft, modelTest, providerTest].map((r) => r.body.id);
    for (const result of await waitForTests(t, testIds)) {
      // The echoing upstream quotes the key in its documented error shape: not even 8 characters of
      // it may survive into the result.
      const shown = JSON.stringify(result);
      for (let at = 0; at + 8 <= CANARY.length; at++)
        expect(shown).not.toContain(CANARY.slice(at, at + 8));
      await call(
        { method: 'GET', url: `${testsOf}/${result.id}` },
        `${testsOf}/:id`,
      );
    }
    await call(
      { method: 'GET', url: `${models}/${modelId}/tests` },
      `${models}/:id/tests`,
    );
    await call(
      { method: 'GET', url: `${PROVIDERS}/${echoConn.id}/tests` },
      `${PROVIDERS}/:id/tests`,
    );
    await call(
      { method: 'DELETE', url: `${models}/${modelId}` },
      `${models}/:id`,
    );
    await call(
      {
        method: 'DELETE',
        url: `${models}/${imported.body.results[0].modelId}`,
      },
      `${models}/:id`,
    );
    await call(
      { method: 'DELETE', url: byId(goodConn.id) },
      `${PROVIDERS}/:id`,
    );
    // The audit trail saw all of the above: read it, export it, check it.
    const audit = '/api/v1/admin/audit-events';
    const events = await call(
      { method: 'GET', url: `${audit}?limit=500` },
      audit,
    );
    expect(events.body.items.length).toBeGreaterThan(10);
    await call({ method: 'GET', url: `${audit}?from=never` }, audit);
    for (const format of ['ndjson', 'csv'])
      await call(
        { method: 'GET', url: `${audit}/export?format=${format}` },
        `${audit}/export`,
      );
    await call({ method: 'GET', url: `${audit}/verify` }, `${audit}/verify`);

    // The LiteLLM mirror: the keys go to LiteLLM, and a write it refuses quotes them back.
    await drained(t);
    const mirrored = async (connectionId: string) => {
      const created = await call(
        {
          method: 'POST',
          url: models,
          body: generationModel({ providerConnectionId: connectionId }),
        },
        models,
      );
      return (await waitForMirror(t, created.body.id as string)).id;
    };
    const storedKeyModel = await mirrored(echoConn.id);
    const envKeyModel = await mirrored(envConn.id);
    const keyIn = (id: string) =>
      litellm.deployments.get(id)?.litellm_params['api_key'];
    expect([keyIn(storedKeyModel), keyIn(envKeyModel)]).toEqual([
      CANARY,
      ENV_CANARY,
    ]);
    litellm.failWrites = 500;
    await call(
      {
        method: 'PATCH',
        url: `${models}/${storedKeyModel}`,
        body: { version: 1, modelName: 'gpt-4.1-mini' },
      },
      `${models}/:id`,
    );
    const refused = await waitForMirror(t, storedKeyModel, 'error');
    expect(refused.proxySync?.lastError).toContain('[redacted]');
    litellm.failWrites = null;
    await call({ method: 'GET', url: PROXY_SYNC }, PROXY_SYNC);
    const accepted = await call(
      { method: 'POST', url: `${PROXY_SYNC}/reconcile` },
      `${PROXY_SYNC}/reconcile`,
    );
    await waitForRun(t, accepted.body.id as string);
    await call(
      { method: 'GET', url: `${PROXY_SYNC}/runs/${accepted.body.id}` },
      `${PROXY_SYNC}/runs/:id`,
    );
    await waitFor(
      async () =>
        litellm.deployments.get(storedKeyModel)?.litellm_params['model'],
      {
        description: 'the refused change in LiteLLM',
        until: (model) => model === 'openai/gpt-4.1-mini',
      },
    );
    await call(
      { method: 'POST', url: '/api/v1/auth/logout' },
      '/api/v1/auth/logout',
    );

    // The sweep is only worth something if the canaries really went out and came back.
    const upstreamSaw = (d: ProviderDouble, secret: string) =>
      d.requests.some((r) =>
        Object.values(r.headers).some((v) => v.includes(secret)),
      );
    expect(upstreamSaw(echoing, CANARY)).toBe(true);
    expect(upstreamSaw(geminiEcho, CANARY)).toBe(true);
    expect(upstreamSaw(envEcho, ENV_CANARY)).toBe(true);
    expect(upstreamSaw(envEcho, CANARY)).toBe(false);
    expect(logLines.length).toBeGreaterThan(50);

    // Every route of the API was exercised (docs UI assets aside).
    const apiRoutes = t.routes
      .filter(
        (r) => !r.url.startsWith('/api/docs') || r.url === '/api/docs-json',
      )
      .map((r) => `${r.method} ${r.url}`);
    expect(apiRoutes.filter((route) => !hitRoutes.has(route))).toEqual([]);

    for (const { what, response } of responses) {
      const seen = `${response.text}\n${JSON.stringify(response.headers)}`;
      for (const canary of CANARIES)
        expect({ what, leaked: seen.includes(canary) }).toEqual({
          what,
          leaked: false,
        });
    }
    for (const line of logLines)
      for (const canary of CANARIES)
        expect(line.includes(canary) ? line : null).toBeNull();

    const tables: Array<{ table_name: string }> = await t.dataSource.query(
      `SELECT table_schema || '.' || table_name AS table_name FROM information_schema.tables
        WHERE table_schema IN (current_schema(), 'bullmq') AND table_type = 'BASE TABLE'`,
    );
    const names = tables.map((row) => row.table_name);
    expect(names).toContain('public.provider_connections');
    // The job queue's own tables (BullMQ's database backend) are swept too.
    expect(names).toContain('bullmq.job');
    for (const { table_name } of tables) {
      const rows: Array<{ row: string }> = await t.dataSource.query(
        `SELECT t::text AS row FROM ${table_name} t`,
      );
      for (const { row } of rows)
        for (const canary of CANARIES)
          expect(
            row.includes(canary) ? `${table_name}: ${row}` : null,
          ).toBeNull();
    }
  });
});
