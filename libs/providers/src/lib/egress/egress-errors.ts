/**
 * The registry's egress policy refused an address before any packet went out. The message names the
 * address and the range, never the URL or a header.
 */
export class EgressDeniedError extends Error {
  override readonly name = 'EgressDeniedError';
  /** Survives SDKs that keep only codes and messages of the errors they wrap. */
  readonly code = 'EGRESS_DENIED';

  constructor(
    readonly address: string,
    readonly range: string,
  ) {
    super(
      `EGRESS_DENIED: the registry's egress policy does not allow ${address} (denied range ${range})`,
    );
  }
}

/** A provider answered 3xx: following it could hand the request's key to another host. */
export class RedirectRefusedError extends Error {
  override readonly name = 'RedirectRefusedError';
  readonly code = 'REDIRECT_REFUSED';

  constructor(
    readonly origin: string,
    readonly status: number,
  ) {
    super(
      `REDIRECT_REFUSED: ${origin} answered ${status}; redirects are not followed, use the address it points to as the base URL`,
    );
  }
}
