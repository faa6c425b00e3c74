import type { ProviderDialect } from '../http/provider-dialect';
import { isRecord } from '../http/json-shape';
import { headerIfSet, stringAt } from './dialect-helpers';

export const geminiDialect: ProviderDialect = {
  // The header, never `?key=`: URLs end up in logs and error messages.
  headers: ({ credentials }) =>
    headerIfSet('x-goog-api-key', credentials['apiKey']),
  errorMessage: (body) => stringAt(body, 'error', 'message'),
  // Google answers a bad key with 400 INVALID_ARGUMENT; only the ErrorInfo reason tells.
  errorCode: (status, body) =>
    status === 400 && errorReasons(body).includes('API_KEY_INVALID')
      ? 'unauthorized'
      : null,
};

function errorReasons(body: unknown): string[] {
  const error = isRecord(body) ? body['error'] : undefined;
  const details = isRecord(error) ? error['details'] : undefined;
  if (!Array.isArray(details)) return [];
  return details.flatMap((detail) => {
    const reason = stringAt(detail, 'reason');
    return reason ? [reason] : [];
  });
}
