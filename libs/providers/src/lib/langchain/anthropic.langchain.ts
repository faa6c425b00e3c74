import { resolveBaseUrl } from '../http/base-url';
import type { LangChainAdapter } from './langchain-adapter';
import { apiKeyOf, samplingParams } from './model-params';

/** Claude through ChatAnthropic; Anthropic has no embeddings or rerank API. */
export const anthropicLangChain: LangChainAdapter = {
  async chat({ target, model, maxRetries, timeoutMs, fetch }) {
    const { ChatAnthropic } = await import('@langchain/anthropic');
    const baseURL = resolveBaseUrl(target);
    return new ChatAnthropic({
      model: model.modelName,
      apiKey: apiKeyOf(target),
      anthropicApiUrl: baseURL,
      ...samplingParams(model),
      maxRetries,
      // authToken: null keeps the SDK from adding ANTHROPIC_AUTH_TOKEN as a Bearer header.
      clientOptions: { baseURL, authToken: null, timeout: timeoutMs, fetch },
    });
  },
};
