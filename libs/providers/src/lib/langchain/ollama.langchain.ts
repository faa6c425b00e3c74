import { resolveBaseUrl } from '../http/base-url';
import type { BuildContext, LangChainAdapter } from './langchain-adapter';
import { numberParam, samplingParams } from './model-params';

/** The connection's address and, for Ollama Cloud, its key; never OLLAMA_BASE_URL. */
function serverOf({ target, timeoutMs, fetch }: BuildContext) {
  const apiKey = target.credentials['apiKey']?.trim();
  return {
    baseUrl: resolveBaseUrl(target),
    headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : undefined,
    // ollama-js has no timeout option: every request gets its own deadline.
    fetch: timeoutMs === undefined ? fetch : fetchWithTimeout(fetch, timeoutMs),
  };
}

function fetchWithTimeout(
  fetchFn: typeof fetch,
  timeoutMs: number,
): typeof fetch {
  return (input, init) =>
    fetchFn(input, {
      ...init,
      signal: init?.signal
        ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)])
        : AbortSignal.timeout(timeoutMs),
    });
}

export const ollamaLangChain: LangChainAdapter = {
  async chat(context) {
    const { ChatOllama } = await import('@langchain/ollama');
    const { temperature, maxTokens, topP, topK } = samplingParams(
      context.model,
    );
    return new ChatOllama({
      model: context.model.modelName,
      ...serverOf(context),
      temperature,
      numPredict: maxTokens,
      topP,
      topK,
      numCtx: numberParam(context.model, 'context_window'),
      maxRetries: context.maxRetries,
    });
  },

  async embeddings(context) {
    const { OllamaEmbeddings } = await import('@langchain/ollama');
    return new OllamaEmbeddings({
      model: context.model.modelName,
      ...serverOf(context),
      dimensions: numberParam(context.model, 'dimensions'),
      maxRetries: context.maxRetries,
    });
  },
};
