import { getProviderSpec, type ProviderId } from '@llm-registry/contracts';

/**
 * A value shaped like our masked hints (`sk-…abcd`) or other tools' (`sk-****abcd`): storing it would
 * overwrite a real key with its mask (LiteLLM #28089).
 */
export function looksMasked(value: string): boolean {
  return /…|\*{3,}|^[\w-]{0,12}\.{3}[\w-]{0,8}$/.test(value);
}

/** The endpoint a connection really calls: its base URL, or the provider's default. */
export function effectiveBaseUrl(
  provider: ProviderId,
  baseUrl: string | null,
): string | null {
  return (
    baseUrl ??
    getProviderSpec(provider).connectionFields.find((f) => f.key === 'baseUrl')
      ?.default ??
    null
  );
}

/** Same scheme, host, port and path; case of the host and a trailing slash do not matter. */
export function sameEndpoint(a: string | null, b: string | null): boolean {
  return normalise(a) === normalise(b);
}

function normalise(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host.toLowerCase()}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return url;
  }
}
