import type { ProbeCategory } from '@llm-registry/contracts';
import { MAX_DETAIL_LENGTH } from '../http/error-from-response';
import { scrubSecrets } from '../http/scrub-secrets';
import {
  type ProviderErrorCode,
  ProviderRequestError,
} from '../http/provider-request-error';

export interface ErrorClassification {
  category: ProbeCategory;
  /** A short sentence with the provider's own message (at most 200 characters of it), scrubbed; at most 300 in all. */
  message: string;
  /** Worth trying again later: rate limits, timeouts, network failures and 5xx answers. */
  transient: boolean;
}

const MAX_MESSAGE_LENGTH = 300;
/** How deep to follow `cause` (fetch wraps the socket error, SDKs wrap fetch's). */
const MAX_CAUSE_DEPTH = 5;

// Patterns over the error codes, names, types and messages of the whole cause chain.
const QUOTA =
  /insufficient_quota|billing_error|exceeded your current quota|credit balance is too low|reached your usage limit/i;
const AUTH =
  /API_KEY_INVALID|invalid_api_key|INVALID_API_KEY|authentication_error|permission_error|PERMISSION_DENIED|UNAUTHENTICATED/;
const NOT_FOUND =
  /model_not_found|MODEL_NOT_FOUND|not_found_error|DeploymentNotFound/;
const RATE_LIMITED = /rate_limit_exceeded|rate_limit_error|RESOURCE_EXHAUSTED/;
const TIMEOUT =
  /AbortError|TimeoutError|ETIMEDOUT|UND_ERR_\w*TIMEOUT|timed out|\btimeout\b/i;
/** What the provider fetch throws (egress-errors.ts), kept as a message prefix by SDKs that drop the cause. */
const OWN_REFUSAL = /\b(EGRESS_DENIED|REDIRECT_REFUSED): ([^\n]+)/;
const NETWORK =
  /ECONNREFUSED|ENOTFOUND|ECONNRESET|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE|UND_ERR_SOCKET|fetch failed|APIConnectionError|socket hang up/i;

const CATEGORY_OF_CODE: Record<ProviderErrorCode, ProbeCategory | null> = {
  unauthorized: 'auth',
  forbidden: 'auth',
  not_found: 'not_found',
  rate_limited: 'rate_limited',
  unreachable: 'network',
  egress_denied: 'egress_denied',
  // The answer was a redirect, which is of no use: nothing was sent where it points.
  redirect_refused: 'bad_response',
  timeout: 'timeout',
  bad_response: 'bad_response',
  unsupported: 'unsupported',
  // Decided by its status like any other HTTP error.
  provider_error: null,
};

const SUMMARY: Record<ProbeCategory, string> = {
  auth: 'The provider rejected the credentials',
  not_found: 'The provider does not know this model',
  rate_limited: 'The provider is rate limiting this connection',
  quota: 'The account has no quota or credit left',
  timeout: 'The provider did not answer in time',
  network: 'The provider could not be reached',
  egress_denied: 'The registry is not allowed to connect to this address',
  bad_response: 'The provider sent an answer that could not be used',
  dimension_mismatch: 'The embeddings have the wrong size',
  unsupported: 'This model cannot be probed',
  credential_origin_refused:
    'The registry did not send the credential to this address',
};

/** What went wrong in a call through LangChain, a provider SDK or fetch, safe to show and log. */
export function classifyProviderError(
  error: unknown,
  secrets: Iterable<string>,
): ErrorClassification {
  const chain = causeChain(error);
  const status = chain.map(statusOf).find((found) => found !== undefined);
  const markers = chain.flatMap(markersOf).join(' ');
  const refusal = OWN_REFUSAL.exec(markers);
  const category = refusal
    ? refusal[1] === 'EGRESS_DENIED'
      ? 'egress_denied'
      : 'bad_response'
    : categoryOf(error, status, markers);
  return {
    category,
    message: messageOf(
      category,
      status,
      refusal ? refusal[2] : providerMessage(chain),
      [...secrets],
    ),
    transient:
      category === 'rate_limited' ||
      category === 'timeout' ||
      category === 'network' ||
      (status !== undefined && status >= 500),
  };
}

function categoryOf(
  error: unknown,
  status: number | undefined,
  markers: string,
): ProbeCategory {
  const byCode =
    error instanceof ProviderRequestError ? CATEGORY_OF_CODE[error.code] : null;
  if (byCode) return byCode;
  if (status === 402 || QUOTA.test(markers)) return 'quota';
  if (status === 401 || status === 403 || AUTH.test(markers)) return 'auth';
  if (status === 404 || NOT_FOUND.test(markers)) return 'not_found';
  if (status === 429 || RATE_LIMITED.test(markers)) return 'rate_limited';
  if (status === 408 || (status === undefined && TIMEOUT.test(markers))) {
    return 'timeout';
  }
  // Any other answer (5xx, 400…) came back, so the provider was reached but its answer is no use.
  if (status === undefined && NETWORK.test(markers)) return 'network';
  return 'bad_response';
}

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (
    let current = error;
    isObject(current) &&
    chain.length < MAX_CAUSE_DEPTH &&
    !chain.includes(current);
    current = current['cause']
  ) {
    chain.push(current);
  }
  return chain.length ? chain : [error];
}

/** The HTTP status as LangChain, openai-node, Anthropic, Cohere, ollama-js, Google and axios-style errors carry it. */
function statusOf(error: unknown): number | undefined {
  if (!isObject(error)) return undefined;
  const response = isObject(error['response']) ? error['response'] : {};
  return [
    error['status'],
    error['statusCode'],
    error['status_code'],
    response['status'],
  ].find(isHttpStatus);
}

/** Codes, names, types and the message of one error and of the `error` object in its body. */
function markersOf(error: unknown): string[] {
  if (!isObject(error)) return [String(error)];
  const body = isObject(error['error']) ? error['error'] : {};
  const details = Array.isArray(error['errorDetails'])
    ? error['errorDetails'].filter(isObject).map((detail) => detail['reason'])
    : [];
  return [
    error['name'],
    error['code'],
    error['type'],
    error['lc_error_code'],
    error['message'],
    body['code'],
    body['type'],
    body['status'],
    // openai-node keeps a flat body (vLLM, gateways: `{"object":"error","message":…}`) whole as `error`.
    body['message'],
    ...details,
  ].filter((value): value is string => typeof value === 'string');
}

/** `<summary> (HTTP <status>): <the provider's message>`, scrubbed before it is cut so no part of a secret survives. */
function messageOf(
  category: ProbeCategory,
  status: number | undefined,
  detail: string | undefined,
  secrets: string[],
): string {
  const summary =
    status === undefined
      ? SUMMARY[category]
      : `${SUMMARY[category]} (HTTP ${status})`;
  const sentence = detail
    ? `${summary}: ${truncate(scrubSecrets(detail, secrets), MAX_DETAIL_LENGTH)}`
    : `${summary}.`;
  return truncate(scrubSecrets(sentence, secrets), MAX_MESSAGE_LENGTH);
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function providerMessage(chain: unknown[]): string | undefined {
  return chain.map(providerMessageOf).find((line) => line.length > 0);
}

/**
 * The provider's own message: from the parsed error body where the SDK keeps one (openai-node and
 * Anthropic `error`, Cohere `body`), else the first line of the error's message without the
 * Google client's "Error fetching from <url>: [<status> <text>]" preamble or its JSON details.
 * The SDKs only ever see error bodies of the provider's documented shape (documented-errors.ts).
 */
function providerMessageOf(error: unknown): string {
  if (!isObject(error)) return typeof error === 'string' ? error.trim() : '';
  const fromBody = [error['error'], error['body']]
    .flatMap((body) => (isObject(body) ? [body, body['error']] : []))
    .map((body) => (isObject(body) ? body['message'] : undefined))
    .find((message): message is string => typeof message === 'string');
  const message =
    fromBody ?? (typeof error['message'] === 'string' ? error['message'] : '');
  return message
    .split('\n')[0]
    .replace(
      /^\[GoogleGenerativeAI Error\]: Error fetching from \S+: (\[\d{3}[^\]]*\] ?)?/,
      '',
    )
    .replace(/ \[\{.*$/, '')
    .trim();
}

function isHttpStatus(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 100 &&
    value < 600
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
