import {
  getProviderSpec,
  PROVIDER_IDS,
  type ProviderId,
} from '@llm-registry/contracts';
import {
  type DoubleProvider,
  type ProviderDouble,
  type ProviderDoubleOptions,
  startProviderDouble,
} from '@llm-registry/testing/provider-doubles';
import { ProviderRequestError } from '../http/provider-request-error';
import { listRemoteModels, supportsDiscovery } from './list-remote-models';

const KEY = 'sk-test-registry-8c41f07e';
const WRONG_KEY = 'sk-test-wrong-1b9d33aa';

interface AuthCase {
  provider: ProviderId;
  double: DoubleProvider;
  header: string;
  sent: string;
  /** What the provider says to a wrong key, as the error message quotes it. */
  refusal: string;
}

const AUTH_CASES: AuthCase[] = [
  {
    provider: 'openai',
    double: 'openai',
    header: 'authorization',
    sent: `Bearer ${KEY}`,
    refusal: 'OpenAI answered 401: Incorrect API key provided.',
  },
  {
    provider: 'fireworks',
    double: 'openai',
    header: 'authorization',
    sent: `Bearer ${KEY}`,
    refusal: 'Fireworks AI answered 401: Incorrect API key provided.',
  },
  {
    provider: 'openai_compatible',
    double: 'openai_compatible',
    header: 'authorization',
    sent: `Bearer ${KEY}`,
    refusal: 'OpenAI-compatible server answered 401: Unauthorized',
  },
  {
    provider: 'anthropic',
    double: 'anthropic',
    header: 'x-api-key',
    sent: KEY,
    refusal: 'Anthropic answered 401: invalid x-api-key',
  },
  {
    provider: 'gemini',
    double: 'gemini',
    header: 'x-goog-api-key',
    sent: KEY,
    refusal:
      'Google Gemini answered 400: API key not valid. Please pass a valid API key.',
  },
  {
    provider: 'cohere',
    double: 'cohere',
    header: 'authorization',
    sent: `Bearer ${KEY}`,
    refusal: 'Cohere answered 401: invalid api token',
  },
  {
    provider: 'ollama',
    double: 'ollama',
    header: 'authorization',
    sent: `Bearer ${KEY}`,
    refusal: 'Ollama answered 401: unauthorized',
  },
];

/** Real fetch that also keeps every response body, to show what the provider sent back. */
function fetchKeepingBodies(bodies: string[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    bodies.push(await response.clone().text());
    return response;
  };
}

describe.each(AUTH_CASES)(
  'listRemoteModels for $provider',
  ({ provider, double: doubleProvider, header, sent, refusal }) => {
    let double: ProviderDouble;
    afterEach(() => double.close());

    async function start(options: ProviderDoubleOptions = {}) {
      double = await startProviderDouble(doubleProvider, {
        apiKey: KEY,
        ...options,
      });
    }

    function target(apiKey: string) {
      return {
        provider,
        baseUrl: double.baseUrl,
        settings: {},
        credentials: { apiKey },
      };
    }

    it(`sends the key in the ${header} header and never in the URL`, async () => {
      await start();
      await expect(listRemoteModels(target(KEY))).resolves.not.toHaveLength(0);
      expect(double.requests.length).toBeGreaterThan(0);
      for (const request of double.requests) {
        expect(request.headers[header]).toBe(sent);
        expect(request.path).not.toContain(KEY);
      }
    });

    it('reports a wrong key as unauthorized', async () => {
      await start();
      await expect(listRemoteModels(target(WRONG_KEY))).rejects.toMatchObject({
        code: 'unauthorized',
        message: refusal,
      });
    });

    it.each([
      ['the right key', KEY],
      ['a wrong key', WRONG_KEY],
    ])(
      'keeps %s out of the error when the provider echoes the request',
      async (_case, apiKey) => {
        await start({ echoRequestInErrors: true });
        const bodies: string[] = [];
        const error = await listRemoteModels(target(apiKey), {
          fetch: fetchKeepingBodies(bodies),
        }).catch((e: unknown) => e);
        expect(bodies.join()).toContain(apiKey);
        expect(error).toBeInstanceOf(ProviderRequestError);
        expect((error as Error).message).toContain('[redacted]');
        expect((error as Error).message).not.toContain(apiKey);
      },
    );

    it('reports a closed port as unreachable', async () => {
      await start();
      await double.close();
      await expect(listRemoteModels(target(KEY))).rejects.toMatchObject({
        code: 'unreachable',
        status: null,
        message: `Could not reach ${getProviderSpec(provider).label} at ${double.url}`,
      });
    });
  },
);

describe('listRemoteModels', () => {
  it('sorts by model name and lists each name once', async () => {
    const double = await startProviderDouble('openai', {
      models: [{ id: 'o3-mini' }, { id: 'gpt-4o' }, { id: 'o3-mini' }],
    });
    const models = await listRemoteModels({
      provider: 'openai',
      baseUrl: double.baseUrl,
      settings: {},
      credentials: {},
    });
    await double.close();
    expect(models.map((model) => model.modelName)).toEqual([
      'gpt-4o',
      'o3-mini',
    ]);
  });

  it.each(['azure_openai', 'bedrock'] as const)(
    'refuses %s as unsupported without calling it',
    async (provider) => {
      const fetchSpy = jest.fn<
        ReturnType<typeof fetch>,
        Parameters<typeof fetch>
      >();
      await expect(
        listRemoteModels(
          {
            provider,
            baseUrl: 'https://example.invalid',
            settings: {},
            credentials: { apiKey: KEY },
          },
          { fetch: fetchSpy },
        ),
      ).rejects.toMatchObject({
        code: 'unsupported',
        message: `${getProviderSpec(provider).label} cannot list its models: enter the model names instead`,
      });
      expect(fetchSpy).not.toHaveBeenCalled();
    },
  );
});

describe('supportsDiscovery', () => {
  it('is false only for Azure OpenAI and Bedrock', () => {
    expect(PROVIDER_IDS.filter((id) => !supportsDiscovery(id))).toEqual([
      'azure_openai',
      'bedrock',
    ]);
  });
});
