import {
  type ProviderDouble,
  startProviderDouble,
} from '@llm-registry/testing/provider-doubles';
import type { RequestOptions } from '../http/provider-http';
import { listRemoteModels } from './list-remote-models';

describe('Ollama discovery', () => {
  let double: ProviderDouble;
  afterEach(() => double.close());

  function list(options?: RequestOptions) {
    return listRemoteModels(
      {
        provider: 'ollama',
        baseUrl: double.baseUrl,
        settings: {},
        credentials: {},
      },
      options,
    );
  }

  it('reads type, context window, embedding size and capabilities from /api/show', async () => {
    double = await startProviderDouble('ollama');
    await expect(list()).resolves.toEqual([
      {
        modelName: 'llama3.2:latest',
        displayName: 'llama3.2:latest',
        type: 'generation',
        contextWindow: 131072,
        dimensions: 3072,
        capabilities: ['tools'],
      },
      {
        modelName: 'nomic-embed-text:latest',
        displayName: 'nomic-embed-text:latest',
        type: 'embedding',
        contextWindow: 2048,
        dimensions: 768,
        capabilities: [],
      },
      {
        modelName: 'qwen3:8b',
        displayName: 'qwen3:8b',
        type: 'generation',
        contextWindow: 40960,
        dimensions: 4096,
        capabilities: ['tools', 'reasoning'],
      },
    ]);
    expect(
      double.requests.map(
        ({ method, path, body }) => `${method} ${path} ${body}`,
      ),
    ).toEqual([
      'GET /api/tags ',
      'POST /api/show {"model":"llama3.2:latest"}',
      'POST /api/show {"model":"qwen3:8b"}',
      'POST /api/show {"model":"nomic-embed-text:latest"}',
    ]);
    expect(double.requests[0].headers['authorization']).toBeUndefined();
  });

  it('keeps at most 4 /api/show requests in flight', async () => {
    double = await startProviderDouble('ollama', {
      models: Array.from({ length: 10 }, (_, i) => ({
        id: `model-${i}:latest`,
      })),
    });
    let inFlight = 0;
    let most = 0;
    const models = await list({
      fetch: async (input, init) => {
        inFlight++;
        most = Math.max(most, inFlight);
        // Long enough for the shows to overlap if nothing held them back.
        await new Promise((resolve) => setTimeout(resolve, 20));
        try {
          return await fetch(input, init);
        } finally {
          inFlight--;
        }
      },
    });
    expect(models).toHaveLength(10);
    expect(most).toBe(4);
  });

  it('lists a model whose /api/show fails, with a guess from its name', async () => {
    double = await startProviderDouble('ollama');
    const models = await list({
      fetch: (input, init) =>
        String(init?.body).includes('nomic-embed-text')
          ? Promise.resolve(
              new Response('{"error":"llama runner process has terminated"}', {
                status: 500,
              }),
            )
          : fetch(input, init),
    });
    expect(models.map((model) => model.modelName)).toEqual([
      'llama3.2:latest',
      'nomic-embed-text:latest',
      'qwen3:8b',
    ]);
    expect(models[1]).toEqual({
      modelName: 'nomic-embed-text:latest',
      displayName: 'nomic-embed-text:latest',
      type: 'embedding',
      contextWindow: null,
      dimensions: null,
      capabilities: [],
    });
  });
});
