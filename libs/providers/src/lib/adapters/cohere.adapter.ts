import { getProviderSpec } from '@llm-registry/contracts';
import { cohereDiscovery } from '../discovery/cohere.discovery';
import { customBaseUrl } from '../http/base-url';
import { ProviderRequestError } from '../http/provider-request-error';
import { cohereLangChain } from '../langchain/cohere.langchain';
import { apiKeyParam, samplingDefaults } from '../litellm/litellm-fields';
import type { ProviderAdapter } from './provider-adapter';

/** Chat, embedding and rerank models alike take the `cohere/` prefix. */
export const cohereAdapter: ProviderAdapter<'cohere'> = {
  provider: 'cohere',
  langChain: cohereLangChain,
  discovery: cohereDiscovery,
  liteLLMParams: (connection, model) => {
    // LiteLLM takes Cohere's api_base as the full URL of one operation (…/v1/embed), not a base.
    if (customBaseUrl(connection)) {
      throw new ProviderRequestError(
        'unsupported',
        `LiteLLM cannot reach ${getProviderSpec('cohere').label} at a base URL of its own`,
      );
    }
    return {
      model: `cohere/${model.modelName}`,
      api_key: apiKeyParam(connection),
      ...samplingDefaults(model),
    };
  },
};
