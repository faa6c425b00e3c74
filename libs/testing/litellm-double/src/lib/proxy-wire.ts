// How a LiteLLM proxy shapes its answers: errors, stored rows and listed deployments
// (/work/shared/reference/litellm-proxy-api.md, sections cited as §n).
import { type StoredDeployment } from './litellm-double.types';

/** Removed from listings; other names with these words are masked (reference §2). */
const REMOVED_PARAMS = new Set([
  'api_key',
  'client_secret',
  'vertex_credentials',
  'aws_access_key_id',
  'aws_secret_access_key',
]);
const SENSITIVE_NAME = /key|token|secret|password|credential/i;
/** What LiteLLM's router adds to every listed deployment's params. */
const LISTED_PARAM_DEFAULTS = {
  use_in_pass_through: false,
  use_litellm_proxy: false,
  merge_reasoning_content_in_choices: false,
};
export const DEFAULT_PAGE_SIZE = 50;
/** Routes nobody needs a key for. */
export const PUBLIC_PATHS = new Set([
  '/health/liveliness',
  '/health/liveness',
  '/health/readiness',
]);

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

/** ProxyException's envelope; endpoints re-raise their own errors with type auth_error (§0). */
export function proxyError(status: number, message: string): HttpError {
  return new HttpError(status, {
    error: {
      message,
      type: 'auth_error',
      param: 'None',
      code: String(status),
    },
  });
}

/** How Python prints `{"error": "…"}`, as str(detail) puts it into the message. */
export function pythonRepr(message: string): string {
  return `{'error': '${message}'}`;
}

/** What /model/new and PATCH answer: the DB row, string params encrypted (§1.5, §1.9). */
export function dbRow(id: string, stored: StoredDeployment): unknown {
  return {
    model_id: id,
    model_name: stored.model_name,
    litellm_params: Object.fromEntries(
      Object.entries(stored.litellm_params).map(([key, value]) => [
        key,
        typeof value === 'string'
          ? `v3:gcm:${Buffer.from(value).toString('base64url')}`
          : value,
      ]),
    ),
    model_info: stored.model_info,
    blocked: false,
    created_at: new Date().toISOString(),
    updated_at: new Date().toISOString(),
  };
}

/** A deployment as the router lists it (§2): credentials removed or masked, enrichment merged in. */
export function listed([id, stored]: [string, StoredDeployment]): unknown {
  const params: Record<string, unknown> = { ...LISTED_PARAM_DEFAULTS };
  for (const [key, value] of Object.entries(stored.litellm_params)) {
    if (REMOVED_PARAMS.has(key)) continue;
    // SensitiveDataMasker goes by the name alone: `max_tokens` is masked too, numbers as their text.
    params[key] = SENSITIVE_NAME.test(key) ? mask(String(value)) : value;
  }
  const model = String(stored.litellm_params['model'] ?? '');
  return {
    model_name: stored.model_name,
    litellm_params: params,
    model_info: {
      // Cost-map fields fill in only what the deployment does not set itself.
      key: model,
      litellm_provider: model.split('/')[0],
      mode: 'chat',
      max_input_tokens: null,
      input_cost_per_token: 0,
      output_cost_per_token: 0,
      ...stored.model_info,
      id,
      // The router sets it when it loads a row from the database; config-file models keep false.
      db_model: !stored.config,
    },
  };
}

export function mask(value: string): string {
  return value.length <= 8
    ? '****'
    : `${value.slice(0, 4)}****${value.slice(-4)}`;
}

export function merge(
  stored: Record<string, unknown>,
  changes: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const merged = { ...stored };
  for (const [key, value] of Object.entries(changes ?? {}))
    if (value !== null && value !== undefined) merged[key] = value;
  return merged;
}
