import type {
  BedrockEmbeddings,
  ChatBedrockConverse,
} from '@langchain/aws' with { 'resolution-mode': 'import' };
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
});
