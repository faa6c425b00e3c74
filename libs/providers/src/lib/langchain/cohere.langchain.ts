import { resolveBaseUrl } from '../http/base-url';
import type { BuildContext, LangChainAdapter } from './langchain-adapter';
import { apiKeyOf, numberParam } from './model-params';

/**
 * LangChain's Cohere classes take no base URL, so they get a CohereClient. Its own retries (2 by
 * default, for 429 and 5xx) follow `maxRetries` too; the token is explicit, never CO_API_KEY.
 */
async function cohereClient({
  target,
  maxRetries,
  timeoutMs,
  fetch,
}: BuildContext) {
  const { CohereClient } = await import('cohere-ai');
  return new CohereClient({
    token: apiKeyOf(target),
    environment: resolveBaseUrl(target),
    maxRetries,
    fetch,
    timeoutInSeconds:
      timeoutMs === undefined ? undefined : Math.ceil(timeoutMs / 1000),
  });
}

export const cohereLangChain: LangChainAdapter = {
  async chat(context) {
    const { ChatCohere } = await import('@langchain/cohere');
    // ChatCohere has no max tokens option.
    return new ChatCohere({
      client: await cohereClient(context),
      model: context.model.modelName,
      temperature: numberParam(context.model, 'temperature'),
      maxRetries: context.maxRetries,
    });
  },

  async embeddings(context) {
    const { CohereEmbeddings } = await import('@langchain/cohere');
    return new CohereEmbeddings({
      client: await cohereClient(context),
      model: context.model.modelName,
      embeddingTypes: ['float'],
      batchSize: numberParam(context.model, 'batch_size'),
      maxRetries: context.maxRetries,
    });
  },

  async reranker(context) {
    const { CohereRerank } = await import('@langchain/cohere');
    const reranker = new CohereRerank({
      client: await cohereClient(context),
      model: context.model.modelName,
    });
    const topN = numberParam(context.model, 'top_n');
    return {
      // CohereRerank keeps 3 documents unless told otherwise; without top_n we score them all.
      rerank: (query, documents) =>
        reranker.rerank(documents, query, {
          topN: topN ?? documents.length,
        }),
    };
  },
};
