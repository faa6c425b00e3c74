import {
  type ProviderDouble,
  startProviderDouble,
} from '@llm-registry/testing/provider-doubles';
import { listRemoteModels } from './list-remote-models';

const KEY = 'sk-test-openai-77aa10';

describe('OpenAI-style discovery', () => {
  let double: ProviderDouble;
  afterEach(() => double.close());

  it('lists OpenAI models by id and guesses their type from the name', async () => {
    double = await startProviderDouble('openai', { apiKey: KEY });
    const models = await listRemoteModels({
      provider: 'openai',
      baseUrl: double.baseUrl,
      settings: {},
      credentials: { apiKey: KEY },
    });
    expect(double.requests.map((request) => request.path)).toEqual([
      '/v1/models',
    ]);
    expect(models).toEqual([
      {
        modelName: 'gpt-4o-mini',
        displayName: 'gpt-4o-mini',
        type: 'generation',
        contextWindow: null,
        dimensions: null,
        capabilities: [],
      },
      {
        modelName: 'text-embedding-3-small',
        displayName: 'text-embedding-3-small',
        type: 'embedding',
        contextWindow: null,
        dimensions: null,
        capabilities: [],
      },
      {
        modelName: 'whisper-1',
        displayName: 'whisper-1',
        type: null,
        contextWindow: null,
        dimensions: null,
        capabilities: [],
      },
    ]);
  });

  it('names the organization in OpenAI-Organization when the connection has one', async () => {
    double = await startProviderDouble('openai', { apiKey: KEY });
    await listRemoteModels({
      provider: 'openai',
      baseUrl: double.baseUrl,
      settings: { organization: 'org-registry' },
      credentials: { apiKey: KEY },
    });
    expect(double.requests[0].headers['openai-organization']).toBe(
      'org-registry',
    );
  });

  it('takes the context window from the max_model_len of a vLLM server', async () => {
    double = await startProviderDouble('openai_compatible');
    const models = await listRemoteModels({
      provider: 'openai_compatible',
      baseUrl: double.baseUrl,
      settings: {},
      credentials: {},
    });
    expect(
      models.map(({ modelName, type, contextWindow }) => ({
        modelName,
        type,
        contextWindow,
      })),
    ).toEqual([
      {
        modelName: 'Qwen/Qwen2.5-0.5B-Instruct',
        type: 'generation',
        contextWindow: 32768,
      },
      {
        modelName: 'nomic-ai/nomic-embed-text-v1.5',
        type: 'embedding',
        contextWindow: 8192,
      },
    ]);
  });

  it('sends no Authorization header to a server that needs no key', async () => {
    double = await startProviderDouble('openai_compatible');
    await listRemoteModels({
      provider: 'openai_compatible',
      baseUrl: double.baseUrl,
      settings: {},
      credentials: {},
    });
    expect(double.requests[0].headers['authorization']).toBeUndefined();
  });
});
