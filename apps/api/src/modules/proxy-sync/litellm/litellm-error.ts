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

  /**
   * LiteLLM stored the row but the pod that answered does not serve it yet (§1.8): every pod loads it
   * on its next reload, so the write is done; trying it again would only hit the duplicate id.
   */
  get savedButNotLive(): boolean {
    return this.status === 500 && /saved to the database/i.test(this.message);
  }

  /** Not found, as each endpoint says it (§2-§4: 400 with "not found", or 404). */
  get notFound(): boolean {
    return (
      this.status === 404 ||
      (this.status === 400 && /not found/i.test(this.message))
    );
  }
}
