import type { ProviderDialect } from '../http/provider-dialect';
import { headerIfSet, stringAt } from './dialect-helpers';

export const ANTHROPIC_VERSION = '2023-06-01';

export const anthropicDialect: ProviderDialect = {
  headers: ({ credentials }) => ({
    ...headerIfSet('x-api-key', credentials['apiKey']),
    'anthropic-version': ANTHROPIC_VERSION,
  }),
  errorMessage: (body) => stringAt(body, 'error', 'message'),
};
