import type { ModelType, ProviderId } from '@llm-registry/contracts';
import type { ModelRef } from '../langchain/langchain-adapter';
import type { LiteLLMConnection } from './litellm-params';
import { toLiteLLMParams } from './to-litellm-params';

function connection(
  provider: ProviderId,
  fields: Partial<Omit<LiteLLMConnection, 'provider'>> = {},
): LiteLLMConnection {
  return { provider, baseUrl: null, settings: {}, credentials: {}, ...fields };
}

function model(
  modelName: string,
  type: ModelType = 'generation',
  params: ModelRef['params'] = {},
): ModelRef {
  return { modelName, type, params };
}

const SAMPLING = { temperature: 0.2, top_p: 0.9, max_output_tokens: 256 };
const OPENAI_KEY = { apiKey: { env: 'OPENAI_API_KEY' } };

describe('toLiteLLMParams', () => {
  describe('openai', () => {
    it('prefixes openai/ and references the key in LiteLLM’s environment', () => {
      expect(
        toLiteLLMParams(
          connection('openai', { credentials: OPENAI_KEY }),
          model('gpt-4o-mini', 'generation', { ...SAMPLING, top_k: 40 }),
        ),
      ).toStrictEqual({
        model: 'openai/gpt-4o-mini',
        api_key: 'os.environ/OPENAI_API_KEY',
        temperature: 0.2,
        top_p: 0.9,
        max_tokens: 256,
      });
    });

    it('sends a base URL and an organization only when the connection sets them', () => {
      expect(
        toLiteLLMParams(
          connection('openai', {
            baseUrl: 'https://gateway.example/v1/',
            settings: { organization: ' org-123 ' },
            credentials: { apiKey: { value: 'sk-stored' } },
          }),
          model('gpt-4o-mini'),
        ),
      ).toStrictEqual({
        model: 'openai/gpt-4o-mini',
        api_base: 'https://gateway.example/v1',
        api_key: 'sk-stored',
        organization: 'org-123',
      });
      expect(
        toLiteLLMParams(
          connection('openai', { baseUrl: 'https://api.openai.com/v1' }),
          model('gpt-4o-mini'),
        ),
      ).not.toHaveProperty('api_base');
    });

    it('gives reasoning models max_completion_tokens and no sampling params', () => {
      expect(
        toLiteLLMParams(
          connection('openai', { credentials: OPENAI_KEY }),
          model('o3-mini', 'ner', { ...SAMPLING, labels: ['person'] }),
        ),
      ).toStrictEqual({
        model: 'openai/o3-mini',
        api_key: 'os.environ/OPENAI_API_KEY',
        max_completion_tokens: 256,
      });
    });

    it('passes an embedding model’s dimensions', () => {
      expect(
        toLiteLLMParams(
          connection('openai', { credentials: OPENAI_KEY }),
          model('text-embedding-3-large', 'embedding', {
            dimensions: 256,
            batch_size: 100,
          }),
        ),
      ).toStrictEqual({
        model: 'openai/text-embedding-3-large',
        api_key: 'os.environ/OPENAI_API_KEY',
        dimensions: 256,
      });
    });
  });

  describe('azure_openai', () => {
    const azure = {
      baseUrl: 'https://my-resource.openai.azure.com/',
      credentials: { apiKey: { value: 'azure-key' } },
    };

    it('addresses the deployment with the endpoint and the dated API version', () => {
      expect(
        toLiteLLMParams(
          connection('azure_openai', {
            ...azure,
            settings: { apiVersion: '2024-10-21' },
          }),
          model('embed-prod', 'embedding', { dimensions: 1536 }),
        ),
      ).toStrictEqual({
        model: 'azure/embed-prod',
        api_base: 'https://my-resource.openai.azure.com',
        api_version: '2024-10-21',
        api_key: 'azure-key',
        dimensions: 1536,
      });
    });

    it('uses the v1 API through the OpenAI client when no API version is set', () => {
      expect(
        toLiteLLMParams(
          connection('azure_openai', azure),
          model('gpt-4o-prod', 'generation', { max_output_tokens: 64 }),
        ),
      ).toStrictEqual({
        model: 'openai/gpt-4o-prod',
        api_base: 'https://my-resource.openai.azure.com/openai/v1',
        api_key: 'azure-key',
        max_tokens: 64,
      });
    });

    it('refuses a connection without an endpoint', () => {
      expect(() =>
        toLiteLLMParams(connection('azure_openai'), model('gpt-4o-prod')),
      ).toThrow(expect.objectContaining({ code: 'unreachable' }));
    });
  });

  describe('anthropic', () => {
    it('prefixes anthropic/ with the sampling defaults', () => {
      expect(
        toLiteLLMParams(
          connection('anthropic', {
            credentials: { apiKey: { env: 'ANTHROPIC_API_KEY' } },
          }),
          model('claude-sonnet-4-5', 'generation', { temperature: 1 }),
        ),
      ).toStrictEqual({
        model: 'anthropic/claude-sonnet-4-5',
        api_key: 'os.environ/ANTHROPIC_API_KEY',
        temperature: 1,
      });
    });

    it('refuses a type the provider does not serve', () => {
      expect(() =>
        toLiteLLMParams(
          connection('anthropic'),
          model('claude-embed', 'embedding'),
        ),
      ).toThrow(
        expect.objectContaining({
          name: 'ProviderRequestError',
          code: 'unsupported',
          message: 'Anthropic serves no embedding models',
        }),
      );
    });
  });

  describe('gemini', () => {
    const credentials = { apiKey: { env: 'GOOGLE_API_KEY' } };

    it('prefixes gemini/ for chat and embedding models, without dimensions', () => {
      expect(
        toLiteLLMParams(
          connection('gemini', { credentials }),
          model('gemini-2.5-flash', 'generation', { max_output_tokens: 100 }),
        ),
      ).toStrictEqual({
        model: 'gemini/gemini-2.5-flash',
        api_key: 'os.environ/GOOGLE_API_KEY',
        max_tokens: 100,
      });
      expect(
        toLiteLLMParams(
          connection('gemini', { credentials }),
          model('gemini-embedding-001', 'embedding', { dimensions: 768 }),
        ),
      ).toStrictEqual({
        model: 'gemini/gemini-embedding-001',
        api_key: 'os.environ/GOOGLE_API_KEY',
      });
    });

    it('passes a base URL of its own, version included', () => {
      expect(
        toLiteLLMParams(
          connection('gemini', {
            baseUrl: 'https://gemini-proxy.example/v1beta',
            credentials,
          }),
          model('gemini-2.5-flash'),
        ),
      ).toMatchObject({ api_base: 'https://gemini-proxy.example/v1beta' });
    });
  });

  describe('cohere', () => {
    const credentials = { apiKey: { value: 'co-key' } };

    it.each([
      ['generation', 'command-r-plus'],
      ['embedding', 'embed-english-v3.0'],
      ['rerank', 'rerank-v3.5'],
    ] as const)('prefixes a %s model with cohere/', (type, modelName) => {
      expect(
        toLiteLLMParams(
          connection('cohere', { credentials }),
          model(modelName, type),
        ),
      ).toStrictEqual({ model: `cohere/${modelName}`, api_key: 'co-key' });
    });

    it('refuses a base URL of its own, which LiteLLM would take for one operation’s URL', () => {
      expect(() =>
        toLiteLLMParams(
          connection('cohere', {
            baseUrl: 'https://cohere-proxy.example',
            credentials,
          }),
          model('command-r-plus'),
        ),
      ).toThrow(expect.objectContaining({ code: 'unsupported' }));
      expect(
        toLiteLLMParams(
          connection('cohere', { baseUrl: 'https://api.cohere.com/' }),
          model('command-r-plus'),
        ),
      ).not.toHaveProperty('api_base');
    });
  });

  describe('ollama', () => {
    it('uses ollama_chat/ for chat and ollama/ for embeddings, at the server’s root', () => {
      const gpuBox = connection('ollama', {
        baseUrl: 'http://gpu-box:11434/',
      });
      expect(
        toLiteLLMParams(gpuBox, model('llama3.1', 'generation', SAMPLING)),
      ).toStrictEqual({
        model: 'ollama_chat/llama3.1',
        api_base: 'http://gpu-box:11434',
        api_key: 'not-needed',
        temperature: 0.2,
        top_p: 0.9,
        max_tokens: 256,
      });
      expect(
        toLiteLLMParams(
          gpuBox,
          model('nomic-embed-text', 'embedding', { dimensions: 768 }),
        ),
      ).toStrictEqual({
        model: 'ollama/nomic-embed-text',
        api_base: 'http://gpu-box:11434',
        api_key: 'not-needed',
      });
    });

    it('falls back to the catalogue’s address and passes an Ollama Cloud key', () => {
      expect(
        toLiteLLMParams(
          connection('ollama', {
            credentials: { apiKey: { env: 'OLLAMA_API_KEY' } },
          }),
          model('llama3.1'),
        ),
      ).toStrictEqual({
        model: 'ollama_chat/llama3.1',
        api_base: 'http://localhost:11434',
        api_key: 'os.environ/OLLAMA_API_KEY',
      });
    });
  });

  describe('bedrock', () => {
    it('passes the region and the key pair, as references or values', () => {
      expect(
        toLiteLLMParams(
          connection('bedrock', {
            settings: { region: 'eu-west-1' },
            credentials: {
              accessKeyId: { env: 'AWS_ACCESS_KEY_ID' },
              secretAccessKey: { value: 'stored-secret' },
              sessionToken: { env: 'AWS_SESSION_TOKEN' },
            },
          }),
          model('anthropic.claude-haiku-4-5-20251001-v1:0', 'generation', {
            max_output_tokens: 64,
          }),
        ),
      ).toStrictEqual({
        model: 'bedrock/anthropic.claude-haiku-4-5-20251001-v1:0',
        aws_region_name: 'eu-west-1',
        aws_access_key_id: 'os.environ/AWS_ACCESS_KEY_ID',
        aws_secret_access_key: 'stored-secret',
        aws_session_token: 'os.environ/AWS_SESSION_TOKEN',
        max_tokens: 64,
      });
    });

    it('defaults the region and leaves a missing key pair to the AWS credential chain', () => {
      expect(
        toLiteLLMParams(
          connection('bedrock', {
            credentials: { accessKeyId: { env: 'AWS_ACCESS_KEY_ID' } },
          }),
          model('cohere.rerank-v3-5:0', 'rerank'),
        ),
      ).toStrictEqual({
        model: 'bedrock/cohere.rerank-v3-5:0',
        aws_region_name: 'us-east-1',
      });
    });

    it('passes an endpoint override as the runtime endpoint', () => {
      expect(
        toLiteLLMParams(
          connection('bedrock', {
            baseUrl:
              'https://vpce-123.bedrock-runtime.eu-west-1.vpce.amazonaws.com/',
          }),
          model('amazon.titan-embed-text-v2:0', 'embedding', {
            dimensions: 512,
          }),
        ),
      ).toStrictEqual({
        model: 'bedrock/amazon.titan-embed-text-v2:0',
        aws_region_name: 'us-east-1',
        aws_bedrock_runtime_endpoint:
          'https://vpce-123.bedrock-runtime.eu-west-1.vpce.amazonaws.com',
      });
    });
  });

  describe('fireworks', () => {
    it('prefixes fireworks_ai/ to the full model path', () => {
      expect(
        toLiteLLMParams(
          connection('fireworks', {
            credentials: { apiKey: { env: 'FIREWORKS_API_KEY' } },
          }),
          model('accounts/fireworks/models/llama-v3p1-8b-instruct'),
        ),
      ).toStrictEqual({
        model: 'fireworks_ai/accounts/fireworks/models/llama-v3p1-8b-instruct',
        api_key: 'os.environ/FIREWORKS_API_KEY',
      });
    });
  });

  describe('openai_compatible', () => {
    const vllm = { baseUrl: 'http://vllm:8000/v1' };

    it('uses openai/ at the server’s /v1, with a dummy key when none is stored', () => {
      expect(
        toLiteLLMParams(
          connection('openai_compatible', vllm),
          model('nomic-ai/nomic-embed-text-v1.5', 'embedding', {
            dimensions: 768,
          }),
        ),
      ).toStrictEqual({
        model: 'openai/nomic-ai/nomic-embed-text-v1.5',
        api_base: 'http://vllm:8000/v1',
        api_key: 'not-needed',
        dimensions: 768,
      });
    });

    it('refuses rerank models and a connection without a base URL', () => {
      expect(() =>
        toLiteLLMParams(
          connection('openai_compatible', vllm),
          model('bge-reranker', 'rerank'),
        ),
      ).toThrow(expect.objectContaining({ code: 'unsupported' }));
      expect(() =>
        toLiteLLMParams(connection('openai_compatible'), model('qwen')),
      ).toThrow(expect.objectContaining({ code: 'unreachable' }));
    });
  });

  it('treats an empty stored value as no key', () => {
    expect(
      toLiteLLMParams(
        connection('openai_compatible', {
          baseUrl: 'http://lmstudio:1234/v1',
          credentials: { apiKey: { value: '' } },
        }),
        model('qwen'),
      ),
    ).toMatchObject({ api_key: 'not-needed' });
  });
});
