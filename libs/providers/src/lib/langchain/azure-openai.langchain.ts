import { resolveBaseUrl } from '../http/base-url';
import type { BuildContext, LangChainAdapter } from './langchain-adapter';
import { apiKeyOf, numberParam } from './model-params';
import {
  buildOpenAiChat,
  buildOpenAiEmbeddings,
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
    configuration: { organization: null, project: null },
    maxRetries: context.maxRetries,
    timeout: context.timeoutMs,
  };
}

/** The dated API needs `settings.apiVersion`; without one the connection uses the v1 API. */
function apiVersionOf({ target }: BuildContext): string | undefined {
  return target.settings['apiVersion']?.trim() || undefined;
}

/** The v1 API is OpenAI's own at `{endpoint}/openai/v1`, with the deployment as the model. */
function v1Endpoint({ target }: BuildContext) {
  return {
    baseURL: `${resolveBaseUrl(target)}/openai/v1`,
    apiKey: apiKeyOf(target),
    floatEmbeddings: false,
  };
}

export const azureOpenAiLangChain: LangChainAdapter = {
  async chat(context) {
    const apiVersion = apiVersionOf(context);
    if (!apiVersion) return buildOpenAiChat(context, v1Endpoint(context));
    const { AzureChatOpenAI } = await import('@langchain/openai');
    return new AzureChatOpenAI({
      ...azureDeployment(context, apiVersion),
      model: context.model.modelName,
      ...openAiSampling(context.model),
    });
  },

  async embeddings(context) {
    const apiVersion = apiVersionOf(context);
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
