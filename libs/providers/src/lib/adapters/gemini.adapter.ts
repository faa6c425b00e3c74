import { geminiDiscovery } from '../discovery/gemini.discovery';
import { customBaseUrl } from '../http/base-url';
import { geminiLangChain } from '../langchain/gemini.langchain';
import { apiKeyParam, samplingDefaults } from '../litellm/litellm-fields';
import type { ProviderAdapter } from './provider-adapter';

export const geminiAdapter: ProviderAdapter<'gemini'> = {
  provider: 'gemini',
  langChain: geminiLangChain,
  discovery: geminiDiscovery,
  liteLLMParams: (connection, model) => ({
    model: `gemini/${model.modelName}`,
    // Like the catalogue's, it ends in the API version: LiteLLM appends `/models/{model}:…`.
    api_base: customBaseUrl(connection),
    api_key: apiKeyParam(connection),
    ...samplingDefaults(model),
  }),
};
