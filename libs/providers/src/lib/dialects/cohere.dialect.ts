import type { ProviderDialect } from '../http/provider-dialect';
import { bearerAuth, stringAt } from './dialect-helpers';

export const cohereDialect: ProviderDialect = {
  headers: ({ credentials }) => bearerAuth(credentials['apiKey']),
  errorMessage: (body) => stringAt(body, 'message'),
};
