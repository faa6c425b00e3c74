import type { ConnectionTarget } from './connection-target';
import { resolveBaseUrl } from './http/base-url';
import { bedrockRegion } from './langchain/bedrock.langchain';

/** What decides where a connection's calls go. */
export type ConnectionEndpointOf = Pick<
  ConnectionTarget,
  'provider' | 'baseUrl' | 'settings'
>;

/**
 * The origin (scheme://host[:port]) a connection's calls go to: its base URL, the catalogue default,
 * or Bedrock's regional endpoint. null when it has no usable http(s) address.
 */
export function endpointOrigin(target: ConnectionEndpointOf): string | null {
  if (target.provider === 'bedrock' && !target.baseUrl?.trim())
    return originOf(
      `https://bedrock-runtime.${bedrockRegion(target.settings)}.amazonaws.com`,
    );
  try {
    return originOf(resolveBaseUrl(target));
  } catch {
    return null;
  }
}

/** The URL's origin, lower-case and without a default port; null unless it is http(s). */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      return null;
    return parsed.origin;
  } catch {
    return null;
  }
}

/** Whether an origin matches a pattern such as `https://*.openai.azure.com` (`*`: one DNS label). */
export function originMatches(pattern: string, origin: string): boolean {
  const wanted = originOf(pattern);
  const actual = originOf(origin);
  if (!wanted || !actual) return false;
  const [wantedScheme, wantedHost] = wanted.split('//');
  const [actualScheme, actualHost] = actual.split('//');
  if (wantedScheme !== actualScheme) return false;
  const wantedLabels = wantedHost.split('.');
  const actualLabels = actualHost.split('.');
  return (
    wantedLabels.length === actualLabels.length &&
    wantedLabels.every(
      (label, i) =>
        label === actualLabels[i] ||
        (label === '*' && /^[a-z0-9-]+$/.test(actualLabels[i])),
    )
  );
}
