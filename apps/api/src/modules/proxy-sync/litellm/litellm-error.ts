/** A LiteLLM call that failed; the message is scrubbed of credentials and safe to store and show. */
export class LiteLLMError extends Error {
  constructor(
    /** The HTTP status; null when LiteLLM did not answer. */
    readonly status: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'LiteLLMError';
  }

  /** Worth trying again later: no answer, a timeout, a rate limit or a server error. */
  get transient(): boolean {
    return (
      this.status === null ||
      this.status === 408 ||
      this.status === 429 ||
      this.status >= 500
    );
  }

  /** Not found, as each endpoint says it (§2-§4: 400 with "not found", or 404). */
  get notFound(): boolean {
    return (
      this.status === 404 ||
      (this.status === 400 && /not found/i.test(this.message))
    );
  }
}
