import { getProviderSpec } from '@llm-registry/contracts';
import { openAiDiscovery } from '../discovery/openai.discovery';
import { resolveBaseUrl } from '../http/base-url';
import { ProviderRequestError } from '../http/provider-request-error';
import { openAiCompatibleLangChain } from '../langchain/openai-compatible.langchain';
import { apiKeyParam, openAiWireDefaults } from '../litellm/litellm-fields';
import type { ProviderAdapter } from './provider-adapter';

/** LM Studio, vLLM, TGI…: LiteLLM's OpenAI client at the server's /v1. */
export const openAiCompatibleAdapter: ProviderAdapter<'openai_compatible'> = {
  provider: 'openai_compatible',
  langChain: openAiCompatibleLangChain,
  discovery: openAiDiscovery,
  liteLLMParams: (connection, model) => {
    // OpenAI's API has no rerank, so LiteLLM's `openai/` route has none either.
    if (model.type === 'rerank') {
      throw new ProviderRequestError(
        'unsupported',
        `LiteLLM cannot rerank through an ${getProviderSpec('openai_compatible').label}`,
      );
    }
    return {
      model: `openai/${model.modelName}`,
      api_base: resolveBaseUrl(connection),
      // The OpenAI client refuses to start without a key, even for servers that ignore it.
      api_key: apiKeyParam(connection),
      ...openAiWireDefaults(model),
    };
  },
};
