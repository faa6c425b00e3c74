import { createHash } from 'node:crypto';
import { type ModelType } from '@llm-registry/contracts';
import {
  LITELLM_PARAM_KINDS,
  type LiteLLMParams,
} from '@llm-registry/providers';
import {
  type ListedDeployment,
  type LiteLLMDeployment,
  type LiteLLMMode,
} from './litellm/litellm-wire';
import { type ModelEntity } from '../registry/model.entity';

/** Every deployment the registry owns is named `db-<model uuid>`; callers use it as `model`. */
export const DEPLOYMENT_NAME_PREFIX = 'db-';

/** The fingerprint of a model LiteLLM is known to hold no deployment for: nothing to remove. */
export const ABSENT_FINGERPRINT = 'absent';

export type MirroredModel = Pick<ModelEntity, 'id' | 'name' | 'type'>;

const MODE: Record<ModelType, LiteLLMMode> = {
  generation: 'chat',
  ner: 'chat',
  embedding: 'embedding',
  rerank: 'rerank',
};

/**
 * LiteLLM masks every param whose name holds one of these words when it lists deployments (§2), so
 * `max_tokens` comes back as `4096****` or the like: such params are compared by fingerprint only.
 */
const MASKED_BY_LITELLM = /key|token|secret|password|credential/i;

/** The params LiteLLM lists in clear: what drift behind the registry's back is read from. */
const PLAIN_PARAMS = Object.entries(LITELLM_PARAM_KINDS)
  .filter(([field, kind]) => kind === 'plain' && !MASKED_BY_LITELLM.test(field))
  .map(([field]) => field as keyof LiteLLMParams);
const SECRET_PARAMS = new Set(
  Object.entries(LITELLM_PARAM_KINDS)
    .filter(([, kind]) => kind === 'secret')
    .map(([field]) => field),
);

export function deploymentName(modelId: string): string {
  return `${DEPLOYMENT_NAME_PREFIX}${modelId}`;
}

export function toDeployment(
  model: MirroredModel,
  params: LiteLLMParams,
): LiteLLMDeployment {
  return {
    model_name: deploymentName(model.id),
    litellm_params: params,
    model_info: {
      id: model.id,
      mode: MODE[model.type],
      registry_name: model.name,
      registry_type: model.type,
    },
  };
}

/**
 * SHA-256 of the deployment as sent, with each credential replaced by its own hash: equal fingerprints
 * mean LiteLLM already got exactly this, so the registry can tell what changed without reading back
 * values LiteLLM masks (and without storing a credential).
 */
export function fingerprintOf(deployment: LiteLLMDeployment): string {
  const params = Object.fromEntries(
    Object.entries(deployment.litellm_params).map(([field, value]) => [
      field,
      SECRET_PARAMS.has(field) ? `sha256:${sha256(String(value))}` : value,
    ]),
  );
  return sha256(canonicalJson({ ...deployment, litellm_params: params }));
}

/**
 * How a listed deployment differs from the desired one, comparing only what LiteLLM shows in clear
 * (name, mode, our model_info and the plain params): `patch` when PATCH can set it right; `replace`
 * when LiteLLM holds a plain param we do not send, which PATCH cannot remove (null deletes nothing).
 */
export function driftOf(
  listed: ListedDeployment,
  desired: LiteLLMDeployment,
): 'none' | 'patch' | 'replace' {
  const theirs = listed.litellm_params ?? {};
  const ours: Partial<Record<keyof LiteLLMParams, unknown>> =
    desired.litellm_params;
  if (PLAIN_PARAMS.some((f) => ours[f] === undefined && present(theirs[f])))
    return 'replace';
  const info = listed.model_info ?? {};
  const same =
    listed.model_name === desired.model_name &&
    PLAIN_PARAMS.every((f) => ours[f] === undefined || theirs[f] === ours[f]) &&
    Object.entries(desired.model_info).every(
      ([key, value]) => info[key] === value,
    );
  return same ? 'none' : 'patch';
}

/** Deployments the registry created and no longer wants: a `db-` name and a row LiteLLM can delete. */
export function isRegistryDeployment(listed: ListedDeployment): boolean {
  return (
    typeof listed.model_name === 'string' &&
    listed.model_name.startsWith(DEPLOYMENT_NAME_PREFIX) &&
    typeof listed.model_info?.id === 'string' &&
    // Config-file models (db_model false) cannot be deleted through the API.
    listed.model_info.db_model !== false
  );
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with keys sorted at every level, so equal content always hashes alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
