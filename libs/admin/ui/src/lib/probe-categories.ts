import type { ProbeCategory } from '@llm-registry/contracts';

/** Each failure category in words, with what to do about it. */
export const PROBE_CATEGORY_TEXT: Record<
  ProbeCategory,
  { label: string; next: string }
> = {
  auth: {
    label: 'Authentication failed',
    next: 'Check the API key, or the environment variable it is read from.',
  },
  not_found: {
    label: 'Model not found',
    next: 'Check the model id (or the Azure deployment name) the provider uses.',
  },
  rate_limited: {
    label: 'Rate limited',
    next: 'The provider is throttling this key: wait a moment and test again.',
  },
  quota: {
    label: 'Quota exhausted',
    next: 'The account has no credit or quota left: check billing at the provider.',
  },
  timeout: {
    label: 'Timed out',
    next: 'The provider did not answer in time: check the base URL and try again.',
  },
  network: {
    label: 'Network error',
    next: 'The registry could not reach the provider: check the base URL, DNS and firewall.',
  },
  egress_denied: {
    label: 'Address not allowed',
    next: 'The registry may not connect to this address (PROVIDER_EGRESS_DENY): use the provider’s own address, or ask the operator.',
  },
  bad_response: {
    label: 'Unexpected response',
    next: 'The endpoint answered something else than this provider’s API: check the base URL and provider.',
  },
  dimension_mismatch: {
    label: 'Wrong dimensions',
    next: 'Set Dimensions to what the model returns, or pick the model that returns the size you need.',
  },
  unsupported: {
    label: 'Not supported',
    next: 'This provider cannot probe this kind of model.',
  },
  credential_origin_refused: {
    label: 'Credential not sent',
    next: 'The key was entered for another address, or the operator has not allowed its variable there: enter the key again, or add VARIABLE@origin to REGISTRY_ENV_ALLOWLIST.',
  },
};

/** A failed test in words: what went wrong, the provider's reason, and what to do next. */
export function describeFailedTest(result: {
  category: ProbeCategory | null;
  message: string | null;
}): string {
  const text = result.category ? PROBE_CATEGORY_TEXT[result.category] : null;
  return [
    `${text?.label ?? 'Failed'}: ${result.message ?? 'no reason given'}.`,
    text?.next ?? '',
  ]
    .join(' ')
    .trim();
}
