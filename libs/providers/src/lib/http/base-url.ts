import { getProviderSpec } from '@llm-registry/contracts';
import type { ConnectionTarget } from '../connection-target';
import { ProviderRequestError } from './provider-request-error';

/** The connection's base URL, or the catalogue default, without trailing slashes. */
export function resolveBaseUrl(target: ConnectionTarget): string {
  const spec = getProviderSpec(target.provider);
  const configured =
    target.baseUrl?.trim() ||
    spec.connectionFields.find((field) => field.key === 'baseUrl')?.default;
  // Neither message quotes the URL: it may carry user:password.
  if (!configured) {
    throw new ProviderRequestError(
      'unreachable',
      `${spec.label} has no base URL: set one on the connection`,
    );
  }
  if (!isHttpUrl(configured)) {
    throw new ProviderRequestError(
      'unreachable',
      `The base URL of ${spec.label} is not an http(s) address`,
    );
  }
  return configured.replace(/\/+$/, '');
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
