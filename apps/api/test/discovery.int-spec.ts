import {
  startProviderDouble,
  type DoubleProvider,
  type ProviderDouble,
} from '@llm-registry/testing/provider-doubles';
import { testBackends } from './support/backends';
import { startTestApp, type TestApp } from './support/test-app';

const PROVIDERS = '/api/v1/admin/providers';
const KEY = 'test-discovery-key-5b8e2d71c9';

/** The connection's provider for each double (OpenAI-compatible servers are vLLM-like). */
const CASES: Array<{ double: DoubleProvider; needsKey: boolean }> = [
  { double: 'openai', needsKey: true },
  { double: 'openai_compatible', needsKey: false },
  { double: 'anthropic', needsKey: true },
  { double: 'gemini', needsKey: true },
  { double: 'cohere', needsKey: true },
  { double: 'ollama', needsKey: false },
];

describe.each(testBackends())('model discovery on %s', (backend) => {
  let t: TestApp;
  const doubles = new Map<DoubleProvider, ProviderDouble>();

  beforeAll(async () => {
    for (const { double, needsKey } of CASES)
      doubles.set(
        double,
        await startProviderDouble(double, {
          apiKey: needsKey ? KEY : undefined,
          pageSize: 2,
        }),
      );
    t = await startTestApp(backend);
  });

  afterAll(async () => {
    await t?.close();
    await Promise.all([...doubles.values()].map((d) => d.close()));
  });

  async function connect(double: DoubleProvider, apiKey?: string) {
    const created = await t.request({
      method: 'POST',
      url: PROVIDERS,
      body: {
        name: `${double} ${Math.random().toString(36).slice(2)}`,
        provider: double,
        baseUrl: doubles.get(double)?.baseUrl,
        ...(apiKey ? { apiKey } : {}),
      },
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  it.each(CASES)(
    'lists what $double offers, with guessed types, through the stored key',
    async ({ double, needsKey }) => {
      const id = await connect(double, needsKey ? KEY : undefined);
      const listed = await t.request({
        method: 'GET',
        url: `${PROVIDERS}/${id}/remote-models?pageSize=100`,
      });
      expect(listed.status).toBe(200);
      const types = new Set(
        listed.body.items.map((m: { type: string | null }) => m.type),
      );
      expect(types).toContain('generation');
      expect(listed.body.total).toBe(listed.body.items.length);
      for (const model of listed.body.items)
        expect(model.registeredModelIds).toEqual([]);
      const requests = doubles.get(double)?.requests ?? [];
      expect(requests.length).toBeGreaterThan(0);
      for (const request of requests) expect(request.path).not.toContain(KEY);
    },
  );

  it.each(CASES.filter((c) => c.needsKey))(
    'answers 502 naming the failure when $double refuses the key, without the key',
    async ({ double }) => {
      const wrongKey = 'wrong-discovery-key-71c9a2e5';
      const id = await connect(double, wrongKey);
      const listed = await t.request({
        method: 'GET',
        url: `${PROVIDERS}/${id}/remote-models`,
      });
      expect(listed.status).toBe(502);
      expect(listed.body.detail).toContain('unauthorized');
      expect(listed.text).not.toContain(wrongKey);
    },
  );

  it('reports context windows where the provider says them, and searches by name', async () => {
    const id = await connect('ollama');
    const listed = await t.request({
      method: 'GET',
      url: `${PROVIDERS}/${id}/remote-models?type=embedding`,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.items.length).toBeGreaterThan(0);
    for (const model of listed.body.items) {
      expect(model.type).toBe('embedding');
      expect(model.dimensions).toEqual(expect.any(Number));
    }
    const anthropic = await connect('anthropic', KEY);
    const claude = await t.request({
      method: 'GET',
      url: `${PROVIDERS}/${anthropic}/remote-models`,
    });
    expect(claude.body.items[0].contextWindow).toEqual(expect.any(Number));
  });

  it('imports the chosen models attached to the connection, one result each', async () => {
    const id = await connect('ollama');
    const listed = await t.request({
      method: 'GET',
      url: `${PROVIDERS}/${id}/remote-models`,
    });
    const chosen = listed.body.items
      .filter((m: { type: string | null }) => m.type)
      .slice(0, 2);
    const imported = await t.request({
      method: 'POST',
      url: `${PROVIDERS}/${id}/import`,
      body: {
        models: [
          ...chosen.map((m: { modelName: string }) => ({
            modelName: m.modelName,
            name: `Imported ${m.modelName} ${id}`,
          })),
          { modelName: 'not-offered:latest' },
        ],
      },
    });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({
      succeeded: chosen.length,
      failed: 1,
    });
    expect(imported.body.results.at(-1)).toMatchObject({
      modelName: 'not-offered:latest',
      ok: false,
      status: 404,
    });
    const model = await t.request({
      method: 'GET',
      url: `/api/v1/admin/models/${imported.body.results[0].modelId}`,
    });
    expect(model.body).toMatchObject({
      provider: 'ollama',
      providerConnectionId: id,
      status: 'inactive',
    });
    const again = await t.request({
      method: 'GET',
      url: `${PROVIDERS}/${id}/remote-models`,
    });
    const registered = again.body.items.find(
      (m: { modelName: string }) => m.modelName === chosen[0].modelName,
    );
    expect(registered.registeredModelIds).toEqual([
      imported.body.results[0].modelId,
    ]);
  });

  it('refuses discovery for Azure deployments with 422', async () => {
    const created = await t.request({
      method: 'POST',
      url: PROVIDERS,
      body: {
        name: 'Azure discovery',
        provider: 'azure_openai',
        baseUrl: 'https://example-resource.openai.azure.com',
        apiKey: KEY,
      },
    });
    const listed = await t.request({
      method: 'GET',
      url: `${PROVIDERS}/${created.body.id}/remote-models`,
    });
    expect(listed.status).toBe(422);
    expect(listed.body.code).toBe('DISCOVERY_UNSUPPORTED');
  });
});
