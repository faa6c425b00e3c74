import type { ModelRef } from '../langchain/langchain-adapter';
import {
  NO_API_KEY,
  numberParam,
  samplingParams,
} from '../langchain/model-params';
import { isReasoningModel } from '../langchain/openai.langchain';
import type {
  LiteLLMConnection,
  LiteLLMCredential,
  LiteLLMParams,
} from './litellm-params';

/** A secret as a `litellm_params` value: `os.environ/NAME` makes LiteLLM read its own environment. */
export function liteLLMSecret(
  credential: LiteLLMCredential | undefined,
): string | undefined {
  if (!credential) return undefined;
  return 'env' in credential
    ? `os.environ/${credential.env}`
    : credential.value || undefined;
}

/**
 * The connection's API key, or NO_API_KEY where none is stored, so that LiteLLM never falls back to
 * a variable of its own environment (its OPENAI_API_KEY sent to a compatible server, say).
 */
export function apiKeyParam(connection: LiteLLMConnection): string {
  return liteLLMSecret(connection.credentials['apiKey']) ?? NO_API_KEY;
}

/**
 * The registry's generation params under their OpenAI names, which LiteLLM maps for every provider.
 * top_k is left out: it is no OpenAI param, and LiteLLM passes it on to some providers only.
 */
export function samplingDefaults(model: ModelRef): Partial<LiteLLMParams> {
  if (model.type !== 'generation' && model.type !== 'ner') return {};
  const { temperature, maxTokens, topP } = samplingParams(model);
  return { temperature, top_p: topP, max_tokens: maxTokens };
}

/**
 * What ChatOpenAI and OpenAIEmbeddings send for the providers speaking OpenAI's API: reasoning models
 * take no sampling params and count output as completion tokens; embeddings take dimensions.
 */
export function openAiWireDefaults(model: ModelRef): Partial<LiteLLMParams> {
  if (model.type === 'embedding') {
    return { dimensions: numberParam(model, 'dimensions') };
  }
  if (model.type !== 'rerank' && isReasoningModel(model.modelName)) {
    return { max_completion_tokens: numberParam(model, 'max_output_tokens') };
  }
  return samplingDefaults(model);
}
