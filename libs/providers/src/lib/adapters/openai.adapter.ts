import { openAiDiscovery } from '../discovery/openai.discovery';
import { customBaseUrl } from '../http/base-url';
import { openAiLangChain } from '../langchain/openai.langchain';
import { apiKeyParam, openAiWireDefaults } from '../litellm/litellm-fields';
import type { ProviderAdapter } from './provider-adapter';

export const openAiAdapter: ProviderAdapter<'openai'> = {
  provider: 'openai',
  langChain: openAiLangChain,
  discovery: openAiDiscovery,
  liteLLMParams: (connection, model) => ({
    model: `openai/${model.modelName}`,
    api_base: customBaseUrl(connection),
    api_key: apiKeyParam(connection),
    organization: connection.settings['organization']?.trim() || undefined,
    ...openAiWireDefaults(model),
  }),
};
