import { randomBytes, randomUUID } from 'node:crypto';
import {
  CORRELATION_ID_HEADER,
  type AuditAction,
  type AuditChanges,
} from '@llm-registry/contracts';
import {
  DOUBLE_MODELS,
  startProviderDouble,
  type ProviderDouble,
} from '@llm-registry/testing/provider-doubles';
import { testBackends } from './support/backends';
import { waitForTests } from './support/connection-tests';
import { embeddingModel, generationModel } from './support/fixtures';
import {
  startLiteLLMDouble,
  type LiteLLMDouble,
} from '@llm-registry/testing/litellm-double';
import { PROXY_SYNC, waitForRun } from './support/proxy-sync';
import {
  startTestApp,
  TEST_PASSWORD,
  type RequestOptions,
  type TestApp,
  type TestResponse,
} from './support/test-app';

const API = '/api/v1';
const ADMIN = `${API}/admin`;
/** Unique per run: if one shows up in an audit row, a secret leaked into it. */
const SECRET_KEY = `sk-audit${randomBytes(12).toString('hex')}`;
const NEW_SECRET_KEY = `sk-audit${randomBytes(12).toString('hex')}`;
const NEW_PASSWORD = `new-${randomBytes(8).toString('hex')}-pass`;

interface StoredEvent {
  action: AuditAction;
  entityId: string | null;
  changes: AuditChanges;
}

/** One mutating route: a request that succeeds and its event, and a request that must change nothing. */
interface RouteCase {
  succeed: () => Promise<RequestOptions>;
  status: number;
  action: AuditAction;
  /** Fields the event's changes must hold (a subset). */
  changes?: (response: TestResponse) => AuditChanges;
  refuse: () => Promise<RequestOptions>;
  /** A refused sign-in is itself on record; every other refusal writes nothing. */
  refusedAction?: AuditAction;
  /** Waits for the work a 202 started; connection tests by default. */
  settle?: (response: TestResponse) => Promise<unknown>;
}

describe.each(testBackends())('audit trail on %s', (backend) => {
  let t: TestApp;
  let double: ProviderDouble;
  let litellm: LiteLLMDouble;

  beforeAll(async () => {
    double = await startProviderDouble('openai', { apiKey: SECRET_KEY });
    litellm = await startLiteLLMDouble();
    t = await startTestApp(backend, {
      proxySync: {
        litellm: { url: litellm.url, masterKey: litellm.masterKey },
        reconcileIntervalMs: 3_600_000,
        concurrency: 4,
        timeoutMs: 5000,
        attempts: 1,
        retryDelayMs: 100,
      },
    });
  });

  afterAll(async () => {
    await t?.close();
    await double?.close();
    await litellm?.close();
  });

  async function send(
    options: RequestOptions,
  ): Promise<{ response: TestResponse; events: StoredEvent[] }> {
    const correlationId = randomUUID();
    const response = await t.request({
      ...options,
      headers: { ...options.headers, [CORRELATION_ID_HEADER]: correlationId },
    });
    const events = (await t.dataSource.query(
      `SELECT action, entity_id AS "entityId", changes FROM audit_events
        WHERE context->>'correlationId' = $1 ORDER BY seq`,
      [correlationId],
    )) as StoredEvent[];
    return { response, events };
  }

  async function created(url: string, body: unknown): Promise<string> {
    const response = await t.request({ method: 'POST', url, body });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  const connectionBody = () => ({
    name: `conn ${randomBytes(4).toString('hex')}`,
    provider: 'openai',
    baseUrl: double.baseUrl,
    apiKey: SECRET_KEY,
  });
  const newConnection = () => created(`${ADMIN}/providers`, connectionBody());
  const newModel = async (overrides = {}) =>
    created(`${ADMIN}/models`, generationModel(overrides));
  const newUser = async () => {
    const email = `u-${randomBytes(4).toString('hex')}@test.local`;
    const id = await created(`${ADMIN}/users`, {
      email,
      password: TEST_PASSWORD,
      role: 'viewer',
      displayName: 'Someone',
    });
    return { id, email };
  };
  /** PATCH needs the version the caller read (optimistic locking). */
  const versionOf = async (url: string) =>
    (await t.request({ method: 'GET', url })).body.version as number;
  const modelVersion = (id: string) => versionOf(`${ADMIN}/models/${id}`);

  /** Every mutating route. Keyed as the router names them, so a new route without a case fails the test. */
  const ROUTES: Record<string, RouteCase> = {
    'POST /api/v1/auth/login': {
      succeed: async () => {
        const user = await newUser();
        return {
          method: 'POST',
          url: `${API}/auth/login`,
          body: { email: user.email, password: TEST_PASSWORD },
          token: null,
        };
      },
      status: 200,
      action: 'auth.login_succeeded',
      refuse: async () => ({
        method: 'POST',
        url: `${API}/auth/login`,
        body: { email: 'nobody@test.local', password: 'wrong-password-1' },
        token: null,
      }),
      refusedAction: 'auth.login_failed',
    },
    'POST /api/v1/auth/logout': {
      succeed: async () => ({
        method: 'POST',
        url: `${API}/auth/logout`,
        token: await t.login((await newUser()).email, TEST_PASSWORD),
      }),
      status: 204,
      action: 'auth.logout',
      refuse: async () => ({
        method: 'POST',
        url: `${API}/auth/logout`,
        token: null,
      }),
    },
    'POST /api/v1/auth/password': {
      succeed: async () => ({
        method: 'POST',
        url: `${API}/auth/password`,
        body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
        token: await t.login((await newUser()).email, TEST_PASSWORD),
      }),
      status: 204,
      action: 'auth.password_changed',
      changes: () => ({
        password: {
          before: '[redacted]',
          after: '[redacted]',
          secretChanged: true,
        },
      }),
      refuse: async () => ({
        method: 'POST',
        url: `${API}/auth/password`,
        body: {
          currentPassword: 'not-the-password',
          newPassword: NEW_PASSWORD,
        },
        token: await t.login((await newUser()).email, TEST_PASSWORD),
      }),
    },
    'POST /api/v1/admin/users': {
      succeed: async () => ({
        method: 'POST',
        url: `${ADMIN}/users`,
        body: {
          email: 'audited@test.local',
          password: TEST_PASSWORD,
          role: 'viewer',
          displayName: 'Audited',
        },
      }),
      status: 201,
      action: 'user.created',
      changes: () => ({
        email: { before: null, after: 'audited@test.local' },
        role: { before: null, after: 'viewer' },
        password: { before: null, after: '[redacted]', secretChanged: true },
      }),
      refuse: async () => ({
        method: 'POST',
        url: `${ADMIN}/users`,
        body: { email: 'not-an-email', password: TEST_PASSWORD, role: 'x' },
      }),
    },
    'PATCH /api/v1/admin/users/:id': {
      succeed: async () => {
        const url = `${ADMIN}/users/${(await newUser()).id}`;
        return {
          method: 'PATCH',
          url,
          body: { displayName: 'Renamed', version: await versionOf(url) },
        };
      },
      status: 200,
      action: 'user.updated',
      changes: () => ({
        displayName: { before: 'Someone', after: 'Renamed' },
      }),
      refuse: async () => ({
        method: 'PATCH',
        url: `${ADMIN}/users/${(await newUser()).id}`,
        body: { role: 'emperor' },
      }),
    },
    'POST /api/v1/admin/users/:id/password': {
      succeed: async () => ({
        method: 'POST',
        url: `${ADMIN}/users/${(await newUser()).id}/password`,
        body: { password: NEW_PASSWORD },
      }),
      status: 204,
      action: 'user.password_reset',
      refuse: async () => ({
        method: 'POST',
        url: `${ADMIN}/users/${(await newUser()).id}/password`,
        body: { password: 'short' },
      }),
    },
    'DELETE /api/v1/admin/users/:id': {
      succeed: async () => ({
        method: 'DELETE',
        url: `${ADMIN}/users/${(await newUser()).id}`,
      }),
      status: 204,
      action: 'user.deleted',
      changes: () => ({ displayName: { before: 'Someone', after: null } }),
      refuse: async () => ({
        method: 'DELETE',
        url: `${ADMIN}/users/${randomUUID()}`,
      }),
    },
    'POST /api/v1/admin/api-keys': {
      succeed: async () => ({
        method: 'POST',
        url: `${ADMIN}/api-keys`,
        body: { name: 'audited key' },
      }),
      status: 201,
      action: 'api_key.created',
      changes: () => ({
        name: { before: null, after: 'audited key' },
        key: { before: null, after: '[redacted]', secretChanged: true },
      }),
      refuse: async () => ({
        method: 'POST',
        url: `${ADMIN}/api-keys`,
        body: { name: '' },
      }),
    },
    'DELETE /api/v1/admin/api-keys/:id': {
      succeed: async () => ({
        method: 'DELETE',
        url: `${ADMIN}/api-keys/${await created(`${ADMIN}/api-keys`, { name: 'to revoke' })}`,
      }),
      status: 204,
      action: 'api_key.revoked',
      changes: () => ({ status: { before: 'active', after: 'revoked' } }),
      refuse: async () => ({
        method: 'DELETE',
        url: `${ADMIN}/api-keys/${randomUUID()}`,
      }),
    },
    'POST /api/v1/admin/secrets/rotate': {
      succeed: async () => ({
        method: 'POST',
        url: `${ADMIN}/secrets/rotate`,
        body: {},
      }),
      status: 200,
      action: 'secret.rotated',
      refuse: async () => ({
        method: 'POST',
        url: `${ADMIN}/secrets/rotate`,
        body: { generateNewKey: 'yes' },
      }),
    },
    'POST /api/v1/admin/providers': {
      succeed: async () => ({
        method: 'POST',
        url: `${ADMIN}/providers`,
        body: { ...connectionBody(), name: 'audited connection' },
      }),
      status: 201,
      action: 'provider.created',
      changes: () => ({
        name: { before: null, after: 'audited connection' },
        apiKey: { before: null, after: '[redacted]', secretChanged: true },
      }),
      refuse: async () => ({
        method: 'POST',
        url: `${ADMIN}/providers`,
        body: { provider: 'openai' },
      }),
    },
    'PATCH /api/v1/admin/providers/:id': {
      succeed: async () => {
        const url = `${ADMIN}/providers/${await newConnection()}`;
        return {
          method: 'PATCH',
          url,
          body: {
            apiKey: NEW_SECRET_KEY,
            enabled: false,
            version: await versionOf(url),
          },
        };
      },
      status: 200,
      action: 'provider.updated',
      changes: () => ({
        enabled: { before: true, after: false },
        apiKey: {
          before: '[redacted]',
          after: '[redacted]',
          secretChanged: true,
        },
      }),
      refuse: async () => ({
        method: 'PATCH',
        url: `${ADMIN}/providers/${await newConnection()}`,
        body: { baseUrl: 'not a url' },
      }),
    },
    'DELETE /api/v1/admin/providers/:id': {
      succeed: async () => ({
        method: 'DELETE',
        url: `${ADMIN}/providers/${await newConnection()}`,
      }),
      status: 204,
      action: 'provider.deleted',
      changes: () => ({
        apiKey: { before: '[redacted]', after: null, secretChanged: true },
      }),
      refuse: async () => {
        const connection = await newConnection();
        await newModel({ providerConnectionId: connection });
        return { method: 'DELETE', url: `${ADMIN}/providers/${connection}` };
      },
    },
    'POST /api/v1/admin/providers/:id/import': {
      succeed: async () => ({
        method: 'POST',
        url: `${ADMIN}/providers/${await newConnection()}/import`,
        body: {
          models: [{ modelName: DOUBLE_MODELS.openai.chat, name: 'imported' }],
        },
      }),
      status: 200,
      action: 'models.imported',
      refuse: async () => ({
        method: 'POST',
        url: `${ADMIN}/providers/${randomUUID()}/import`,
        body: { models: [{ modelName: DOUBLE_MODELS.openai.chat }] },
      }),
    },
    'POST /api/v1/admin/providers/:id/test': {
      succeed: async () => ({
        method: 'POST',
        url: `${ADMIN}/providers/${await newConnection()}/test`,
      }),
      status: 202,
      action: 'connection_test.requested',
      changes: () => ({ subject: { before: null, after: 'provider' } }),
      refuse: async () => ({
        method: 'POST',
        url: `${ADMIN}/providers/${randomUUID()}/test`,
      }),
    },
    'POST /api/v1/admin/models': {
      succeed: async () => ({
        method: 'POST',
        url: `${ADMIN}/models`,
        body: generationModel({ name: 'Audited model', priority: 7 }),
      }),
      status: 201,
      action: 'model.created',
      changes: () => ({
        name: { before: null, after: 'Audited model' },
        priority: { before: null, after: 7 },
      }),
      refuse: async () => ({
        method: 'POST',
        url: `${ADMIN}/models`,
        body: generationModel({ type: 'telepathy' as never }),
      }),
    },
    'POST /api/v1/admin/models/bulk': {
      succeed: async () => ({
        method: 'POST',
        url: `${ADMIN}/models/bulk`,
        body: {
          action: 'deactivate',
          ids: [await newModel(), await newModel()],
        },
      }),
      status: 200,
      action: 'models.bulk',
      refuse: async () => ({
        method: 'POST',
        url: `${ADMIN}/models/bulk`,
        body: { action: 'explode', ids: [await newModel()] },
      }),
    },
    'PATCH /api/v1/admin/models/:id': {
      succeed: async () => {
        const id = await newModel({ priority: 100 });
        return {
          method: 'PATCH',
          url: `${ADMIN}/models/${id}`,
          body: { priority: 10, version: await modelVersion(id) },
        };
      },
      status: 200,
      action: 'model.updated',
      changes: () => ({ priority: { before: 100, after: 10 } }),
      refuse: async () => {
        const id = await newModel();
        return {
          method: 'PATCH',
          url: `${ADMIN}/models/${id}`,
          body: { priority: 10, version: (await modelVersion(id)) + 1 },
        };
      },
    },
    'PATCH /api/v1/admin/models/:id/status': {
      succeed: async () => ({
        method: 'PATCH',
        url: `${ADMIN}/models/${await newModel()}/status`,
        body: { status: 'deprecated' },
      }),
      status: 200,
      action: 'model.status_changed',
      changes: () => ({ status: { before: 'active', after: 'deprecated' } }),
      refuse: async () => ({
        method: 'PATCH',
        url: `${ADMIN}/models/${await newModel()}/status`,
        body: { status: 'retired-ish' },
      }),
    },
    'PATCH /api/v1/admin/models/:id/default': {
      succeed: async () => ({
        method: 'PATCH',
        url: `${ADMIN}/models/${await created(`${ADMIN}/models`, embeddingModel({ scope: 'audit-default' }))}/default`,
        body: {},
      }),
      status: 200,
      action: 'model.default_changed',
      changes: (response) => ({
        isDefault: { before: false, after: true },
        'default:embedding:audit-default': {
          before: null,
          after: response.body.id,
        },
      }),
      refuse: async () => ({
        method: 'PATCH',
        url: `${ADMIN}/models/${await newModel({ status: 'inactive' })}/default`,
        body: {},
      }),
    },
    'DELETE /api/v1/admin/models/:id': {
      succeed: async () => ({
        method: 'DELETE',
        url: `${ADMIN}/models/${await newModel({ name: 'Doomed' })}`,
      }),
      status: 204,
      action: 'model.deleted',
      changes: () => ({ name: { before: 'Doomed', after: null } }),
      refuse: async () => ({
        method: 'DELETE',
        url: `${ADMIN}/models/${randomUUID()}`,
      }),
    },
    'PUT /api/v1/knowledge-bases/:kbId': {
      succeed: async () => ({
        method: 'PUT',
        url: `${API}/knowledge-bases/kb-${randomBytes(4).toString('hex')}`,
        body: {
          name: 'Handbook',
          embeddingModelId: await created(`${ADMIN}/models`, embeddingModel()),
        },
      }),
      status: 201,
      action: 'knowledge_base.created',
      changes: () => ({ name: { before: null, after: 'Handbook' } }),
      refuse: async () => ({
        method: 'PUT',
        url: `${API}/knowledge-bases/kb-refused`,
        body: { name: 'Handbook', embeddingModelId: randomUUID() },
      }),
    },
    'DELETE /api/v1/knowledge-bases/:kbId': {
      succeed: async () => {
        const kbId = `kb-${randomBytes(4).toString('hex')}`;
        const embeddingModelId = await created(
          `${ADMIN}/models`,
          embeddingModel(),
        );
        const bound = await t.request({
          method: 'PUT',
          url: `${API}/knowledge-bases/${kbId}`,
          body: { name: 'Short-lived', embeddingModelId },
        });
        expect(bound.status).toBe(201);
        return { method: 'DELETE', url: `${API}/knowledge-bases/${kbId}` };
      },
      status: 204,
      action: 'knowledge_base.deleted',
      changes: () => ({ name: { before: 'Short-lived', after: null } }),
      refuse: async () => ({
        method: 'DELETE',
        url: `${API}/knowledge-bases/kb-missing`,
      }),
    },
    'POST /api/v1/admin/models/test': {
      succeed: async () => ({
        method: 'POST',
        url: `${ADMIN}/models/test`,
        body: {
          type: 'generation',
          provider: 'openai',
          modelName: DOUBLE_MODELS.openai.chat,
          connection: { baseUrl: double.baseUrl, apiKey: SECRET_KEY },
        },
      }),
      status: 202,
      action: 'connection_test.requested',
      changes: () => ({ subject: { before: null, after: 'draft' } }),
      refuse: async () => ({
        method: 'POST',
        url: `${ADMIN}/models/test`,
        body: { type: 'generation', provider: 'nowhere', modelName: 'x' },
      }),
    },
    'POST /api/v1/admin/models/:id/test': {
      succeed: async () => ({
        method: 'POST',
        url: `${ADMIN}/models/${await newModel({ providerConnectionId: await newConnection() })}/test`,
      }),
      status: 202,
      action: 'connection_test.requested',
      changes: () => ({ subject: { before: null, after: 'model' } }),
      refuse: async () => ({
        method: 'POST',
        url: `${ADMIN}/models/${randomUUID()}/test`,
      }),
    },
    'POST /api/v1/admin/proxy-sync/reconcile': {
      succeed: async () => ({ method: 'POST', url: `${PROXY_SYNC}/reconcile` }),
      status: 202,
      action: 'proxy_sync.requested',
      changes: () => ({ trigger: { before: null, after: 'manual' } }),
      settle: (response) => waitForRun(t, response.body.id as string),
      refuse: async () => ({
        method: 'POST',
        url: `${PROXY_SYNC}/reconcile`,
        token: await t.userToken('viewer'),
      }),
    },
  };

  it('has a case for every mutating route the router knows', () => {
    const mutating = t.routes
      .filter((route) => !['GET', 'HEAD', 'OPTIONS'].includes(route.method))
      .map((route) => `${route.method} ${route.url}`);
    expect(new Set(mutating).size).toBeGreaterThan(20);
    expect([...new Set(mutating)].sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it.each(Object.keys(ROUTES))(
    '%s writes exactly one event with its action and changes, and nothing when refused',
    async (route) => {
      const rule = ROUTES[route];
      const { response, events } = await send(await rule.succeed());
      expect(response.status).toBe(rule.status);
      expect(events.map((e) => e.action)).toEqual([rule.action]);
      if (rule.changes)
        expect(events[0].changes).toMatchObject(rule.changes(response));
      if (rule.settle) await rule.settle(response);
      else if (response.status === 202)
        await waitForTests(t, [response.body.id as string]);

      const refused = await send(await rule.refuse());
      expect(refused.response.status).toBeGreaterThanOrEqual(400);
      expect(refused.response.status).toBeLessThan(500);
      expect(refused.events.map((e) => e.action)).toEqual(
        rule.refusedAction ? [rule.refusedAction] : [],
      );
    },
  );

  it('records who, from where, and a finished test as the system', async () => {
    const userAgent = 'audit-test/1.0';
    const { response } = await send({
      method: 'POST',
      url: `${ADMIN}/models/${await newModel({ providerConnectionId: await newConnection() })}/test`,
      headers: { 'user-agent': userAgent },
    });
    await waitForTests(t, [response.body.id as string]);
    const page = await t.request({
      method: 'GET',
      url: `${ADMIN}/audit-events?entityType=connection_test&entityId=${response.body.id}`,
    });
    expect(page.status).toBe(200);
    const [completed, requested] = page.body.items;
    expect(requested).toMatchObject({
      action: 'connection_test.requested',
      actor: { type: 'user', label: 'admin@test.local' },
      context: { userAgent },
    });
    expect(requested.context.ip).toEqual(expect.any(String));
    expect(completed).toMatchObject({
      action: 'connection_test.completed',
      actor: { type: 'system', id: null, label: 'system' },
      changes: { status: { before: 'running', after: 'passed' } },
    });
    expect(Object.keys(requested).sort()).toEqual(
      [
        'action',
        'actor',
        'at',
        'changes',
        'context',
        'entityId',
        'entityType',
        'hash',
        'id',
      ].sort(),
    );
  });

  it('keeps every secret out of every event', async () => {
    const rows = (await t.dataSource.query(
      'SELECT changes::text || context::text || actor_label AS text FROM audit_events',
    )) as { text: string }[];
    expect(rows.length).toBeGreaterThan(20);
    for (const { text } of rows) {
      expect(text).not.toContain(SECRET_KEY);
      expect(text).not.toContain(NEW_SECRET_KEY);
      expect(text).not.toContain(TEST_PASSWORD);
      expect(text).not.toContain(NEW_PASSWORD);
      // Masked hints are for responses; here a secret reads [redacted]. API key prefixes are public.
      expect(text).not.toMatch(/sk-…|llmr_[A-Za-z0-9_-]{20,}/);
    }
  });

  it('filters by entity, actor, action and time, and pages with a cursor', async () => {
    const id = await newModel({ name: 'Paged' });
    for (const priority of [1, 2, 3]) {
      const patched = await t.request({
        method: 'PATCH',
        url: `${ADMIN}/models/${id}`,
        body: { priority, version: await modelVersion(id) },
      });
      expect(patched.status).toBe(200);
    }
    const list = (query: string) =>
      t.request({ method: 'GET', url: `${ADMIN}/audit-events?${query}` });
    const first = await list(`entityType=model&entityId=${id}&limit=2`);
    expect(first.body.items.map((e: { action: string }) => e.action)).toEqual([
      'model.updated',
      'model.updated',
    ]);
    const second = await list(
      `entityType=model&entityId=${id}&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((e: { action: string }) => e.action)).toEqual([
      'model.updated',
      'model.created',
    ]);
    expect(second.body.nextCursor).toBeNull();

    const byAction = await list(`action=model.*&entityId=${id}`);
    expect(byAction.body.items).toHaveLength(4);
    const byActor = await list(`actor=admin@test.local&entityId=${id}`);
    expect(byActor.body.items).toHaveLength(4);
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await list(`from=${future}`)).body.items).toEqual([]);
    expect((await list(`to=${future}&entityId=${id}`)).body.items).toHaveLength(
      4,
    );

    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['from=yesterday', 'from'],
      ['action=DROP TABLE', 'action'],
      ['cursor=bm9wZQ', 'cursor'],
      ['entityType=planet', 'entityType'],
    ]) {
      const refused = await list(query);
      expect(refused.status).toBe(400);
      expect(refused.headers['content-type']).toContain(
        'application/problem+json',
      );
      expect(JSON.stringify(refused.body.errors)).toContain(field);
    }
  });

  it('lets viewers read the trail but nobody change it through the API', async () => {
    const viewer = await t.userToken('viewer');
    const read = await t.request({
      method: 'GET',
      url: `${ADMIN}/audit-events/verify`,
      token: viewer,
    });
    expect(read.status).toBe(200);
    const consumer = await t.apiKey();
    expect(
      (
        await t.request({
          method: 'GET',
          url: `${ADMIN}/audit-events`,
          token: consumer,
        })
      ).status,
    ).toBe(403);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await newModel();
    for (const statement of [
      `UPDATE audit_events SET action = 'model.deleted'`,
      'DELETE FROM audit_events',
      'TRUNCATE audit_events',
    ])
      await expect(t.dataSource.query(statement)).rejects.toThrow(
        /append-only/,
      );
  });

  it('verifies a chain 20 concurrent writers built, without a fork', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.request({
          method: 'POST',
          url: `${ADMIN}/models`,
          body: generationModel({ name: `Concurrent ${i}` }),
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const [{ total, distinct, span }] = (await t.dataSource.query(
      `SELECT count(*)::int AS total, count(DISTINCT prev_hash)::int AS distinct,
              (max(seq) - min(seq) + 1)::int AS span FROM audit_events`,
    )) as { total: number; distinct: number; span: number }[];
    expect(distinct).toBe(total);
    expect(span).toBe(total);
    const verified = await t.request({
      method: 'GET',
      url: `${ADMIN}/audit-events/verify`,
    });
    // Every event was written by this process, which anchored the newest once it committed.
    expect(verified.body).toEqual({
      ok: true,
      checked: total,
      firstBrokenId: null,
      truncatedAfterSeq: null,
      anchoredSeq: String(total),
    });
  });

  it('names the first row changed or removed behind its back', async () => {
    const events = (await t.dataSource.query(
      'SELECT id, seq FROM audit_events ORDER BY seq DESC LIMIT 3',
    )) as { id: string; seq: string }[];
    const [last, middle, earlier] = events;
    const behindTheBack = async (statement: string) => {
      await t.dataSource.query(
        'ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only',
      );
      await t.dataSource.query(statement);
      await t.dataSource.query(
        'ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only',
      );
    };
    const verify = async () =>
      (await t.request({ method: 'GET', url: `${ADMIN}/audit-events/verify` }))
        .body;

    await behindTheBack(
      `UPDATE audit_events SET changes = '{}' WHERE seq = ${earlier.seq}`,
    );
    expect(await verify()).toMatchObject({
      ok: false,
      firstBrokenId: earlier.id,
    });

    await behindTheBack(`DELETE FROM audit_events WHERE seq = ${earlier.seq}`);
    expect(await verify()).toMatchObject({
      ok: false,
      firstBrokenId: middle.id,
    });
    expect(last.id).not.toBe(middle.id);
  });
});
