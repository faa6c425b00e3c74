import { resolveBaseUrl } from '../http/base-url';
import type { BuildContext, LangChainAdapter } from './langchain-adapter';
import { apiKeyOf, numberParam, samplingParams } from './model-params';

/**
 * The connection's base URL ends in the API version (catalogue default `…/v1beta`); the Google SDK
 * wants the host and the version apart.
 */
export function splitGeminiBaseUrl(target: BuildContext['target']): {
  baseUrl: string;
  apiVersion: string | undefined;
} {
  const url = resolveBaseUrl(target);
  const match = /^(.*)\/(v\d+(?:alpha|beta)?\d*)$/.exec(url);
  return match
    ? { baseUrl: match[1], apiVersion: match[2] }
    : { baseUrl: url, apiVersion: undefined };
}

/**
 * Gemini API through `@langchain/google-genai`; the key is always explicit, never GOOGLE_API_KEY.
 * Google's SDK takes no fetch and calls the global one: call these models inside
 * `withGlobalFetch(context fetch)`, as probeModel does, or redirects and the egress policy go unchecked.
 */
export const geminiLangChain: LangChainAdapter = {
  async chat({ target, model, maxRetries }) {
    const { ChatGoogleGenerativeAI } = await import('@langchain/google-genai');
    const { temperature, maxTokens, topP, topK } = samplingParams(model);
    return new ChatGoogleGenerativeAI({
      model: model.modelName,
      apiKey: apiKeyOf(target),
      ...splitGeminiBaseUrl(target),
      temperature,
      maxOutputTokens: maxTokens,
      topP,
      topK,
      maxRetries,
    });
  },

  async embeddings({ target, model, maxRetries }) {
    const { GoogleGenerativeAIEmbeddings } = await import(
      '@langchain/google-genai'
    );
    return new GoogleGenerativeAIEmbeddings({
      model: model.modelName,
      apiKey: apiKeyOf(target),
      // The embeddings class takes no apiVersion: it always calls v1beta under this URL.
      baseUrl: splitGeminiBaseUrl(target).baseUrl,
      outputDimensionality: numberParam(model, 'dimensions'),
      maxRetries,
    });
  },
};
