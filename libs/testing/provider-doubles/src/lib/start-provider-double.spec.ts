import type { ProviderDouble } from './provider-double.types';
import { startProviderDouble } from './start-provider-double';

const KEY = 'test-double-key-42';

describe('startProviderDouble', () => {
  let double: ProviderDouble;
  afterEach(() => double.close());

  async function call(path: string, init: RequestInit = {}) {
    const response = await fetch(`${double.url}${path}`, init);
    return { status: response.status, body: await response.text() };
  }

  it('records each request with its query, headers and body', async () => {
    double = await startProviderDouble('ollama');
    await call('/api/show?verbose=false', {
      method: 'POST',
      headers: { 'X-Trace': 'abc' },
      body: '{"model":"qwen3:8b"}',
    });
    expect(double.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/api/show?verbose=false',
        headers: expect.objectContaining({ 'x-trace': 'abc' }),
        body: '{"model":"qwen3:8b"}',
      }),
    ]);
  });

  it.each([
    ['openai', '/v1/nothing', 404, '"message":"Invalid URL (GET /v1/nothing)"'],
    ['openai_compatible', '/v1/nothing', 404, '{"detail":"Not Found"}'],
    ['anthropic', '/v1/nothing', 404, '"type":"not_found_error"'],
    ['gemini', '/v1beta/nothing', 404, '"status":"NOT_FOUND"'],
    ['cohere', '/v1/nothing', 404, '{"message":"Not Found"}'],
    ['ollama', '/api/nothing', 404, '404 page not found'],
  ] as const)(
    '%s answers an unknown route in its own shape',
    async (provider, path, status, excerpt) => {
      double = await startProviderDouble(provider, {
        models: [],
      });
      const answer = await call(path, {
        headers: { 'anthropic-version': '2023-06-01' },
      });
      expect(answer.status).toBe(status);
      expect(answer.body).toContain(excerpt);
    },
  );

  it('anthropic refuses a request without anthropic-version', async () => {
    double = await startProviderDouble('anthropic');
    const answer = await call('/v1/models');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({
      type: 'error',
      error: {
        type: 'invalid_request_error',
        message: 'anthropic-version: header is required',
      },
    });
  });

  it('gemini takes the key from ?key= too, and refuses a request without one', async () => {
    double = await startProviderDouble('gemini', { apiKey: KEY });
    expect((await call(`/v1beta/models?key=${KEY}`)).status).toBe(200);
    const refused = await call('/v1beta/models');
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('PERMISSION_DENIED');
  });

  it('ollama shows a model by its legacy `name` and without its tag', async () => {
    double = await startProviderDouble('ollama');
    const answer = await call('/api/show', {
      method: 'POST',
      body: '{"name":"llama3.2"}',
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({
      model_info: { 'llama.context_length': 131072 },
    });
  });

  it("ollama answers 404 with its error shape for a model it doesn't have", async () => {
    double = await startProviderDouble('ollama');
    const answer = await call('/api/show', {
      method: 'POST',
      body: '{"model":"mistral"}',
    });
    expect(answer).toEqual({
      status: 404,
      body: '{"error":"model \'mistral\' not found"}',
    });
  });

  it('ollama answers /api/version without a key', async () => {
    double = await startProviderDouble('ollama');
    expect(JSON.parse((await call('/api/version')).body)).toEqual({
      version: expect.any(String),
    });
  });
});
