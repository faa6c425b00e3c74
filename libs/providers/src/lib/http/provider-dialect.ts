import type { ConnectionTarget } from '../connection-target';
import type { ProviderErrorCode } from './provider-request-error';

/** How one provider's API authenticates requests and words its errors. */
export interface ProviderDialect {
  /** Authentication (and API version) headers for every request; credentials never go in URLs. */
  headers(target: ConnectionTarget): Record<string, string>;
  /** The provider's own message out of an error body, if it has one. */
  errorMessage(body: unknown): string | null;
  /** A code read from the body where the status alone misleads (Gemini answers a bad key with 400). */
  errorCode?(status: number, body: unknown): ProviderErrorCode | null;
}
