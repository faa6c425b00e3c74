import { openAiDiscovery } from '../discovery/openai.discovery';
import { customBaseUrl } from '../http/base-url';
import { fireworksLangChain } from '../langchain/fireworks.langchain';
import { apiKeyParam, openAiWireDefaults } from '../litellm/litellm-fields';
import type { ProviderAdapter } from './provider-adapter';

export const fireworksAdapter: ProviderAdapter<'fireworks'> = {
  provider: 'fireworks',
  langChain: fireworksLangChain,
  discovery: openAiDiscovery,
  liteLLMParams: (connection, model) => ({
    // Model names keep their own path: fireworks_ai/accounts/fireworks/models/…
    model: `fireworks_ai/${model.modelName}`,
    api_base: customBaseUrl(connection),
    api_key: apiKeyParam(connection),
    ...openAiWireDefaults(model),
  }),
};
