import {
  type ProviderDouble,
  startProviderDouble,
} from '@llm-registry/testing/provider-doubles';
import { listRemoteModels } from './list-remote-models';

const KEY = 'sk-ant-test-3e7c55';

describe('Anthropic discovery', () => {
  let double: ProviderDouble;
  afterEach(() => double.close());

  function list() {
    return listRemoteModels({
      provider: 'anthropic',
      baseUrl: double.baseUrl,
      settings: {},
      credentials: { apiKey: KEY },
    });
  }

  it('follows has_more across pages with after_id = last_id', async () => {
    double = await startProviderDouble('anthropic', {
      apiKey: KEY,
      pageSize: 2,
    });
    const models = await list();
    expect(double.requests.map((request) => request.path)).toEqual([
      '/v1/models?limit=1000',
      '/v1/models?limit=1000&after_id=claude-haiku-4-5-20251001',
    ]);
    expect(models).toEqual([
      {
        modelName: 'claude-haiku-4-5-20251001',
        displayName: 'Claude Haiku 4.5',
        type: 'generation',
        contextWindow: 200000,
        dimensions: null,
        capabilities: [],
      },
      {
        modelName: 'claude-opus-4-1-20250805',
        displayName: 'Claude Opus 4.1',
        type: 'generation',
        contextWindow: 200000,
        dimensions: null,
        capabilities: [],
      },
      {
        modelName: 'claude-sonnet-4-5-20250929',
        displayName: 'Claude Sonnet 4.5',
        type: 'generation',
        contextWindow: 200000,
        dimensions: null,
        capabilities: [],
      },
    ]);
  });

  it('sends anthropic-version 2023-06-01, which the API requires', async () => {
    double = await startProviderDouble('anthropic', { apiKey: KEY });
    await list();
    expect(double.requests[0].headers['anthropic-version']).toBe('2023-06-01');
  });

  it('leaves the context window empty when the API omits max_input_tokens', async () => {
    double = await startProviderDouble('anthropic', {
      models: [{ id: 'claude-2.1' }],
    });
    const [model] = await list();
    expect(model).toMatchObject({
      modelName: 'claude-2.1',
      displayName: 'claude-2.1',
      contextWindow: null,
    });
  });
});
