import type {
  AzureChatOpenAI,
  AzureOpenAIEmbeddings,
  ChatOpenAI,
} from '@langchain/openai' with { 'resolution-mode': 'import' };
import { createChatModel, createEmbeddings } from './create-langchain-model';

/**
 * The provider doubles serve `/v1/...` only, not Azure's
 * `/openai/deployments/{d}/chat/completions?api-version=`, so these check the built clients' options.
 */
describe('Azure OpenAI LangChain adapter', () => {
  const target = {
    provider: 'azure_openai' as const,
    baseUrl: 'https://my-resource.openai.azure.com/',
    settings: { apiVersion: '2024-10-21' },
    credentials: { apiKey: 'azure-key' },
  };
  const saved = { ...process.env };
  beforeEach(() => {
    process.env['AZURE_OPENAI_BASE_PATH'] =
      'https://env.example/openai/deployments';
    process.env['AZURE_OPENAI_API_KEY'] = 'env-key';
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('builds AzureChatOpenAI for the deployment named by the model', async () => {
    const model = (await createChatModel(target, {
      modelName: 'gpt-4o-prod',
      type: 'generation',
      params: { max_output_tokens: 10 },
    })) as AzureChatOpenAI;
    expect(model).toMatchObject({
      azureOpenAIApiDeploymentName: 'gpt-4o-prod',
      azureOpenAIApiVersion: '2024-10-21',
      azureOpenAIEndpoint: 'https://my-resource.openai.azure.com',
      azureOpenAIBasePath:
        'https://my-resource.openai.azure.com/openai/deployments',
      azureOpenAIApiKey: 'azure-key',
      maxTokens: 10,
    });
  });

  it('builds AzureOpenAIEmbeddings with dimensions', async () => {
    const embeddings = (await createEmbeddings(target, {
      modelName: 'embed-prod',
      type: 'embedding',
      params: { dimensions: 256 },
    })) as AzureOpenAIEmbeddings;
    expect(embeddings).toMatchObject({
      azureOpenAIApiDeploymentName: 'embed-prod',
      azureOpenAIApiVersion: '2024-10-21',
      azureOpenAIApiKey: 'azure-key',
      dimensions: 256,
    });
  });

  it('uses ChatOpenAI on {endpoint}/openai/v1 when no api version is set', async () => {
    const model = (await createChatModel(
      { ...target, settings: {} },
      { modelName: 'gpt-4o-prod', type: 'generation', params: {} },
    )) as ChatOpenAI;
    expect(model.constructor.name).toBe('ChatOpenAI');
    expect(model).toMatchObject({
      model: 'gpt-4o-prod',
      apiKey: 'azure-key',
      clientConfig: expect.objectContaining({
        baseURL: 'https://my-resource.openai.azure.com/openai/v1',
      }),
    });
  });
});
