import { type Model } from '@llm-registry/contracts';
import { previewOpenApiDocument } from '../src/openapi-preview';
import { testBackends } from './support/backends';
import { embeddingModel, generationModel } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

const ADMIN = '/api/v1/admin/models';

describe.each(testBackends())('models API on %s', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(backend);
  });

  afterAll(async () => {
    await t?.close();
  });

  beforeEach(async () => {
    await t.dataSource.query('DELETE FROM models');
  });

  async function create(body: object): Promise<Model> {
    const response = await t.request({ method: 'POST', url: ADMIN, body });
    expect(response.status).toBe(201);
    return response.body as Model;
  }

  async function tableSnapshot(): Promise<unknown[]> {
    return t.dataSource.query('SELECT * FROM models ORDER BY id');
  }

  describe('create, read, update, delete', () => {
    it('creates a model and reads it back with every field', async () => {
      const created = await create(
        generationModel({
          name: 'GPT mini',
          description: 'cheap',
          owner: 'team-a',
          inputPricePerMillion: 0.15,
        }),
      );
      expect(created).toMatchObject({
        name: 'GPT mini',
        type: 'generation',
        provider: 'openai',
        status: 'active',
        isDefault: false,
        scope: 'global',
        owner: 'team-a',
        inputPricePerMillion: 0.15,
        outputPricePerMillion: null,
        version: 1,
      });
      const read = await t.request({
        method: 'GET',
        url: `${ADMIN}/${created.id}`,
      });
      expect(read.status).toBe(200);
      expect(read.body).toEqual(created);
    });

    it('updates the fields sent and bumps the version', async () => {
      const created = await create(generationModel());
      const updated = await t.request({
        method: 'PATCH',
        url: `${ADMIN}/${created.id}`,
        body: { version: 1, description: 'now described', priority: 5 },
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({
        description: 'now described',
        priority: 5,
        version: 2,
        name: created.name,
      });
    });

    it('accepts the version as an If-Match header', async () => {
      const created = await create(generationModel());
      const updated = await t.request({
        method: 'PATCH',
        url: `${ADMIN}/${created.id}`,
        body: { priority: 7 },
        headers: { 'if-match': '"1"' },
      });
      expect(updated.status).toBe(200);
      expect(updated.body.version).toBe(2);
    });

    it('refuses an update without a version with 428', async () => {
      const created = await create(generationModel());
      const response = await t.request({
        method: 'PATCH',
        url: `${ADMIN}/${created.id}`,
        body: { priority: 7 },
      });
      expect(response.status).toBe(428);
      expect(response.body.errors).toEqual([
        { field: 'version', message: 'is required' },
      ]);
    });

    it('refuses a stale version with 409 and changes nothing', async () => {
      const created = await create(generationModel());
      await t.request({
        method: 'PATCH',
        url: `${ADMIN}/${created.id}`,
        body: { version: 1, priority: 1 },
      });
      const before = await tableSnapshot();
      const stale = await t.request({
        method: 'PATCH',
        url: `${ADMIN}/${created.id}`,
        body: { version: 1, priority: 99 },
      });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({
        code: 'VERSION_CONFLICT',
        errors: [{ field: 'version' }],
      });
      expect(await tableSnapshot()).toEqual(before);
      const staleDelete = await t.request({
        method: 'DELETE',
        url: `${ADMIN}/${created.id}?version=1`,
      });
      expect(staleDelete.status).toBe(409);
      expect(await tableSnapshot()).toEqual(before);
    });

    it('validates the merged model on update against the catalogue', async () => {
      const created = await create(generationModel());
      const response = await t.request({
        method: 'PATCH',
        url: `${ADMIN}/${created.id}`,
        body: {
          version: 1,
          provider: 'anthropic',
          params: { temperature: 1.5 },
        },
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { field: 'params.temperature', message: 'must be between 0 and 1' },
      ]);
    });

    it('deletes a model, then answers 404 for it', async () => {
      const created = await create(generationModel());
      expect(
        (await t.request({ method: 'DELETE', url: `${ADMIN}/${created.id}` }))
          .status,
      ).toBe(204);
      const gone = await t.request({
        method: 'GET',
        url: `${ADMIN}/${created.id}`,
      });
      expect(gone.status).toBe(404);
      expect(gone.body.code).toBe('MODEL_NOT_FOUND');
    });

    it('refuses a duplicate name in the same scope but allows it in another', async () => {
      await create(generationModel({ name: 'Shared name' }));
      const duplicate = await t.request({
        method: 'POST',
        url: ADMIN,
        body: generationModel({ name: 'Shared name' }),
      });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body).toMatchObject({
        code: 'MODEL_NAME_TAKEN',
        errors: [{ field: 'name' }],
      });
      await create(generationModel({ name: 'Shared name', scope: 'team-b' }));
    });

    it('refuses renaming onto a taken name with 409', async () => {
      await create(generationModel({ name: 'Taken' }));
      const other = await create(generationModel());
      const response = await t.request({
        method: 'PATCH',
        url: `${ADMIN}/${other.id}`,
        body: { version: 1, name: 'Taken' },
      });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('MODEL_NAME_TAKEN');
    });
  });

  describe('list', () => {
    beforeEach(async () => {
      await create(
        generationModel({
          name: 'Alpha',
          priority: 20,
          description: 'Summaries of tickets',
        }),
      );
      await create(
        generationModel({
          name: 'Bravo',
          priority: 10,
          provider: 'anthropic',
          modelName: 'claude-haiku',
          params: {},
        }),
      );
      await create(
        generationModel({ name: 'Charlie', priority: 10, status: 'inactive' }),
      );
      await create(
        embeddingModel({ name: 'Delta', priority: 5, scope: 'team-x' }),
      );
    });

    it('sorts by priority then name by default and reports the total', async () => {
      const response = await t.request({ method: 'GET', url: ADMIN });
      expect(response.status).toBe(200);
      expect(response.body.items.map((m: Model) => m.name)).toEqual([
        'Delta',
        'Bravo',
        'Charlie',
        'Alpha',
      ]);
      expect(response.body).toMatchObject({ total: 4, page: 1, pageSize: 25 });
    });

    it('filters by type, provider, status, scope and isDefault', async () => {
      const names = async (query: string) =>
        (
          await t.request({ method: 'GET', url: `${ADMIN}?${query}` })
        ).body.items.map((m: Model) => m.name);
      expect(await names('type=embedding')).toEqual(['Delta']);
      expect(await names('provider=anthropic')).toEqual(['Bravo']);
      expect(await names('status=inactive')).toEqual(['Charlie']);
      expect(await names('scope=team-x')).toEqual(['Delta']);
      expect(await names('isDefault=false')).toHaveLength(4);
      expect(await names('isDefault=true')).toEqual([]);
    });

    it('searches name, modelName and description case-insensitively, with LIKE wildcards taken literally', async () => {
      const names = async (q: string) =>
        (
          await t.request({
            method: 'GET',
            url: `${ADMIN}?q=${encodeURIComponent(q)}`,
          })
        ).body.items.map((m: Model) => m.name);
      expect(await names('TICKETS')).toEqual(['Alpha']);
      expect(await names('claude')).toEqual(['Bravo']);
      expect(await names('%')).toEqual([]);
    });

    it('sorts by name descending and pages', async () => {
      const page1 = await t.request({
        method: 'GET',
        url: `${ADMIN}?sort=name&order=desc&pageSize=3`,
      });
      const page2 = await t.request({
        method: 'GET',
        url: `${ADMIN}?sort=name&order=desc&pageSize=3&page=2`,
      });
      expect(page1.body.items.map((m: Model) => m.name)).toEqual([
        'Delta',
        'Charlie',
        'Bravo',
      ]);
      expect(page2.body.items.map((m: Model) => m.name)).toEqual(['Alpha']);
      expect(page2.body.total).toBe(4);
    });
  });

  describe('status and defaults', () => {
    it('makes a model the default and clears the previous one', async () => {
      const a = await create(generationModel({ isDefault: true }));
      const b = await create(generationModel());
      const response = await t.request({
        method: 'PATCH',
        url: `${ADMIN}/${b.id}/default`,
      });
      expect(response.status).toBe(200);
      expect(response.body.isDefault).toBe(true);
      expect(
        (await t.request({ method: 'GET', url: `${ADMIN}/${a.id}` })).body
          .isDefault,
      ).toBe(false);
    });

    it('refuses to make an inactive model the default', async () => {
      const inactive = await create(generationModel({ status: 'inactive' }));
      const response = await t.request({
        method: 'PATCH',
        url: `${ADMIN}/${inactive.id}/default`,
        body: {},
      });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('MODEL_NOT_ACTIVE');
    });

    it('clears the default when the default is deactivated', async () => {
      const model = await create(generationModel({ isDefault: true }));
      const response = await t.request({
        method: 'PATCH',
        url: `${ADMIN}/${model.id}/status`,
        body: { status: 'inactive' },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'inactive',
        isDefault: false,
      });
    });

    it('keeps one default per type and scope, independently across scopes and types', async () => {
      const global = await create(generationModel({ isDefault: true }));
      const scoped = await create(
        generationModel({ isDefault: true, scope: 'team-a' }),
      );
      const embedding = await create(embeddingModel({ isDefault: true }));
      for (const model of [global, scoped, embedding]) {
        expect(
          (await t.request({ method: 'GET', url: `${ADMIN}/${model.id}` })).body
            .isDefault,
        ).toBe(true);
      }
    });

    it('leaves exactly one default after 50 concurrent set-default calls, with no 5xx', async () => {
      const models = [];
      for (let i = 0; i < 50; i++) models.push(await create(generationModel()));
      const responses = await Promise.all(
        models.map((m) =>
          t.request({ method: 'PATCH', url: `${ADMIN}/${m.id}/default` }),
        ),
      );
      expect(responses.filter((r) => r.status >= 500)).toEqual([]);
      expect(responses.every((r) => r.status === 200)).toBe(true);
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM models WHERE is_default AND type = 'generation' AND scope = 'global'`,
      );
      expect(count).toBe(1);
    });
  });

  describe('bulk actions', () => {
    it('answers a result per id and applies each on its own', async () => {
      const a = await create(generationModel());
      const b = await create(generationModel());
      const missing = '00000000-0000-4000-8000-000000000000';
      const response = await t.request({
        method: 'POST',
        url: `${ADMIN}/bulk`,
        body: { action: 'deactivate', ids: [a.id, missing, b.id] },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        action: 'deactivate',
        succeeded: 2,
        failed: 1,
      });
      expect(response.body.results).toEqual([
        { id: a.id, ok: true, status: 200 },
        {
          id: missing,
          ok: false,
          status: 404,
          code: 'MODEL_NOT_FOUND',
          error: expect.stringContaining(missing),
        },
        { id: b.id, ok: true, status: 200 },
      ]);
      const deleted = await t.request({
        method: 'POST',
        url: `${ADMIN}/bulk`,
        body: { action: 'delete', ids: [a.id, b.id] },
      });
      expect(deleted.body.succeeded).toBe(2);
      expect(await t.dataSource.query('SELECT id FROM models')).toEqual([]);
    });
  });

  describe('public reads', () => {
    it('lists active models of a type in priority order, scope first then global, without internals', async () => {
      await create(
        generationModel({
          name: 'Global 20',
          priority: 20,
          endpoint: 'http://internal:8000',
          owner: 'ops',
        }),
      );
      await create(generationModel({ name: 'Global 10', priority: 10 }));
      await create(
        generationModel({ name: 'Scoped 50', priority: 50, scope: 'team-a' }),
      );
      await create(
        generationModel({ name: 'Inactive', priority: 1, status: 'inactive' }),
      );
      await create(
        generationModel({ name: 'Other scope', priority: 1, scope: 'team-b' }),
      );
      await create(embeddingModel({ name: 'An embedding', priority: 1 }));

      const global = await t.request({
        method: 'GET',
        url: '/api/v1/models/generation',
      });
      expect(global.body.items.map((m: Model) => m.name)).toEqual([
        'Global 10',
        'Global 20',
      ]);
      expect(global.body.items[1]).not.toHaveProperty('endpoint');
      expect(global.body.items[1]).not.toHaveProperty('owner');

      const scoped = await t.request({
        method: 'GET',
        url: '/api/v1/models/generation?scope=team-a',
      });
      expect(scoped.body.items.map((m: Model) => m.name)).toEqual([
        'Scoped 50',
        'Global 10',
        'Global 20',
      ]);
      expect(
        (await t.request({ method: 'GET', url: '/api/v1/models/embedding' }))
          .body.total,
      ).toBe(1);
      expect(
        (await t.request({ method: 'GET', url: '/api/v1/models/rerank' })).body
          .items,
      ).toEqual([]);
    });

    it("answers the scope's default, else the global default, else 404 with a problem body", async () => {
      const none = await t.request({
        method: 'GET',
        url: '/api/v1/models/generation/default?scope=team-a',
      });
      expect(none.status).toBe(404);
      expect(none.headers['content-type']).toContain(
        'application/problem+json',
      );
      expect(none.body).toMatchObject({
        code: 'DEFAULT_MODEL_NOT_FOUND',
        detail: expect.stringContaining('team-a'),
      });

      await create(
        generationModel({ name: 'Global default', isDefault: true }),
      );
      expect(
        (
          await t.request({
            method: 'GET',
            url: '/api/v1/models/generation/default?scope=team-a',
          })
        ).body.name,
      ).toBe('Global default');
      await create(
        generationModel({
          name: 'Team default',
          isDefault: true,
          scope: 'team-a',
        }),
      );
      expect(
        (
          await t.request({
            method: 'GET',
            url: '/api/v1/models/generation/default?scope=team-a',
          })
        ).body.name,
      ).toBe('Team default');
      expect(
        (
          await t.request({
            method: 'GET',
            url: '/api/v1/models/generation/default',
          })
        ).body.name,
      ).toBe('Global default');
    });

    it('refuses an unknown model type naming the parameter', async () => {
      const response = await t.request({
        method: 'GET',
        url: '/api/v1/models/chat',
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { field: 'type', message: expect.stringContaining('embedding') },
      ]);
    });

    it('serves the provider catalogue with types, connection fields and params', async () => {
      const response = await t.request({
        method: 'GET',
        url: '/api/v1/catalog/providers',
      });
      expect(response.status).toBe(200);
      const ids = response.body.map((p: { id: string }) => p.id);
      expect(ids).toEqual([
        'openai',
        'azure_openai',
        'anthropic',
        'gemini',
        'cohere',
        'ollama',
        'bedrock',
        'fireworks',
        'openai_compatible',
      ]);
      const anthropic = response.body.find(
        (p: { id: string }) => p.id === 'anthropic',
      );
      expect(anthropic.modelTypes).not.toContain('embedding');
      expect(anthropic.connectionFields).toContainEqual(
        expect.objectContaining({
          key: 'apiKey',
          secret: true,
          required: true,
        }),
      );
      expect(anthropic.params.generation).toContainEqual(
        expect.objectContaining({ key: 'temperature', min: 0, max: 1 }),
      );
    });
  });

  describe('bad input', () => {
    const VALID = generationModel({ name: 'Valid' });
    const cases: Array<{
      name: string;
      body: unknown;
      status: number;
      field?: string;
      raw?: boolean;
    }> = [
      {
        name: 'a number as name',
        body: { ...VALID, name: 42 },
        status: 400,
        field: 'name',
      },
      {
        name: 'a blank name',
        body: { ...VALID, name: '   ' },
        status: 400,
        field: 'name',
      },
      {
        name: 'an unknown type',
        body: { ...VALID, type: 'chat' },
        status: 400,
        field: 'type',
      },
      {
        name: 'an unknown provider',
        body: { ...VALID, provider: 'acme' },
        status: 400,
        field: 'provider',
      },
      {
        name: 'a provider that does not serve the type',
        body: {
          ...VALID,
          type: 'embedding',
          provider: 'anthropic',
          params: {},
        },
        status: 400,
        field: 'provider',
      },
      {
        name: 'an out-of-range param',
        body: { ...VALID, params: { temperature: 3 } },
        status: 400,
        field: 'params.temperature',
      },
      {
        name: 'a param of the wrong kind',
        body: { ...VALID, params: { top_k: 'many' } },
        status: 400,
        field: 'params.top_k',
      },
      {
        name: 'an unknown param',
        body: { ...VALID, params: { dimensions: 3 } },
        status: 400,
        field: 'params.dimensions',
      },
      {
        name: 'max_output_tokens above context_window',
        body: {
          ...VALID,
          params: { context_window: 100, max_output_tokens: 200 },
        },
        status: 400,
        field: 'params.max_output_tokens',
      },
      {
        name: 'an embedding without dimensions',
        body: embeddingModel({ params: {} }),
        status: 400,
        field: 'params.dimensions',
      },
      {
        name: 'an unknown field',
        body: { ...VALID, colour: 'blue' },
        status: 400,
        field: 'colour',
      },
      {
        name: 'a negative priority',
        body: { ...VALID, priority: -1 },
        status: 400,
        field: 'priority',
      },
      {
        name: 'a fractional priority',
        body: { ...VALID, priority: 1.5 },
        status: 400,
        field: 'priority',
      },
      {
        name: 'a bad scope',
        body: { ...VALID, scope: 'Has Spaces' },
        status: 400,
        field: 'scope',
      },
      {
        name: 'a non-http endpoint',
        body: { ...VALID, endpoint: 'ftp://x' },
        status: 400,
        field: 'endpoint',
      },
      {
        name: 'a negative price',
        body: { ...VALID, inputPricePerMillion: -1 },
        status: 400,
        field: 'inputPricePerMillion',
      },
      {
        name: 'an unknown capability',
        body: { ...VALID, capabilities: ['telepathy'] },
        status: 400,
        field: 'capabilities',
      },
      {
        name: 'a default that is not active',
        body: { ...VALID, isDefault: true, status: 'inactive' },
        status: 400,
        field: 'isDefault',
      },
      {
        name: 'params that are not an object',
        body: { ...VALID, params: [1, 2] },
        status: 400,
        field: 'params',
      },
      { name: 'malformed JSON', body: '{"name": ', status: 400, raw: true },
      {
        name: 'an oversized body',
        body: { ...VALID, description: 'x'.repeat(1024 * 1024 + 10) },
        status: 413,
      },
    ];

    it.each(cases)(
      'refuses $name with a problem body and changes nothing',
      async ({ body, status, field }) => {
        await create(generationModel({ name: 'Existing' }));
        const before = await tableSnapshot();
        const response = await t.request({ method: 'POST', url: ADMIN, body });
        expect(response.status).toBe(status);
        expect(response.headers['content-type']).toContain(
          'application/problem+json',
        );
        expect(response.body).toMatchObject({
          status,
          type: expect.stringMatching(/^urn:llm-registry:problem:/),
          correlationId: expect.any(String),
        });
        if (field)
          expect(
            response.body.errors.map((e: { field: string }) => e.field),
          ).toContain(field);
        expect(JSON.stringify(response.body)).not.toMatch(
          /at .*\.ts:\d+|SELECT|INSERT|QueryFailedError/,
        );
        expect(await tableSnapshot()).toEqual(before);
      },
    );

    it('refuses a bad uuid, a duplicate name and a bad bulk id naming the field', async () => {
      const existing = await create(generationModel({ name: 'Dup' }));
      const before = await tableSnapshot();
      const badId = await t.request({
        method: 'PATCH',
        url: `${ADMIN}/not-a-uuid/status`,
        body: { status: 'inactive' },
      });
      expect(badId.status).toBe(400);
      expect(badId.body.errors).toEqual([
        { field: 'id', message: 'must be a UUID' },
      ]);
      const dup = await t.request({
        method: 'POST',
        url: ADMIN,
        body: generationModel({ name: 'Dup' }),
      });
      expect(dup.status).toBe(409);
      expect(dup.body.errors[0].field).toBe('name');
      const bulk = await t.request({
        method: 'POST',
        url: `${ADMIN}/bulk`,
        body: { action: 'delete', ids: [existing.id, 'nope'] },
      });
      expect(bulk.status).toBe(400);
      expect(bulk.body.errors[0].field).toBe('ids');
      const badStatus = await t.request({
        method: 'PATCH',
        url: `${ADMIN}/${existing.id}/status`,
        body: { status: 'gone' },
      });
      expect(badStatus.body.errors[0].field).toBe('status');
      expect(await tableSnapshot()).toEqual(before);
    });

    it('echoes a caller correlation id and mints one otherwise', async () => {
      const echoed = await t.request({
        method: 'GET',
        url: `${ADMIN}/not-a-uuid`,
        headers: { 'x-correlation-id': 'req-123' },
      });
      expect(echoed.headers['x-correlation-id']).toBe('req-123');
      expect(echoed.body.correlationId).toBe('req-123');
      const minted = await t.request({
        method: 'GET',
        url: `${ADMIN}/not-a-uuid`,
        headers: { 'x-correlation-id': 'bad id with spaces' },
      });
      expect(minted.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(minted.headers['x-correlation-id']).toBe(
        minted.body.correlationId,
      );
    });
  });

  describe('health and docs', () => {
    it('answers live and ready', async () => {
      expect(
        (await t.request({ method: 'GET', url: '/health/live' })).body,
      ).toEqual({ status: 'ok' });
      expect(
        (await t.request({ method: 'GET', url: '/health/ready' })).body,
      ).toEqual({ status: 'ok', checks: { database: 'up', queue: 'up' } });
    });

    it('writes without a database the OpenAPI document it serves', async () => {
      const served = await t.request({ method: 'GET', url: '/api/docs-json' });
      expect(await previewOpenApiDocument(t.config)).toEqual(served.body);
    });

    it('documents every route with its responses in OpenAPI', async () => {
      const doc = (await t.request({ method: 'GET', url: '/api/docs-json' }))
        .body;
      const operations = Object.entries(
        doc.paths as Record<
          string,
          Record<
            string,
            {
              responses: Record<string, unknown>;
              summary?: string;
              parameters?: unknown[];
              requestBody?: unknown;
              security?: unknown[];
            }
          >
        >,
      ).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({ path, method, op })),
      );
      expect(operations.length).toBeGreaterThanOrEqual(13);
      for (const { path, method, op } of operations) {
        expect({ path, method, summary: op.summary }).toEqual({
          path,
          method,
          summary: expect.any(String),
        });
        // Input can be invalid: 400 is documented. Credentials are needed: 401 and 403 are.
        const takesInput = (op.parameters?.length ?? 0) > 0 || !!op.requestBody;
        const needsAuth = (op.security?.length ?? 0) > 0;
        const documented = {
          has400: '400' in op.responses,
          has401and403: '401' in op.responses && '403' in op.responses,
        };
        expect({ path, method, ...documented }).toEqual({
          path,
          method,
          has400: takesInput ? true : documented.has400,
          has401and403: needsAuth ? true : documented.has401and403,
        });
      }
      expect(
        (await t.request({ method: 'GET', url: '/api/docs' })).status,
      ).toBe(200);
    });
  });
});
