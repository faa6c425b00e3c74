import { anthropicDiscovery } from '../discovery/anthropic.discovery';
import { customBaseUrl } from '../http/base-url';
import { anthropicLangChain } from '../langchain/anthropic.langchain';
import { apiKeyParam, samplingDefaults } from '../litellm/litellm-fields';
import type { ProviderAdapter } from './provider-adapter';

export const anthropicAdapter: ProviderAdapter<'anthropic'> = {
  provider: 'anthropic',
  langChain: anthropicLangChain,
  discovery: anthropicDiscovery,
  liteLLMParams: (connection, model) => ({
    model: `anthropic/${model.modelName}`,
    api_base: customBaseUrl(connection),
    api_key: apiKeyParam(connection),
    ...samplingDefaults(model),
  }),
};
