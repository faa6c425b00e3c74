export type ProviderErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'unreachable'
  /** The egress policy refused the address before connecting. */
  | 'egress_denied'
  /** A 3xx answer: never followed, it could carry the key to another host. */
  | 'redirect_refused'
  | 'timeout'
  | 'bad_response'
  | 'unsupported'
  | 'provider_error';

/**
 * A failed call to a provider. The message is safe to show and log: it never holds credentials,
 * request headers or URLs with a query, and there is no `cause` (a fetch error can quote the URL).
 */
export class ProviderRequestError extends Error {
  override readonly name = 'ProviderRequestError';

  constructor(
    readonly code: ProviderErrorCode,
    message: string,
    /** The provider's HTTP status; null when no answer came. */
    readonly status: number | null = null,
  ) {
    super(message);
  }
}
