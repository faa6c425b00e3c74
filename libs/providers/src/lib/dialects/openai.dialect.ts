import type { ProviderDialect } from '../http/provider-dialect';
import { bearerAuth, headerIfSet, stringAt } from './dialect-helpers';

/** OpenAI, Fireworks and every OpenAI-compatible server (vLLM, LM Studio, TGI…). */
export const openAiDialect: ProviderDialect = {
  headers: ({ credentials, settings }) => ({
    ...bearerAuth(credentials['apiKey']),
    ...headerIfSet('OpenAI-Organization', settings['organization']),
  }),
  // OpenAI nests the message under `error`; compatible servers also answer
  // `{"object":"error","message":…}` (vLLM) or `{"error":"Unauthorized"}` (vLLM's auth check).
  errorMessage: (body) =>
    stringAt(body, 'error', 'message') ??
    stringAt(body, 'error') ??
    stringAt(body, 'message'),
};
