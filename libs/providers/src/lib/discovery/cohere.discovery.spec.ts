import {
  type ProviderDouble,
  startProviderDouble,
} from '@llm-registry/testing/provider-doubles';
import { listRemoteModels } from './list-remote-models';

const KEY = 'co-test-5a2b8e44';

describe('Cohere discovery', () => {
  let double: ProviderDouble;
  afterEach(() => double.close());

  it('follows next_page_token and types models by their endpoints', async () => {
    double = await startProviderDouble('cohere', {
      apiKey: KEY,
      pageSize: 2,
      models: [
        { id: 'command-a-03-2025', kind: 'chat', contextWindow: 256000 },
        { id: 'embed-v4.0', kind: 'embedding', contextWindow: 128000 },
        { id: 'rerank-v3.5', kind: 'rerank', contextWindow: 4096 },
        { id: 'classify-legacy', kind: 'other' },
      ],
    });
    const models = await listRemoteModels({
      provider: 'cohere',
      baseUrl: double.baseUrl,
      settings: {},
      credentials: { apiKey: KEY },
    });
    const paths = double.requests.map((request) => request.path);
    expect(paths[0]).toBe('/v1/models?page_size=1000');
    expect(paths[1]).toMatch(/^\/v1\/models\?page_size=1000&page_token=\w+/);
    expect(paths).toHaveLength(2);
    expect(
      models.map(({ modelName, type, contextWindow }) => [
        modelName,
        type,
        contextWindow,
      ]),
    ).toEqual([
      ['classify-legacy', null, null],
      ['command-a-03-2025', 'generation', 256000],
      ['embed-v4.0', 'embedding', 128000],
      ['rerank-v3.5', 'rerank', 4096],
    ]);
  });
});
