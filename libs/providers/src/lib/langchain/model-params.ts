import type { ConnectionTarget } from '../connection-target';
import type { ModelRef } from './langchain-adapter';

/**
 * Sent where the server ignores keys or none is stored, so that no LangChain class falls back to
 * an environment variable such as OPENAI_API_KEY.
 */
export const NO_API_KEY = 'not-needed';

/** The connection's API key, or NO_API_KEY. */
export function apiKeyOf(target: ConnectionTarget): string {
  return target.credentials['apiKey']?.trim() || NO_API_KEY;
}

/** A numeric model param; absent, null or non-numeric values are undefined. */
export function numberParam(model: ModelRef, key: string): number | undefined {
  const value = model.params[key];
  return typeof value === 'number' && Number.isFinite(value)
    ? value
    : undefined;
}

/** The sampling params every chat class takes, read from the registry's generation params. */
export function samplingParams(model: ModelRef): {
  temperature: number | undefined;
  maxTokens: number | undefined;
  topP: number | undefined;
  topK: number | undefined;
} {
  return {
    temperature: numberParam(model, 'temperature'),
    maxTokens: numberParam(model, 'max_output_tokens'),
    topP: numberParam(model, 'top_p'),
    topK: numberParam(model, 'top_k'),
  };
}
