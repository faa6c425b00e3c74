import {
  type DoubleProvider,
  type ProviderDouble,
  type RecordedRequest,
  startProviderDouble,
} from '@llm-registry/testing/provider-doubles';
import type { ProviderId } from '@llm-registry/contracts';
import type { ConnectionTarget } from '../connection-target';
import {
  createChatModel,
  createEmbeddings,
  createReranker,
  supportsType,
} from './create-langchain-model';
import type { ModelRef } from './langchain-adapter';

const KEY = 'sk-test-key';

interface DoubleCase {
  provider: ProviderId & DoubleProvider;
  chatModel: string;
  /** null: the provider has no embeddings. */
  embedding: null | {
    model: string;
    /** The double's vector length when no dimensions are asked for. */
    defaultLength: number;
    /** Whether LangChain passes the registry's `dimensions` on. */
    dimensions: boolean;
  };
  /** The key as the provider's wire format carries it. */
  sentKey(request: RecordedRequest): string | undefined;
}

const bearer = (request: RecordedRequest) =>
  /^Bearer (.+)$/.exec(request.headers['authorization'] ?? '')?.[1];

const CASES: DoubleCase[] = [
  {
    provider: 'openai',
    chatModel: 'gpt-4o-mini',
    embedding: {
      model: 'text-embedding-3-small',
      defaultLength: 8,
      dimensions: true,
    },
    sentKey: bearer,
  },
  {
    provider: 'openai_compatible',
    chatModel: 'Qwen/Qwen2.5-0.5B-Instruct',
    embedding: {
      model: 'nomic-ai/nomic-embed-text-v1.5',
      defaultLength: 8,
      dimensions: true,
    },
    sentKey: bearer,
  },
  {
    provider: 'anthropic',
    chatModel: 'claude-haiku-4-5-20251001',
    embedding: null,
    sentKey: (request) => request.headers['x-api-key'],
  },
  {
    provider: 'gemini',
    chatModel: 'gemini-2.5-flash',
    embedding: {
      model: 'gemini-embedding-001',
      defaultLength: 8,
      dimensions: true,
    },
    sentKey: (request) => request.headers['x-goog-api-key'],
  },
  {
    provider: 'cohere',
    chatModel: 'command-a-03-2025',
    // CohereEmbeddings calls /v1/embed, which has no output_dimension.
    embedding: { model: 'embed-v4.0', defaultLength: 8, dimensions: false },
    sentKey: bearer,
  },
  {
    provider: 'ollama',
    chatModel: 'llama3.2:latest',
    embedding: {
      model: 'nomic-embed-text:latest',
      defaultLength: 768,
      dimensions: true,
    },
    sentKey: bearer,
  },
];

/** Requests that ran a model, not the listing or version calls a client may make first. */
function inferenceRequests(double: ProviderDouble): RecordedRequest[] {
  return double.requests.filter(
    ({ method, path }) => method === 'POST' && !path.startsWith('/api/show'),
  );
}

describe.each(CASES)('LangChain $provider', (testCase) => {
  const { provider, chatModel, embedding, sentKey } = testCase;
  let double: ProviderDouble;
  let target: ConnectionTarget;

  beforeEach(async () => {
    double = await startProviderDouble(provider, { apiKey: KEY });
    target = {
      provider,
      baseUrl: double.baseUrl,
      settings: {},
      credentials: { apiKey: KEY },
    };
  });
  afterEach(() => double.close());

  const chat: ModelRef = {
    modelName: chatModel,
    type: 'generation',
    params: { temperature: 0, max_output_tokens: 16 },
  };

  it('answers a chat invoke with the key in the provider’s header', async () => {
    const model = await createChatModel(target, chat);
    const reply = await model.invoke('ping');
    expect(reply.text).toContain('pong');
    expect(inferenceRequests(double).map(sentKey)).toEqual([KEY]);
  });

  it('fails a chat invoke on the first unauthorized answer, without retrying', async () => {
    double.behaviour = 'unauthorized';
    const model = await createChatModel(target, chat);
    const started = Date.now();
    await expect(model.invoke('ping')).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(inferenceRequests(double)).toHaveLength(1);
  });

  if (embedding) {
    const embeddingModel = (params: Record<string, unknown>): ModelRef => ({
      modelName: embedding.model,
      type: 'embedding',
      params,
    });

    it('embeds a query as a vector of the model’s length', async () => {
      const embeddings = await createEmbeddings(target, embeddingModel({}));
      await expect(embeddings.embedQuery('ping')).resolves.toHaveLength(
        embedding.defaultLength,
      );
      expect(inferenceRequests(double).map(sentKey)).toEqual([KEY]);
    });

    it('fails embeddings on the first unauthorized answer, without retrying', async () => {
      double.behaviour = 'unauthorized';
      const embeddings = await createEmbeddings(target, embeddingModel({}));
      await expect(embeddings.embedQuery('ping')).rejects.toThrow();
      expect(inferenceRequests(double)).toHaveLength(1);
    });

    if (embedding.dimensions) {
      it('asks for the registry’s dimensions', async () => {
        const embeddings = await createEmbeddings(
          target,
          embeddingModel({ dimensions: 4 }),
        );
        await expect(embeddings.embedQuery('ping')).resolves.toHaveLength(4);
      });
    }
  } else {
    it('has no embeddings', async () => {
      expect(supportsType(provider, 'embedding')).toBe(false);
      await expect(
        createEmbeddings(target, {
          modelName: chatModel,
          type: 'embedding',
          params: {},
        }),
      ).rejects.toMatchObject({ code: 'unsupported' });
    });
  }
});

describe('LangChain rerank', () => {
  let double: ProviderDouble;
  afterEach(() => double.close());

  it('ranks documents through Cohere with indices and scores', async () => {
    double = await startProviderDouble('cohere', { apiKey: KEY });
    const reranker = await createReranker(
      {
        provider: 'cohere',
        baseUrl: double.baseUrl,
        settings: {},
        credentials: { apiKey: KEY },
      },
      { modelName: 'rerank-v3.5', type: 'rerank', params: {} },
    );
    const ranked = await reranker.rerank('red apples', [
      'blue sky',
      'red apples are sweet',
      'apples',
      'green grass',
    ]);
    expect(ranked).toHaveLength(4);
    expect(ranked[0]).toEqual({ index: 1, relevanceScore: expect.any(Number) });
    expect(ranked.map(({ index }) => index).sort()).toEqual([0, 1, 2, 3]);
    expect(inferenceRequests(double).map(bearer)).toEqual([KEY]);
  });

  it('is unsupported where LangChain has no reranker', async () => {
    expect(supportsType('openai_compatible', 'rerank')).toBe(false);
    expect(supportsType('bedrock', 'rerank')).toBe(false);
    expect(supportsType('cohere', 'rerank')).toBe(true);
    await expect(
      createReranker(
        {
          provider: 'openai_compatible',
          baseUrl: 'http://127.0.0.1:1/v1',
          settings: {},
          credentials: {},
        },
        { modelName: 'bge-reranker', type: 'rerank', params: {} },
      ),
    ).rejects.toMatchObject({
      name: 'ProviderRequestError',
      code: 'unsupported',
    });
  });
});
