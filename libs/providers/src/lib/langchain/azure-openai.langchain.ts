import type { ConnectionTarget } from '../connection-target';
import { type ConnectionEndpoint, resolveBaseUrl } from '../http/base-url';
import type { BuildContext, LangChainAdapter } from './langchain-adapter';
import { apiKeyOf, numberParam } from './model-params';
import {
  buildOpenAiChat,
  buildOpenAiEmbeddings,
  type OpenAiEndpoint,
  openAiSampling,
} from './openai.langchain';

/**
 * Everything AzureChatOpenAI and AzureOpenAIEmbeddings would otherwise read from AZURE_OPENAI_*
 * variables. The base path wins over the endpoint in LangChain's URL building, so setting it shuts
 * out AZURE_OPENAI_BASE_PATH; the model name is the deployment name.
 */
export function azureDeployment(context: BuildContext, apiVersion: string) {
  const endpoint = resolveBaseUrl(context.target);
  return {
    azureOpenAIEndpoint: endpoint,
    azureOpenAIBasePath: `${endpoint}/openai/deployments`,
    azureOpenAIApiInstanceName: undefined,
    azureOpenAIApiDeploymentName: context.model.modelName,
    azureOpenAIApiEmbeddingsDeploymentName: context.model.modelName,
    azureOpenAIApiVersion: apiVersion,
    azureOpenAIApiKey: apiKeyOf(context.target),
    // Not OPENAI_ORGANIZATION / OPENAI_PROJECT: Azure has no such headers.
    configuration: { organization: null, project: null, fetch: context.fetch },
    maxRetries: context.maxRetries,
    timeout: context.timeoutMs,
  };
}

/** The dated API needs `settings.apiVersion`; without one the connection uses the v1 API. */
export function azureApiVersion(
  settings: ConnectionTarget['settings'],
): string | undefined {
  return settings['apiVersion']?.trim() || undefined;
}

/** The v1 API is OpenAI's own at `{endpoint}/openai/v1`, with the deployment as the model. */
export function azureV1BaseUrl(target: ConnectionEndpoint): string {
  return `${resolveBaseUrl(target)}/openai/v1`;
}

function v1Endpoint({ target }: BuildContext): OpenAiEndpoint {
  return {
    baseURL: azureV1BaseUrl(target),
    apiKey: apiKeyOf(target),
    floatEmbeddings: false,
  };
}

export const azureOpenAiLangChain: LangChainAdapter = {
  async chat(context) {
    const apiVersion = azureApiVersion(context.target.settings);
    if (!apiVersion) return buildOpenAiChat(context, v1Endpoint(context));
    const { AzureChatOpenAI } = await import('@langchain/openai');
    return new AzureChatOpenAI({
      ...azureDeployment(context, apiVersion),
      model: context.model.modelName,
      ...openAiSampling(context.model),
    });
  },

  async embeddings(context) {
    const apiVersion = azureApiVersion(context.target.settings);
    if (!apiVersion) return buildOpenAiEmbeddings(context, v1Endpoint(context));
    const { AzureOpenAIEmbeddings } = await import('@langchain/openai');
    return new AzureOpenAIEmbeddings({
      ...azureDeployment(context, apiVersion),
      model: context.model.modelName,
      dimensions: numberParam(context.model, 'dimensions'),
      batchSize: numberParam(context.model, 'batch_size'),
    });
  },
};
