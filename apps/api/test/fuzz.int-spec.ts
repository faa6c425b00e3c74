import fc from 'fast-check';
import {
  startProviderDouble,
  type ProviderDouble,
} from '@llm-registry/testing/provider-doubles';
import { testBackends } from './support/backends';
import { embeddingModel, generationModel } from './support/fixtures';
import {
  fuzzedOperations,
  fuzzRequest,
  type FuzzRequest,
  type OpenApiDocument,
  type Operation,
} from './support/openapi-fuzz';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

/** Fixed, so a failure replays; FUZZ_SEED picks another run. */
const SEED = Number(process.env['FUZZ_SEED'] ?? 1512);
const RUNS_PER_ROUTE = Number(process.env['FUZZ_RUNS'] ?? 10);

/** Tables that change on any authenticated request or failed sign-in, by design. */
const VOLATILE_TABLES = new Set(['migrations', 'sessions', 'login_throttle']);

/**
 * Property-based fuzzing driven by the OpenAPI document: every write route and every list route's
 * query gets generated bad values (wrong types, NUL, lone surrogates, numbers beyond range, deep
 * nesting, long strings, unknown fields, form bodies), anonymously and as the admin. Nothing may
 * answer 5xx, every error is problem+json, and a refused request changes no row.
 * Job processors are off and every URL it writes is on loopback, so nothing reaches a provider.
 */
describe.each(testBackends())('OpenAPI fuzzing on %s', (backend) => {
  let t: TestApp;
  /** Where the fuzz connection points, so discovery (remote models, import) answers from loopback. */
  let upstream: ProviderDouble;
  let document: OpenApiDocument;
  let connectionId: string;
  const real: Record<string, string> = {};
  let checksumSql: string;
  let baseline: string;

  async function checksum(): Promise<string> {
    const rows: Array<{ name: string; sum: string }> =
      await t.dataSource.query(checksumSql);
    return rows.map((row) => `${row.name}:${row.sum}`).join(' ');
  }

  /** A guard: a request may only reach discovery while the connection points at the loopback double. */
  async function assertLoopbackConnection(): Promise<void> {
    const [row] = (await t.dataSource.query(
      'SELECT base_url FROM provider_connections WHERE id = $1',
      [connectionId],
    )) as Array<{ base_url: string | null }>;
    if (row && row.base_url !== upstream.baseUrl)
      throw new Error(`the fuzz connection left loopback: ${row.base_url}`);
  }

  function realPathValues(operation: Operation, name: string): string[] {
    if (name === 'kbId') return [real['kb'] as string];
    if (name !== 'id') return [];
    const owner = /^\/api\/v1\/admin\/(models|providers|users|api-keys)\//.exec(
      operation.path,
    )?.[1];
    return owner && real[owner] ? [real[owner]] : [];
  }

  beforeAll(async () => {
    upstream = await startProviderDouble('openai_compatible');
    t = await startTestApp(backend, { runProcessors: false });
    document = (await t.request({ method: 'GET', url: '/api/docs-json' }))
      .body as OpenApiDocument;

    const connection = await t.request({
      method: 'POST',
      url: '/api/v1/admin/providers',
      body: {
        provider: 'openai_compatible',
        name: 'fuzz loopback',
        baseUrl: upstream.baseUrl,
      },
    });
    expect(connection.status).toBe(201);
    connectionId = connection.body.id;
    const model = await t.request({
      method: 'POST',
      url: '/api/v1/admin/models',
      body: generationModel({
        provider: 'openai_compatible',
        providerConnectionId: connectionId,
      }),
    });
    const embedding = await t.request({
      method: 'POST',
      url: '/api/v1/admin/models',
      body: embeddingModel({
        provider: 'openai_compatible',
        providerConnectionId: connectionId,
      }),
    });
    const kb = await t.request({
      method: 'PUT',
      url: '/api/v1/knowledge-bases/kb-fuzz',
      body: { name: 'Fuzz KB', embeddingModelId: embedding.body.id },
    });
    const user = await t.request({
      method: 'POST',
      url: '/api/v1/admin/users',
      body: {
        email: 'fuzz-victim@test.local',
        password: TEST_PASSWORD,
        role: 'viewer',
        displayName: 'Fuzz',
      },
    });
    const key = await t.request({
      method: 'POST',
      url: '/api/v1/admin/api-keys',
      body: { name: 'fuzz key', scope: null },
    });
    for (const created of [model, embedding, kb, user, key])
      expect(created.status).toBeLessThan(300);
    Object.assign(real, {
      models: model.body.id,
      providers: connectionId,
      users: user.body.id,
      'api-keys': key.body.id,
      kb: 'kb-fuzz',
    });

    const tables: Array<{ table_name: string }> = await t.dataSource.query(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
        ORDER BY table_name`,
    );
    checksumSql = tables
      .map(({ table_name: name }) => name)
      .filter((name) => !VOLATILE_TABLES.has(name))
      .map(
        (name) =>
          `SELECT '${name}' AS name, md5(coalesce(string_agg(r::text, ',' ORDER BY r::text), '')) AS sum FROM "${name}" r`,
      )
      .join(' UNION ALL ');
    baseline = await checksum();
  });

  afterAll(async () => {
    await t?.close();
    await upstream?.close();
  });

  async function send(request: FuzzRequest) {
    const response = await t.app.inject({
      method: request.method,
      url: request.url,
      headers: {
        ...(request.contentType ? { 'content-type': request.contentType } : {}),
        ...(request.principal === 'admin'
          ? { authorization: `Bearer ${t.adminToken}` }
          : {}),
      },
      payload: request.payload,
    });
    return {
      status: response.statusCode,
      contentType: String(response.headers['content-type'] ?? ''),
      body: response.body,
    };
  }

  /** What is wrong with this answer, or '' when nothing is. */
  async function verdict(
    request: FuzzRequest,
    response: Awaited<ReturnType<typeof send>>,
  ): Promise<string> {
    const what = `${request.principal} ${request.method} ${request.url.slice(0, 300)} [${request.contentType}] ${request.payload?.slice(0, 300)}\n  -> ${response.status} ${response.contentType} ${response.body.slice(0, 300)}`;
    if (response.status >= 500) return `5xx: ${what}`;
    if (
      response.status >= 400 &&
      !response.contentType.startsWith('application/problem+json')
    )
      return `not a problem: ${what}`;
    if (request.notJson && response.status !== 415)
      return `a non-JSON body was not refused with 415: ${what}`;
    const after = await checksum();
    // Successes change rows; so do failed sign-ins (throttle, audit) by design.
    if (
      response.status < 400 ||
      response.status === 401 ||
      response.status === 429
    ) {
      baseline = after;
      return '';
    }
    return after === baseline ? '' : `a refused request changed rows: ${what}`;
  }

  it('finds write routes and list queries in the document', () => {
    const operations = fuzzedOperations(document);
    expect(operations.length).toBeGreaterThan(30);
    expect(operations).toContainEqual(
      expect.objectContaining({ method: 'POST', path: '/api/v1/auth/login' }),
    );
    expect(operations).toContainEqual(
      expect.objectContaining({ method: 'GET', path: '/api/v1/admin/models' }),
    );
  });

  it('never answers 5xx, answers problems, and refused requests change nothing', async () => {
    // Sign-out takes no input, and would turn every later admin request into a 401.
    const operations = fuzzedOperations(document).filter(
      ({ path }) => path !== '/api/v1/auth/logout',
    );
    const failures: string[] = [];
    let adminRefusals = 0;
    for (const [index, operation] of operations.entries()) {
      // One seed per route: the same seed everywhere would make every route take the same choices.
      const seed = SEED + index;
      let found = '';
      const property = fc.asyncProperty(
        fuzzRequest(document, operation, { realPathValues }),
        async (request) => {
          if (request.url.includes(connectionId))
            await assertLoopbackConnection();
          const response = await send(request);
          if (request.principal === 'admin' && response.status === 400)
            adminRefusals += 1;
          found = await verdict(request, response);
          if (found) throw new Error(found);
        },
      );
      try {
        await fc.assert(property, {
          seed,
          numRuns: RUNS_PER_ROUTE,
          endOnFailure: true,
        });
      } catch (error) {
        // `found` is ours; anything else (the loopback guard, a thrown inject) is in fast-check's report.
        failures.push(
          `${operation.method} ${operation.path} (FUZZ_SEED=${SEED}, route seed ${seed}): ${found || (error as Error).message.slice(0, 1000)}`,
        );
        baseline = await checksum();
      }
    }
    expect(failures).toEqual([]);
    // The admin half really reached validation, and was still signed in at the end.
    expect(adminRefusals).toBeGreaterThan(operations.length);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/auth/me' })).status,
    ).toBe(200);
  });
});
