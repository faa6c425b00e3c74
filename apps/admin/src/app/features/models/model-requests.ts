import type {
  CreateModelRequest,
  CreateProviderConnectionRequest,
  DraftConnectionTestRequest,
  ProviderId,
  UpdateModelRequest,
} from '@llm-registry/contracts';
import type { DynamicFieldSpec } from '@llm-registry/admin/ui';
import {
  connectionControlKey,
  connectionValue,
  paramsValue,
} from '../../core/catalog/catalog-form';
import type { ModelFormValue } from './model-form';

/**
 * The model dialog's requests, from the form's raw value, and the way back: which control an API
 * field error belongs on. Pure, so the mapping is tested without a dialog.
 */

const optionalNumber = (value: number | null): number | null =>
  value === null ? null : Number(value);

/** What create and update share: everything but type, provider, scope and version. */
function modelFields(
  raw: ModelFormValue,
  params: readonly DynamicFieldSpec[],
  providerConnectionId: string | null,
) {
  return {
    name: raw.name.trim(),
    providerConnectionId,
    modelName: raw.modelName.trim(),
    description: raw.description.trim() || null,
    params: paramsValue(params, raw.params),
    capabilities: raw.capabilities,
    priority: Number(raw.priority),
    inputPricePerMillion: optionalNumber(raw.inputPricePerMillion),
    outputPricePerMillion: optionalNumber(raw.outputPricePerMillion),
    healthCheck: raw.healthCheckEnabled
      ? {
          intervalMinutes: Number(raw.intervalMinutes),
          dailyCap: Number(raw.dailyCap),
        }
      : null,
  };
}

export function toCreateModelRequest(
  raw: ModelFormValue,
  params: readonly DynamicFieldSpec[],
  providerConnectionId: string | null,
): CreateModelRequest {
  return {
    ...modelFields(raw, params, providerConnectionId),
    type: raw.type,
    provider: raw.provider as ProviderId,
    scope: raw.scope.trim(),
  };
}

export function toUpdateModelRequest(
  raw: ModelFormValue,
  params: readonly DynamicFieldSpec[],
  providerConnectionId: string | null,
  version: number,
): UpdateModelRequest {
  return { ...modelFields(raw, params, providerConnectionId), version };
}

/** The connection created inline, before the model that uses it. */
export function toNewConnectionRequest(
  raw: ModelFormValue,
): CreateProviderConnectionRequest {
  const provider = raw.provider as ProviderId;
  return {
    name: raw.connectionName.trim(),
    provider,
    enabled: true,
    ...connectionValue(provider, raw.connection, { mode: raw.credentialMode }),
  };
}

/** The unsaved model, with its saved connection or the one being created, for a connection test. */
export function toDraftTestRequest(
  raw: ModelFormValue,
  params: readonly DynamicFieldSpec[],
): DraftConnectionTestRequest {
  const provider = raw.provider as ProviderId;
  return {
    type: raw.type,
    provider,
    modelName: raw.modelName.trim(),
    params: paramsValue(params, raw.params),
    ...(raw.connectionMode === 'existing'
      ? { providerConnectionId: raw.providerConnectionId || null }
      : {
          connection: connectionValue(provider, raw.connection, {
            mode: raw.credentialMode,
          }),
        }),
  };
}

/** A model request's fields are named like the form's controls. */
export const modelErrorField = (field: string): string => field;

/** A draft test's inline connection answers as `connection.apiKey`, `connection.authEnv.api_key_env`. */
export function draftErrorField(field: string): string {
  const prefix = 'connection.';
  return field.startsWith(prefix)
    ? `${prefix}${connectionControlKey(field.slice(prefix.length))}`
    : field;
}

/** The inline connection's request: its name is the dialog's connection name, the rest its fields. */
export function newConnectionErrorField(field: string): string {
  return field === 'name'
    ? 'connectionName'
    : `connection.${connectionControlKey(field)}`;
}
