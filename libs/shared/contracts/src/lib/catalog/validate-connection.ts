import type { ProviderId } from '../domain';
import type { FieldError } from '../problem';
import {
  ENV_VAR_NAME_PATTERN,
  envReferenceKey,
  fieldKeyOfEnvReference,
  type AuthEnv,
} from '../providers';
import { getProviderSpec } from './providers';
import { urlCredentials } from './url-credentials';

export interface ConnectionFieldsInput {
  provider: ProviderId;
  /** Every catalogue-named field the request (or the merged connection) holds a value for. */
  values: Record<string, string | null | undefined>;
  authEnv: AuthEnv | null | undefined;
}

/**
 * Checks the fields of a connection against its provider's catalogue entry: no field the provider does
 * not take, every required field given directly, by default, or by environment reference.
 */
export function validateConnectionFields(
  input: ConnectionFieldsInput,
): FieldError[] {
  const spec = getProviderSpec(input.provider);
  const known = new Set(spec.connectionFields.map((field) => field.key));
  const errors: FieldError[] = [];
  const takes = `${spec.label} connections take ${[...known].join(', ')}`;

  for (const [key, value] of Object.entries(input.values)) {
    if (value !== null && value !== undefined && !known.has(key))
      errors.push({ field: key, message: `is not used: ${takes}` });
  }

  for (const field of spec.connectionFields) {
    const value = input.values[field.key];
    if (field.kind === 'url' && value)
      errors.push(
        ...urlCredentialErrors(field.key, value, spec.connectionFields),
      );
  }

  const referenced = new Set<string>();
  for (const [referenceKey, variable] of Object.entries(input.authEnv ?? {})) {
    const field = `authEnv.${referenceKey}`;
    const fieldKey = fieldKeyOfEnvReference(referenceKey);
    if (!fieldKey) {
      errors.push({ field, message: 'must end in _env, e.g. api_key_env' });
    } else if (!known.has(fieldKey)) {
      errors.push({ field, message: `names no field: ${takes}` });
    } else if (
      typeof variable !== 'string' ||
      !ENV_VAR_NAME_PATTERN.test(variable)
    ) {
      errors.push({
        field,
        message: 'must be an environment variable name, e.g. OPENAI_API_KEY',
      });
    } else {
      referenced.add(fieldKey);
    }
  }

  for (const field of spec.connectionFields) {
    const given = input.values[field.key];
    const present =
      (given !== null && given !== undefined && given !== '') ||
      field.default !== undefined ||
      referenced.has(field.key);
    if (field.required && !present) {
      errors.push({
        field: field.key,
        message: `is required for ${spec.label} (or give it as authEnv.${envReferenceKey(field.key)})`,
      });
    }
  }
  return errors;
}

/** A URL field must not smuggle a credential past the secret fields (viewers can read URLs). */
function urlCredentialErrors(
  key: string,
  value: string,
  fields: ReadonlyArray<{ key: string; secret: boolean }>,
): FieldError[] {
  const { userinfo, params } = urlCredentials(value);
  const holder = fields.find((field) => field.secret)?.key ?? 'apiKey';
  const errors: FieldError[] = [];
  if (userinfo)
    errors.push({
      field: key,
      message: `must not carry credentials (user:password@): send the key as ${holder}`,
    });
  if (params.length > 0)
    errors.push({
      field: key,
      message: `must not carry credentials (${params.map((p) => `${p}=`).join(', ')}): send the key as ${holder}`,
    });
  return errors;
}
