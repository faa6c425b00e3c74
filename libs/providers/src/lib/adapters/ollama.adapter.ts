import { ollamaDiscovery } from '../discovery/ollama.discovery';
import { resolveBaseUrl } from '../http/base-url';
import { ollamaLangChain } from '../langchain/ollama.langchain';
import { apiKeyParam, samplingDefaults } from '../litellm/litellm-fields';
import type { ProviderAdapter } from './provider-adapter';

export const ollamaAdapter: ProviderAdapter<'ollama'> = {
  provider: 'ollama',
  langChain: ollamaLangChain,
  discovery: ollamaDiscovery,
  liteLLMParams: (connection, model) => ({
    // `ollama_chat/` calls /api/chat, as ChatOllama does; `ollama/` would flatten the messages into
    // one /api/generate prompt. Embeddings are `ollama/` only.
    model: `${model.type === 'embedding' ? 'ollama' : 'ollama_chat'}/${model.modelName}`,
    // The server's root, without /v1.
    api_base: resolveBaseUrl(connection),
    // Ollama ignores the key; Ollama Cloud needs it.
    api_key: apiKeyParam(connection),
    ...samplingDefaults(model),
  }),
};
