import type {
  BedrockEmbeddings,
  ChatBedrockConverse,
} from '@langchain/aws' with { 'resolution-mode': 'import' };
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEgressPolicy } from '../egress/egress-policy';
import { createProviderEgress } from '../egress/provider-egress';
import { createChatModel, createEmbeddings } from './create-langchain-model';

/** Construction only: Bedrock speaks SigV4-signed binary event streams, which the doubles do not. */
describe('Bedrock LangChain adapter', () => {
  const target = {
    provider: 'bedrock' as const,
    baseUrl: 'https://vpce-123.bedrock-runtime.eu-west-1.vpce.amazonaws.com',
    settings: { region: 'eu-west-1' },
    credentials: {
      accessKeyId: 'AKIDTEST',
      secretAccessKey: 'secret',
      sessionToken: 'token',
    },
  };

  it('builds ChatBedrockConverse with the connection’s region, keys and endpoint', async () => {
    const model = (await createChatModel(target, {
      modelName: 'anthropic.claude-haiku-4-5-20251001-v1:0',
      type: 'generation',
      params: { temperature: 0.1, max_output_tokens: 64 },
    })) as ChatBedrockConverse;
    expect(model).toMatchObject({
      model: 'anthropic.claude-haiku-4-5-20251001-v1:0',
      region: 'eu-west-1',
      endpointHost: 'vpce-123.bedrock-runtime.eu-west-1.vpce.amazonaws.com',
      temperature: 0.1,
      maxTokens: 64,
    });
    await expect(model.client.config.credentials()).resolves.toMatchObject({
      accessKeyId: 'AKIDTEST',
      secretAccessKey: 'secret',
      sessionToken: 'token',
    });
    await expect(model.client.config.region()).resolves.toBe('eu-west-1');
    expect(await model.client.config.maxAttempts()).toBe(1);
  });

  it('builds BedrockEmbeddings with dimensions and the endpoint', async () => {
    const embeddings = (await createEmbeddings(target, {
      modelName: 'amazon.titan-embed-text-v2:0',
      type: 'embedding',
      params: { dimensions: 512 },
    })) as BedrockEmbeddings;
    expect(embeddings).toMatchObject({
      model: 'amazon.titan-embed-text-v2:0',
      dimensions: 512,
    });
    const endpoint = await embeddings.client.config.endpoint?.();
    expect(endpoint?.hostname).toBe(
      'vpce-123.bedrock-runtime.eu-west-1.vpce.amazonaws.com',
    );
  });

  it('defaults the region to the catalogue’s and ignores AWS_DEFAULT_REGION', async () => {
    process.env['AWS_DEFAULT_REGION'] = 'ap-south-1';
    try {
      const model = (await createChatModel(
        { ...target, settings: {}, baseUrl: null },
        { modelName: 'amazon.nova-lite-v1:0', type: 'generation', params: {} },
      )) as ChatBedrockConverse;
      expect(model.region).toBe('us-east-1');
    } finally {
      delete process.env['AWS_DEFAULT_REGION'];
    }
  });
});

describe('Bedrock endpoint override', () => {
  it('refuses a base URL that is not http(s) with a ProviderRequestError', async () => {
    await expect(
      createChatModel(
        {
          provider: 'bedrock',
          baseUrl: 'ftp://example',
          settings: {},
          credentials: {},
        },
        { modelName: 'amazon.nova-lite-v1:0', type: 'generation', params: {} },
      ),
    ).rejects.toMatchObject({
      name: 'ProviderRequestError',
      code: 'unreachable',
    });
  });

  it.each(['chat', 'embeddings'] as const)(
    'sends %s calls through the guarded agents: a denied address sees no connection',
    async (kind) => {
      const server = createServer();
      let connections = 0;
      server.on('connection', (socket) => {
        connections += 1;
        socket.destroy();
      });
      await new Promise<void>((resolve) =>
        server.listen(0, '127.0.0.2', resolve),
      );
      const { port } = server.address() as AddressInfo;
      const egress = createProviderEgress(createEgressPolicy(['127.0.0.2/32']));
      const denied = {
        provider: 'bedrock' as const,
        baseUrl: `https://127.0.0.2:${port}`,
        settings: { region: 'eu-west-1' },
        // Explicit keys: the default credential chain would ask the metadata service.
        credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
      };
      const options = { egress, timeoutMs: 5000 };
      const call =
        kind === 'chat'
          ? createChatModel(
              denied,
              { modelName: 'm', type: 'generation', params: {} },
              options,
            ).then((model) => model.invoke('ping'))
          : createEmbeddings(
              denied,
              {
                modelName: 'amazon.titan-embed-text-v2:0',
                type: 'embedding',
                params: {},
              },
              options,
            ).then((model) => model.embedQuery('ping'));
      const error = await call.catch((caught: unknown) => caught);
      await egress.close();
      await new Promise((resolve) => server.close(resolve));
      expect(String((error as Error).message)).toContain('EGRESS_DENIED');
      expect(connections).toBe(0);
    },
  );
});
