/**
 * The registry's egress policy refused an address before any packet went out. The message names the
 * address and the range, never the URL or a header.
 */
export class EgressDeniedError extends Error {
  override readonly name = 'EgressDeniedError';
  /** Also the message's prefix: some SDKs keep only the message of what they wrap. */
  readonly code = 'EGRESS_DENIED';
  /** The message without the code, for people. */
  readonly detail: string;

  constructor(
    readonly address: string,
    readonly range: string,
  ) {
    const detail = `the registry's egress policy does not allow ${address} (denied range ${range})`;
    super(`EGRESS_DENIED: ${detail}`);
    this.detail = detail;
  }
}

/** A provider answered 3xx: following it could hand the request's key to another host. */
export class RedirectRefusedError extends Error {
  override readonly name = 'RedirectRefusedError';
  readonly code = 'REDIRECT_REFUSED';
  readonly detail: string;

  constructor(
    readonly origin: string,
    readonly status: number,
  ) {
    const detail = `${origin} answered ${status}; redirects are not followed, use the address it points to as the base URL`;
    super(`REDIRECT_REFUSED: ${detail}`);
    this.detail = detail;
  }
}
