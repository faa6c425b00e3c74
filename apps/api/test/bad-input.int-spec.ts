import { testBackends } from './support/backends';
import { generationModel } from './support/fixtures';
import {
  startTestApp,
  TEST_ADMIN,
  type TestApp,
  type TestResponse,
} from './support/test-app';

const MODELS = '/api/v1/admin/models';
const PROVIDERS = '/api/v1/admin/providers';
const LOGIN = '/api/v1/auth/login';

/** `levels` nested arrays as JSON text (JSON.stringify would recurse that deep itself). */
function deepJson(levels: number): string {
  return '['.repeat(levels) + ']'.repeat(levels);
}

function expectProblem(
  response: TestResponse,
  status: number,
  field?: string,
): void {
  expect({ status: response.status, body: response.body }).toMatchObject({
    status,
    body: { status },
  });
  expect(response.headers['content-type']).toMatch(
    /^application\/problem\+json/,
  );
  if (field)
    expect(response.body.errors).toContainEqual(
      expect.objectContaining({ field }),
    );
}

/** Issue 15, point 7 and 8: bad input is a 4xx problem naming the field, and only JSON is read. */
describe.each(testBackends())('bad input on %s', (backend) => {
  let t: TestApp;
  let modelId: string;
  let connectionId: string;

  /** Rows of the tables a refused write could have touched. */
  async function rowCounts(): Promise<Record<string, number>> {
    const [row] = (await t.dataSource.query(
      `SELECT (SELECT count(*) FROM models)::int AS models,
              (SELECT count(*) FROM provider_connections)::int AS connections,
              (SELECT count(*) FROM users)::int AS users,
              (SELECT count(*) FROM sessions)::int AS sessions,
              (SELECT count(*) FROM audit_events)::int AS audit`,
    )) as Array<Record<string, number>>;
    return row as Record<string, number>;
  }

  beforeAll(async () => {
    t = await startTestApp(backend, { runProcessors: false });
    const connection = await t.request({
      method: 'POST',
      url: PROVIDERS,
      body: {
        provider: 'openai_compatible',
        name: 'bad input',
        baseUrl: 'http://127.0.0.1:9/v1',
      },
    });
    connectionId = connection.body.id;
    const model = await t.request({
      method: 'POST',
      url: MODELS,
      body: generationModel(),
    });
    modelId = model.body.id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('refuses NUL characters in body, query and the sign-in email, naming the field', async () => {
    const before = await rowCounts();
    expectProblem(
      await t.request({
        method: 'POST',
        url: MODELS,
        body: generationModel({ name: 'evil\u0000name' }),
      }),
      400,
      'name',
    );
    expectProblem(
      await t.request({ method: 'GET', url: `${MODELS}?q=%00` }),
      400,
      'q',
    );
    expectProblem(
      await t.request({ method: 'GET', url: '/api/v1/admin/users?q=a%00' }),
      400,
      'q',
    );
    expectProblem(
      await t.request({
        method: 'POST',
        url: LOGIN,
        body: { email: 'admin\u0000@test.local', password: 'x' },
        token: null,
      }),
      400,
      'email',
    );
    expectProblem(
      await t.request({
        method: 'PATCH',
        url: `${MODELS}/${modelId}`,
        body: { params: { labels: ['ok', 'a\u0000'] }, version: 1 },
      }),
      400,
      'params.labels.1',
    );
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses lone surrogates, which have no UTF-8 form', async () => {
    expectProblem(
      await t.request({
        method: 'POST',
        url: MODELS,
        body: JSON.stringify(generationModel({ name: 'x' })).replace(
          '"name":"x"',
          '"name":"x\\ud800"',
        ),
      }),
      400,
      'name',
    );
    expectProblem(
      await t.request({ method: 'GET', url: `${MODELS}/%ED%A0%80` }),
      400,
      'path',
    );
  });

  it('refuses JSON nested deeper than 32 levels, even on the anonymous sign-in', async () => {
    const before = await rowCounts();
    expectProblem(
      await t.request({
        method: 'POST',
        url: LOGIN,
        body: `{"email":${deepJson(5000)},"password":"x"}`,
        token: null,
      }),
      400,
      'email',
    );
    expectProblem(
      await t.request({
        method: 'POST',
        url: MODELS,
        body: JSON.stringify(generationModel()).replace(
          /"params":\{[^}]*\}/,
          `"params":{"labels":${deepJson(40)}}`,
        ),
      }),
      400,
      'params',
    );
    // 32 levels are still read (and then refused by the DTO for what they are, not for depth).
    const shallow = await t.request({
      method: 'POST',
      url: LOGIN,
      body: `{"email":${deepJson(31)},"password":"x"}`,
      token: null,
    });
    expectProblem(shallow, 400, 'email');
    expect(shallow.body.detail).not.toMatch(/nest deeper/);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses numbers beyond range in query parameters and bodies', async () => {
    const before = await rowCounts();
    for (const [url, field] of [
      [`${MODELS}?page=99999999999999999999`, 'page'],
      [`${MODELS}?pageSize=99999999999999999999`, 'pageSize'],
      [`${PROVIDERS}?page=1e400`, 'page'],
      ['/api/v1/admin/audit-events?limit=99999999999999999999', 'limit'],
    ] as const) {
      expectProblem(await t.request({ method: 'GET', url }), 400, field);
    }
    expectProblem(
      await t.request({
        method: 'DELETE',
        url: `${MODELS}/${modelId}?version=99999999999`,
      }),
      400,
      'version',
    );
    expectProblem(
      await t.request({
        method: 'PATCH',
        url: `${PROVIDERS}/${connectionId}`,
        body: { name: 'renamed', version: 1e30 },
      }),
      400,
      'version',
    );
    expectProblem(
      await t.request({
        method: 'POST',
        url: MODELS,
        body: generationModel({ priority: 1e20 }),
      }),
      400,
      'priority',
    );
    expectProblem(
      await t.request({
        method: 'POST',
        url: MODELS,
        body: JSON.stringify(generationModel()).replace(
          '"priority":100',
          '"priority":1e400',
        ),
      }),
      400,
      'priority',
    );
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses wrong JSON types inside nested objects, naming the field', async () => {
    const before = await rowCounts();
    expectProblem(
      await t.request({
        method: 'POST',
        url: PROVIDERS,
        body: {
          provider: 'openai',
          name: 'typed',
          authEnv: { api_key_env: 5 },
        },
      }),
      400,
      'authEnv.api_key_env',
    );
    expectProblem(
      await t.request({
        method: 'PATCH',
        url: `${PROVIDERS}/${connectionId}`,
        body: { authEnv: { api_key_env: { nested: true } }, version: 1 },
      }),
      400,
      'authEnv.api_key_env',
    );
    expectProblem(
      await t.request({
        method: 'POST',
        url: MODELS,
        body: { ...generationModel(), params: { temperature: { a: 1 } } },
      }),
      400,
      'params.temperature',
    );
    expectProblem(
      await t.request({
        method: 'POST',
        url: MODELS,
        body: { ...generationModel(), healthCheck: 'daily' },
      }),
      400,
      'healthCheck',
    );
    expectProblem(
      await t.request({
        method: 'POST',
        url: `${MODELS}/bulk`,
        body: { action: 'delete', ids: [modelId], reassignTo: { a: 5 } },
      }),
      400,
      'reassignTo',
    );
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses malformed paths: not a UUID, undecodable, too long', async () => {
    expectProblem(
      await t.request({ method: 'GET', url: `${MODELS}/not-a-uuid` }),
      400,
      'id',
    );
    expectProblem(
      await t.request({ method: 'GET', url: `${MODELS}/%E0%A4%A` }),
      400,
      'path',
    );
    expectProblem(
      await t.request({ method: 'GET', url: `${MODELS}/${'x'.repeat(200)}` }),
      414,
      'path',
    );
  });

  it('refuses bodies that are not a JSON object it can read', async () => {
    const before = await rowCounts();
    for (const body of [
      '{"name":',
      '[1,2]',
      'null',
      '"text"',
      '{"__proto__":{"isAdmin":true},"name":"x"}',
    ]) {
      const response = await t.request({ method: 'POST', url: MODELS, body });
      expectProblem(response, 400);
    }
    expectProblem(
      await t.request({
        method: 'POST',
        url: MODELS,
        body: '',
        headers: { 'content-type': 'application/json' },
      }),
      400,
    );
    expect(await rowCounts()).toEqual(before);
  });

  describe('JSON only', () => {
    const FORM = {
      'content-type': 'application/x-www-form-urlencoded',
    };
    const MULTIPART = { 'content-type': 'multipart/form-data; boundary=b' };
    const multipartLogin = [
      '--b',
      'Content-Disposition: form-data; name="email"',
      '',
      TEST_ADMIN.email,
      '--b',
      'Content-Disposition: form-data; name="password"',
      '',
      TEST_ADMIN.password,
      '--b--',
      '',
    ].join('\r\n');

    it('answers 415 to a form or multipart sign-in, with the right password, and sets no cookie', async () => {
      const before = await rowCounts();
      for (const [headers, body] of [
        [
          FORM,
          `email=${encodeURIComponent(TEST_ADMIN.email)}&password=${encodeURIComponent(TEST_ADMIN.password)}`,
        ],
        [MULTIPART, multipartLogin],
        [{ 'content-type': 'text/plain' }, JSON.stringify(TEST_ADMIN)],
      ] as const) {
        const response = await t.request({
          method: 'POST',
          url: LOGIN,
          body,
          headers,
          token: null,
        });
        expectProblem(response, 415);
        expect(response.headers['set-cookie']).toBeUndefined();
        expect(response.text).not.toContain('accessToken');
      }
      expect(await rowCounts()).toEqual(before);
    });

    it('documents 415 on every operation that takes a body', async () => {
      const doc = (await t.request({ method: 'GET', url: '/api/docs-json' }))
        .body as {
        paths: Record<
          string,
          Record<string, { requestBody?: unknown; responses: object }>
        >;
      };
      const withBody = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods)
          .filter(([, operation]) => operation.requestBody)
          .map(([method, operation]) => ({
            operation: `${method} ${path}`,
            documents415: '415' in operation.responses,
          })),
      );
      expect(withBody.length).toBeGreaterThan(10);
      expect(withBody.filter((entry) => !entry.documents415)).toEqual([]);
    });

    it('answers 415 to form and multipart bodies on admin routes and changes nothing', async () => {
      const before = await rowCounts();
      const writes = [
        { method: 'POST', url: MODELS },
        { method: 'PATCH', url: `${MODELS}/${modelId}` },
        { method: 'POST', url: PROVIDERS },
        { method: 'POST', url: '/api/v1/admin/users' },
        { method: 'DELETE', url: `${PROVIDERS}/${connectionId}` },
      ] as const;
      for (const write of writes) {
        expectProblem(
          await t.request({
            ...write,
            body: 'name=form&version=1',
            headers: FORM,
          }),
          415,
        );
        expectProblem(
          await t.request({
            ...write,
            body: '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nform\r\n--b--\r\n',
            headers: MULTIPART,
          }),
          415,
        );
      }
      expect(await rowCounts()).toEqual(before);
    });
  });
});
