import type { ProbeCategory, ProviderId } from '@llm-registry/contracts';
import {
  DOUBLE_MODELS,
  type DoubleBehaviour,
  type DoubleProvider,
  type ProviderDouble,
  startProviderDouble,
} from '@llm-registry/testing/provider-doubles';
import type { ConnectionTarget } from '../connection-target';
import type { ModelRef } from '../langchain/langchain-adapter';
import { probeModel } from './probe-model';

const API_KEY = 'sk-probe-secret-7f3a9c';

const MODELS = DOUBLE_MODELS;
const PROVIDERS = Object.keys(MODELS) as DoubleProvider[];
const EMBEDDING_PROVIDERS = PROVIDERS.filter((p) => MODELS[p].embedding);

describe('probeModel', () => {
  let double: ProviderDouble | undefined;
  // ollama-js logs the malformed stream line it drops.
  beforeEach(() =>
    jest.spyOn(console, 'warn').mockImplementation(() => undefined),
  );
  afterEach(async () => {
    jest.restoreAllMocks();
    await double?.close();
    double = undefined;
  });

  async function start(
    provider: DoubleProvider,
    behaviour: DoubleBehaviour = 'ok',
  ): Promise<ConnectionTarget> {
    double = await startProviderDouble(provider, {
      apiKey: API_KEY,
      behaviour,
      slowMs: 2000,
    });
    return targetAt(provider, double.baseUrl);
  }

  function chatModel(provider: DoubleProvider, params = {}): ModelRef {
    return { modelName: MODELS[provider].chat, type: 'generation', params };
  }

  function embeddingModel(provider: DoubleProvider): ModelRef {
    const { embedding = '', dimensions } = MODELS[provider];
    return { modelName: embedding, type: 'embedding', params: { dimensions } };
  }

  it.each(PROVIDERS)(
    'passes a %s generation model that answers',
    async (provider) => {
      const target = await start(provider);
      const result = await probeModel(target, chatModel(provider));
      expect(result).toMatchObject({ status: 'passed', category: null });
      expect(result.latencyMs).toBeGreaterThanOrEqual(0);
      expect(double?.requests).toHaveLength(1);
    },
  );

  it('reports the echoed model and output tokens, and asks for at most 64 tokens', async () => {
    const target = await start('openai');
    const result = await probeModel(target, chatModel('openai'));
    expect(result.details).toEqual({
      modelEchoed: 'gpt-4o-mini',
      outputTokens: 4,
    });
    expect(JSON.parse(double?.requests[0].body ?? '{}')).toMatchObject({
      max_tokens: 64,
    });
  });

  it('keeps a smaller max_output_tokens, but never below 16', async () => {
    const target = await start('anthropic');
    await probeModel(target, chatModel('anthropic', { max_output_tokens: 32 }));
    await probeModel(target, chatModel('anthropic', { max_output_tokens: 2 }));
    const budgets = double?.requests.map((r) => JSON.parse(r.body).max_tokens);
    expect(budgets).toEqual([32, 16]);
  });

  it('probes NER models as chat models', async () => {
    const target = await start('ollama');
    const result = await probeModel(target, {
      ...chatModel('ollama'),
      type: 'ner',
    });
    expect(result.status).toBe('passed');
  });

  it.each(EMBEDDING_PROVIDERS)(
    'passes a %s embedding model of the configured size',
    async (provider) => {
      const target = await start(provider);
      const { dimensions } = MODELS[provider];
      const result = await probeModel(target, embeddingModel(provider));
      expect(result).toMatchObject({
        status: 'passed',
        category: null,
        details: { dimensions, expectedDimensions: dimensions },
      });
    },
  );

  it.each(EMBEDDING_PROVIDERS)(
    'fails a %s embedding model whose vectors have another size',
    async (provider) => {
      const target = await start(provider, 'wrong_dimensions');
      const dimensions = MODELS[provider].dimensions ?? 0;
      const result = await probeModel(target, embeddingModel(provider));
      expect(result).toMatchObject({
        status: 'failed',
        category: 'dimension_mismatch',
        message: `expected ${dimensions}, got ${dimensions / 2}`,
      });
    },
  );

  it('passes an embedding model without a configured size', async () => {
    const target = await start('openai');
    const result = await probeModel(target, {
      modelName: 'text-embedding-3-small',
      type: 'embedding',
      params: {},
    });
    expect(result.status).toBe('passed');
    expect(result.details.dimensions).toBeGreaterThan(0);
  });

  it('passes a Cohere rerank model that ranks both documents', async () => {
    const target = await start('cohere');
    const result = await probeModel(target, {
      modelName: 'rerank-v3.5',
      type: 'rerank',
      params: {},
    });
    expect(result).toMatchObject({
      status: 'passed',
      details: { documentsRanked: 2 },
    });
  });

  it.each<[ProviderId, ModelRef['type']]>([
    ['openai', 'rerank'],
    ['anthropic', 'embedding'],
  ])(
    'fails %s %s models as unsupported without a call',
    async (provider, type) => {
      const result = await probeModel(
        targetAt(provider, 'http://127.0.0.1:9'),
        {
          modelName: 'any',
          type,
          params: {},
        },
      );
      expect(result).toMatchObject({
        status: 'failed',
        category: 'unsupported',
      });
    },
  );

  describe.each<[DoubleBehaviour, ProbeCategory, DoubleProvider[]]>([
    ['unauthorized', 'auth', ['openai', 'gemini', 'anthropic']],
    ['not_found', 'not_found', ['openai', 'anthropic', 'ollama']],
    ['rate_limited', 'rate_limited', ['openai', 'cohere', 'anthropic']],
    ['quota', 'quota', ['openai', 'anthropic', 'cohere', 'ollama']],
    ['slow', 'timeout', ['openai', 'gemini', 'cohere']],
    ['malformed', 'bad_response', ['openai', 'ollama', 'anthropic', 'cohere']],
    ['server_error', 'bad_response', ['openai', 'cohere', 'gemini']],
  ])('when the provider is %s', (behaviour, category, providers) => {
    it.each(providers)(
      `fails %s with ${category} after one request, without the key`,
      async (provider) => {
        const target = await start(provider, behaviour);
        const result = await probeModel(target, chatModel(provider), {
          timeoutMs: 300,
        });
        expect(result).toMatchObject({ status: 'failed', category });
        expect(result.message).not.toContain(API_KEY);
        expect(result.message.length).toBeLessThanOrEqual(300);
        expect(double?.requests).toHaveLength(1);
      },
    );
  });

  it('times out an embedding call whose client has no timeout (Gemini)', async () => {
    const target = await start('gemini', 'slow');
    const result = await probeModel(target, embeddingModel('gemini'), {
      timeoutMs: 200,
    });
    expect(result).toMatchObject({ status: 'failed', category: 'timeout' });
    expect(result.latencyMs).toBeLessThan(1500);
  });

  it.each<DoubleProvider>(['openai', 'anthropic', 'cohere'])(
    'scrubs the key from a %s error that quotes the request headers',
    async (provider) => {
      double = await startProviderDouble(provider, {
        apiKey: API_KEY,
        echoRequestInErrors: true,
      });
      const result = await probeModel(
        targetAt(provider, double.baseUrl),
        chatModel(provider),
      );
      expect(result.status).toBe('failed');
      expect(result.message).not.toContain(API_KEY);
    },
  );

  it('fails with network when nothing listens on the port', async () => {
    const closed = await startProviderDouble('openai');
    await closed.close();
    const result = await probeModel(
      targetAt('openai', closed.baseUrl),
      chatModel('openai'),
      { timeoutMs: 2000 },
    );
    expect(result).toMatchObject({ status: 'failed', category: 'network' });
  });

  it('rejects with the reason when the caller aborts', async () => {
    const target = await start('openai', 'slow');
    const controller = new AbortController();
    const probe = probeModel(target, chatModel('openai'), {
      signal: controller.signal,
    });
    controller.abort(new Error('user left'));
    await expect(probe).rejects.toThrow('user left');
  });
});

function targetAt(provider: ProviderId, baseUrl: string): ConnectionTarget {
  return { provider, baseUrl, settings: {}, credentials: { apiKey: API_KEY } };
}
