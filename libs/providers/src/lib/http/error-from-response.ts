import { scrubSecrets } from './scrub-secrets';
import type { ProviderDialect } from './provider-dialect';
import {
  type ProviderErrorCode,
  ProviderRequestError,
} from './provider-request-error';

/** The provider's own words are kept short: enough to act on, too little to carry a page. */
export const MAX_DETAIL_LENGTH = 200;

export interface ErrorResponse {
  label: string;
  status: number;
  /** The parsed body; undefined when it was not JSON. */
  body: unknown;
  secrets: readonly string[];
}

/** `<label> answered <status>: <the provider's own message>`, scrubbed of the connection's secrets. */
export function errorFromResponse(
  dialect: ProviderDialect,
  { label, status, body, secrets }: ErrorResponse,
): ProviderRequestError {
  const code = dialect.errorCode?.(status, body) ?? codeForStatus(status);
  const detail = isRedirect(status)
    ? 'redirects are not followed; use the address it points to as the base URL'
    : dialect.errorMessage(body);
  const message = detail
    ? // Scrub before truncating, so a cut can never leave part of a secret behind.
      `${label} answered ${status}: ${truncate(scrubSecrets(detail, secrets))}`
    : `${label} answered ${status}`;
  return new ProviderRequestError(code, message, status);
}

function codeForStatus(status: number): ProviderErrorCode {
  if (isRedirect(status)) return 'redirect_refused';
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 429:
      return 'rate_limited';
    default:
      return 'provider_error';
  }
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400;
}

function truncate(text: string): string {
  return text.length > MAX_DETAIL_LENGTH
    ? `${text.slice(0, MAX_DETAIL_LENGTH - 1)}…`
    : text;
}
