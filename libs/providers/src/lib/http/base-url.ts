import { getProviderSpec, type ProviderSpec } from '@llm-registry/contracts';
import type { ConnectionTarget } from '../connection-target';
import { ProviderRequestError } from './provider-request-error';

/** What a base URL is read from: LangChain, discovery and LiteLLM connections all have these two. */
export type ConnectionEndpoint = Pick<ConnectionTarget, 'provider' | 'baseUrl'>;

/** The connection's base URL, or the catalogue default, without trailing slashes. */
export function resolveBaseUrl(target: ConnectionEndpoint): string {
  const spec = getProviderSpec(target.provider);
  const configured = target.baseUrl?.trim() || defaultBaseUrl(spec);
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
  return withoutTrailingSlashes(configured);
}

/**
 * The connection's base URL when it points somewhere other than the catalogue default, else
 * undefined: for clients that know the provider's public address themselves.
 */
export function customBaseUrl(target: ConnectionEndpoint): string | undefined {
  if (!target.baseUrl?.trim()) return undefined;
  const url = resolveBaseUrl(target);
  const fallback = defaultBaseUrl(getProviderSpec(target.provider));
  return fallback && url === withoutTrailingSlashes(fallback) ? undefined : url;
}

function defaultBaseUrl(spec: ProviderSpec): string | undefined {
  return spec.connectionFields.find((field) => field.key === 'baseUrl')
    ?.default;
}

function withoutTrailingSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
