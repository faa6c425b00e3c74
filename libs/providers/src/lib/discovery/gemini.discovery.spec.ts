import {
  type ProviderDouble,
  startProviderDouble,
} from '@llm-registry/testing/provider-doubles';
import { listRemoteModels } from './list-remote-models';

const KEY = 'AIza-test-gemini-91fd0c';

describe('Gemini discovery', () => {
  let double: ProviderDouble;
  afterEach(() => double.close());

  it('follows nextPageToken and types models by their generation methods', async () => {
    double = await startProviderDouble('gemini', { apiKey: KEY, pageSize: 2 });
    const models = await listRemoteModels({
      provider: 'gemini',
      baseUrl: double.baseUrl,
      settings: {},
      credentials: { apiKey: KEY },
    });
    const [first, second] = double.requests.map((request) => request.path);
    expect(first).toBe('/v1beta/models?pageSize=1000');
    expect(second).toMatch(/^\/v1beta\/models\?pageSize=1000&pageToken=\w+/);
    expect(double.requests).toHaveLength(2);
    expect(models).toEqual([
      {
        modelName: 'gemini-2.5-flash',
        displayName: 'Gemini 2.5 Flash',
        type: 'generation',
        contextWindow: 1048576,
        dimensions: null,
        capabilities: ['reasoning'],
      },
      {
        modelName: 'gemini-embedding-001',
        displayName: 'Gemini Embedding 001',
        type: 'embedding',
        contextWindow: 2048,
        dimensions: null,
        capabilities: [],
      },
      {
        modelName: 'imagen-4.0-generate-001',
        displayName: 'Imagen 4',
        type: null,
        contextWindow: 480,
        dimensions: null,
        capabilities: [],
      },
    ]);
  });

  it('lists nothing when Google leaves out an empty models list', async () => {
    double = await startProviderDouble('gemini', { models: [] });
    await expect(
      listRemoteModels({
        provider: 'gemini',
        baseUrl: double.baseUrl,
        settings: {},
        credentials: { apiKey: KEY },
      }),
    ).resolves.toEqual([]);
  });
});
