import {
  type AbstractControl,
  FormControl,
  FormGroup,
  type ValidationErrors,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import {
  PROVIDER_CATALOG,
  envReferenceKey,
  getProviderSpec,
  paramSpecsFor,
  type AuthEnv,
  type ConnectionFieldSpec,
  type CreateProviderConnectionRequest,
  type ModelParams,
  type ModelType,
  type ParamSpec,
  type ProviderConnection,
  type ProviderId,
  type ProviderSpec,
} from '@llm-registry/contracts';
import type { DynamicFieldSpec } from '@llm-registry/admin/ui';

/**
 * The forms that depend on the provider, generated from the provider catalogue in contracts — the same
 * catalogue the API validates against, so form and API cannot disagree about fields, ranges or defaults.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a field's value type depends on its kind
export type DynamicGroup = FormGroup<Record<string, FormControl<any>>>;

/** Providers that serve models of this type, in catalogue order. */
export function providersServing(type: ModelType): ProviderSpec[] {
  return PROVIDER_CATALOG.filter((spec) => spec.modelTypes.includes(type));
}

/** The type's params with this provider's ranges and defaults; none for a type it does not serve. */
export function paramFields(
  provider: ProviderId,
  type: ModelType,
): DynamicFieldSpec[] {
  return paramSpecsFor(provider, type).map((spec) => ({
    key: spec.key,
    label: spec.label,
    kind: spec.kind,
    required: spec.required === true,
    min: spec.min,
    max: spec.max,
    options: spec.options,
    help: spec.help,
    placeholder:
      spec.default !== undefined && spec.kind !== 'boolean'
        ? `Default ${String(spec.default)}`
        : undefined,
  }));
}

const integer: ValidatorFn = (control) =>
  control.value === '' ||
  control.value === null ||
  Number.isInteger(Number(control.value))
    ? null
    : { integer: true };

function listLength(min?: number, max?: number): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const items = splitList(control.value);
    if (items.length === 0) return null;
    if (max !== undefined && items.length > max) return { maxItems: true };
    if (min !== undefined && items.length < min) return { minItems: true };
    return null;
  };
}

function validatorsFor(spec: DynamicFieldSpec): ValidatorFn[] {
  const validators: ValidatorFn[] = [];
  if (spec.required && spec.kind !== 'boolean')
    validators.push(Validators.required);
  if (spec.kind === 'integer' || spec.kind === 'number') {
    if (spec.min !== undefined) validators.push(Validators.min(spec.min));
    if (spec.max !== undefined) validators.push(Validators.max(spec.max));
    if (spec.kind === 'integer') validators.push(integer);
  }
  if (spec.kind === 'string-list')
    validators.push(listLength(spec.min, spec.max));
  if (spec.kind === 'url')
    validators.push(Validators.pattern(/^https?:\/\/\S+$/));
  return validators;
}

function splitList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return String(value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** What a param's control starts with: the model's value, else the catalogue default (booleans), else empty. */
function initialParam(
  spec: ParamSpec | undefined,
  field: DynamicFieldSpec,
  value: unknown,
): unknown {
  if (value !== undefined)
    return field.kind === 'string-list' ? splitList(value).join(', ') : value;
  if (field.kind === 'boolean') return spec?.default === true;
  if (field.kind === 'enum') return spec?.default ?? '';
  return '';
}

/** A control per param; values are the model's, and unset params stay empty (the provider's default applies). */
export function paramsGroup(
  provider: ProviderId,
  type: ModelType,
  values: ModelParams = {},
): DynamicGroup {
  const specs = paramSpecsFor(provider, type);
  const controls: Record<string, FormControl<unknown>> = {};
  for (const field of paramFields(provider, type)) {
    const spec = specs.find((candidate) => candidate.key === field.key);
    controls[field.key] = new FormControl(
      initialParam(spec, field, values[field.key]),
      {
        validators: validatorsFor(field),
      },
    );
  }
  return new FormGroup(controls);
}

/** The params to send: numbers as numbers, lists as lists, empty ones left out. */
export function paramsValue(
  fields: readonly DynamicFieldSpec[],
  raw: Record<string, unknown>,
): ModelParams {
  const params: ModelParams = {};
  for (const field of fields) {
    const value = raw[field.key];
    switch (field.kind) {
      case 'boolean':
        params[field.key] = value === true;
        break;
      case 'integer':
      case 'number':
        if (value !== '' && value !== null && value !== undefined)
          params[field.key] = Number(value);
        break;
      case 'string-list': {
        const items = splitList(value);
        if (items.length) params[field.key] = items;
        break;
      }
      case 'enum':
      case 'string':
      case 'url':
      case 'secret':
        if (typeof value === 'string' && value.trim() !== '')
          params[field.key] = value.trim();
        break;
    }
  }
  return params;
}

/** How a connection's secret fields are given: a value stored encrypted, or environment variable names. */
export type CredentialMode = 'key' | 'env';

export interface ConnectionFormOptions {
  mode: CredentialMode;
  /** Editing a saved connection: secret fields left empty keep their stored value. */
  existing?: ProviderConnection | null;
}

/** Form key of a secret field in environment mode: `apiKey` → `api_key_env`. */
export const envFieldKey = envReferenceKey;

function connectionField(
  field: ConnectionFieldSpec,
  { mode, existing }: ConnectionFormOptions,
): DynamicFieldSpec {
  if (field.secret && mode === 'env') {
    return {
      key: envFieldKey(field.key),
      label: `${field.label}: environment variable`,
      kind: 'string',
      required: field.required,
      help: `Name of the variable holding the ${field.label.toLowerCase()}, read when the connection is used.`,
      placeholder: field.envVar,
    };
  }
  if (field.secret) {
    const hint =
      existing?.secretHints[
        field.key as keyof ProviderConnection['secretHints']
      ];
    return {
      key: field.key,
      label: field.label,
      kind: 'secret',
      // A stored secret stays when the field is left empty.
      required: field.required && !hint,
      help: hint
        ? `Stored (${hint}). Leave empty to keep it unchanged.`
        : field.help,
      placeholder: hint ? `Unchanged (${hint})` : undefined,
    };
  }
  return {
    key: field.key,
    label: field.label,
    kind: field.kind === 'url' ? 'url' : 'string',
    // A catalogue default counts as given.
    required: field.required && field.default === undefined,
    help: field.help,
    placeholder: field.default,
  };
}

/** The provider's connection fields, secrets masked or as environment references. */
export function connectionFields(
  provider: ProviderId,
  options: ConnectionFormOptions,
): DynamicFieldSpec[] {
  return getProviderSpec(provider).connectionFields.map((field) =>
    connectionField(field, options),
  );
}

/** A control per connection field, filled from a saved connection (never with a secret: there is none to fill). */
export function connectionGroup(
  provider: ProviderId,
  options: ConnectionFormOptions,
): DynamicGroup {
  const existing = options.existing;
  const controls: Record<string, FormControl<string>> = {};
  for (const field of connectionFields(provider, options)) {
    let value = '';
    if (existing && field.kind !== 'secret') {
      const saved = (existing as unknown as Record<string, unknown>)[field.key];
      value =
        typeof saved === 'string'
          ? saved
          : (existing.authEnv?.[field.key] ?? '');
    }
    if (!existing && options.mode === 'env' && field.key.endsWith('_env'))
      value = field.placeholder ?? '';
    controls[field.key] = new FormControl(value, {
      nonNullable: true,
      validators: validatorsFor(field),
    });
  }
  return new FormGroup(controls);
}

export type ConnectionFields = Omit<
  CreateProviderConnectionRequest,
  'name' | 'provider' | 'enabled'
>;

/**
 * The connection fields to send. Settings are trimmed (empty: unset, or cleared when editing). A secret
 * left empty is left out, so the stored one is kept; in environment mode secrets are sent as `authEnv`
 * and stored ones are cleared.
 */
export function connectionValue(
  provider: ProviderId,
  raw: Record<string, unknown>,
  { mode, existing }: ConnectionFormOptions,
): ConnectionFields {
  const body: Record<string, unknown> = {};
  const authEnv: AuthEnv = {};
  for (const field of getProviderSpec(provider).connectionFields) {
    if (field.secret && mode === 'env') {
      const variable = String(raw[envFieldKey(field.key)] ?? '').trim();
      if (variable) authEnv[envFieldKey(field.key)] = variable;
      if (existing?.hasSecret) body[field.key] = null;
      continue;
    }
    const value = String(raw[field.key] ?? '').trim();
    if (field.secret) {
      if (value) body[field.key] = value;
    } else if (value) {
      body[field.key] = value;
    } else if (existing) {
      body[field.key] = null;
    }
  }
  if (mode === 'env') body['authEnv'] = authEnv;
  else if (
    existing?.authEnv &&
    Object.keys(body).some((k) => isSecretKey(provider, k))
  )
    body['authEnv'] = null;
  return body as ConnectionFields;
}

function isSecretKey(provider: ProviderId, key: string): boolean {
  return getProviderSpec(provider).connectionFields.some(
    (f) => f.secret && f.key === key,
  );
}

/** Maps an API field of a connection request (`apiKey`, `authEnv.api_key_env`) to its control key. */
export function connectionControlKey(field: string): string {
  return field.startsWith('authEnv.') ? field.slice('authEnv.'.length) : field;
}

/** The connection controls for a provider, or none until one is picked. */
export function connectionGroupFor(
  provider: ProviderId | '',
  options: ConnectionFormOptions,
): DynamicGroup {
  return provider
    ? connectionGroup(provider, options)
    : (new FormGroup({}) as DynamicGroup);
}
