import { resolveBaseUrl } from '../http/base-url';
import type {
  BuildContext,
  LangChainAdapter,
  ModelRef,
} from './langchain-adapter';
import { apiKeyOf, numberParam, samplingParams } from './model-params';

/** Where and how to reach a server speaking OpenAI's /v1 API. */
export interface OpenAiEndpoint {
  baseURL: string;
  apiKey: string;
  /** Compatible servers may not decode base64 embeddings (see provider-apis §0). */
  floatEmbeddings: boolean;
}

/** o1, o3, o4-mini…, gpt-5 (not gpt-5-chat): LangChain's `isReasoningModel`. */
export function isReasoningModel(modelName: string): boolean {
  return (
    /^o\d/.test(modelName) ||
    (modelName.startsWith('gpt-5') && !modelName.startsWith('gpt-5-chat'))
  );
}

/** Reasoning models take only the default sampling and count output tokens as completion tokens. */
export function openAiSampling(model: ModelRef) {
  const { temperature, maxTokens, topP } = samplingParams(model);
  return isReasoningModel(model.modelName)
    ? { maxCompletionTokens: maxTokens }
    : { temperature, maxTokens, topP };
}

/** Set every field openai-node would otherwise read from OPENAI_* environment variables. */
function clientConfiguration(context: BuildContext, endpoint: OpenAiEndpoint) {
  return {
    baseURL: endpoint.baseURL,
    organization: context.target.settings['organization']?.trim() || null,
    project: null,
    fetch: context.fetch,
  };
}

export async function buildOpenAiChat(
  context: BuildContext,
  endpoint: OpenAiEndpoint,
) {
  const { ChatOpenAI } = await import('@langchain/openai');
  return new ChatOpenAI({
    model: context.model.modelName,
    apiKey: endpoint.apiKey,
    configuration: clientConfiguration(context, endpoint),
    ...openAiSampling(context.model),
    maxRetries: context.maxRetries,
    timeout: context.timeoutMs,
  });
}

export async function buildOpenAiEmbeddings(
  context: BuildContext,
  endpoint: OpenAiEndpoint,
) {
  const { OpenAIEmbeddings } = await import('@langchain/openai');
  return new OpenAIEmbeddings({
    model: context.model.modelName,
    apiKey: endpoint.apiKey,
    configuration: clientConfiguration(context, endpoint),
    dimensions: numberParam(context.model, 'dimensions'),
    batchSize: numberParam(context.model, 'batch_size'),
    encodingFormat: endpoint.floatEmbeddings ? 'float' : undefined,
    maxRetries: context.maxRetries,
    timeout: context.timeoutMs,
  });
}

/** An adapter for a server speaking OpenAI's API at the connection's base URL. */
export function openAiWireAdapter(floatEmbeddings: boolean): LangChainAdapter {
  const endpointOf = ({ target }: BuildContext): OpenAiEndpoint => ({
    baseURL: resolveBaseUrl(target),
    apiKey: apiKeyOf(target),
    floatEmbeddings,
  });
  return {
    chat: (context) => buildOpenAiChat(context, endpointOf(context)),
    embeddings: (context) =>
      buildOpenAiEmbeddings(context, endpointOf(context)),
  };
}

/** OpenAI's platform API: openai-node's base64 embeddings are fine there. */
export const openAiLangChain: LangChainAdapter = openAiWireAdapter(false);
