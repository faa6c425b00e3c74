import { resolveBaseUrl } from '../http/base-url';
import {
  azureApiVersion,
  azureOpenAiLangChain,
  azureV1BaseUrl,
} from '../langchain/azure-openai.langchain';
import { apiKeyParam, openAiWireDefaults } from '../litellm/litellm-fields';
import type { ProviderAdapter } from './provider-adapter';

/** The model name is the deployment name, as in LangChain; without an API version, the v1 API. */
export const azureOpenAiAdapter: ProviderAdapter<'azure_openai'> = {
  provider: 'azure_openai',
  langChain: azureOpenAiLangChain,
  // Deployments are typed in: listing them takes an Azure management token, not the API key.
  discovery: null,
  liteLLMParams: (connection, model) => {
    const apiVersion = azureApiVersion(connection.settings);
    // The v1 API is OpenAI's own, so LiteLLM reaches it through its OpenAI client.
    const endpoint = apiVersion
      ? {
          model: `azure/${model.modelName}`,
          api_base: resolveBaseUrl(connection),
          api_version: apiVersion,
        }
      : {
          model: `openai/${model.modelName}`,
          api_base: azureV1BaseUrl(connection),
        };
    return {
      ...endpoint,
      api_key: apiKeyParam(connection),
      ...openAiWireDefaults(model),
    };
  },
};
