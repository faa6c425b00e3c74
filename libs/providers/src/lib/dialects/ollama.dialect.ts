import type { ProviderDialect } from '../http/provider-dialect';
import { bearerAuth, stringAt } from './dialect-helpers';

/** A local Ollama needs no key; Ollama Cloud takes a Bearer key. */
export const ollamaDialect: ProviderDialect = {
  headers: ({ credentials }) => bearerAuth(credentials['apiKey']),
  errorMessage: (body) => stringAt(body, 'error'),
};
