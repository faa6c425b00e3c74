import type { ModelType, ProviderId } from '../domain';
import type { FieldError } from '../problem';
import type { ParamSpec } from './catalog.types';
import { getProviderSpec, paramSpecsFor } from './providers';

/** ParamSpec only bounds a list's length; its items (entity labels) are capped here. */
const MAX_LIST_ITEM_LENGTH = 64;

export interface ModelDefinitionInput {
  provider: ProviderId;
  type: ModelType;
  params?: unknown;
}

/** Checks a provider/type pair, then the params against that pair's merged specs. */
export function validateModelDefinition(
  input: ModelDefinitionInput,
): FieldError[] {
  const { label, modelTypes } = getProviderSpec(input.provider);
  if (!modelTypes.includes(input.type)) {
    return [
      {
        field: 'provider',
        message: `${label} does not serve ${input.type} models; it serves ${modelTypes.join(', ')}`,
      },
    ];
  }
  return validateModelParams(input.provider, input.type, input.params ?? {});
}

/** Every problem with `params` for this provider and type, as `params.<key>` field errors. */
export function validateModelParams(
  provider: ProviderId,
  type: ModelType,
  params: unknown,
): FieldError[] {
  if (!isPlainObject(params)) {
    return [{ field: 'params', message: 'must be an object' }];
  }
  const specs = paramSpecsFor(provider, type);
  const errors: FieldError[] = [];
  const valid = new Map<string, unknown>();

  for (const [key, value] of Object.entries(params)) {
    // An `undefined` value means "not set", as it would be after JSON serialisation.
    if (value === undefined) {
      continue;
    }
    const spec = specs.find((candidate) => candidate.key === key);
    const message = spec
      ? checkValue(spec, value)
      : unknownMessage(provider, type, specs);
    if (message) {
      errors.push({ field: `params.${key}`, message });
    } else {
      valid.set(key, value);
    }
  }

  for (const spec of specs) {
    if (spec.required && params[spec.key] === undefined) {
      errors.push({
        field: `params.${spec.key}`,
        message: `is required for ${type} models`,
      });
    }
  }

  const contextWindow = valid.get('context_window');
  const maxOutput = valid.get('max_output_tokens');
  if (
    typeof contextWindow === 'number' &&
    typeof maxOutput === 'number' &&
    maxOutput > contextWindow
  ) {
    errors.push({
      field: 'params.max_output_tokens',
      message: `must not exceed context_window (${contextWindow})`,
    });
  }
  return errors;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function unknownMessage(
  provider: ProviderId,
  type: ModelType,
  specs: readonly ParamSpec[],
): string {
  const allowed = specs.map((spec) => spec.key).join(', ') || 'none';
  return `unknown parameter for ${type} models on ${getProviderSpec(provider).label}; allowed: ${allowed}`;
}

/** The first problem with one value, or `undefined` if it fits the spec. */
function checkValue(spec: ParamSpec, value: unknown): string | undefined {
  switch (spec.kind) {
    case 'integer':
      return Number.isInteger(value)
        ? checkRange(spec, value as number)
        : 'must be an integer';
    case 'number':
      // Number.isFinite also refuses NaN and Infinity.
      return Number.isFinite(value)
        ? checkRange(spec, value as number)
        : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be a boolean';
    case 'enum': {
      const options = spec.options ?? [];
      return options.some((option) => option === value)
        ? undefined
        : `must be one of ${options.join(', ')}`;
    }
    case 'string-list':
      return checkStringList(spec, value);
  }
}

function checkStringList(spec: ParamSpec, value: unknown): string | undefined {
  if (
    !Array.isArray(value) ||
    !value.every((item) => typeof item === 'string')
  ) {
    return 'must be a list of strings';
  }
  if (!inRange(spec, value.length)) {
    return `must have ${bounds(spec)} items`;
  }
  const fits = (item: string) =>
    item.trim() !== '' && item.length <= MAX_LIST_ITEM_LENGTH;
  return value.every(fits)
    ? undefined
    : `each item must be 1 to ${MAX_LIST_ITEM_LENGTH} characters and not blank`;
}

function checkRange(spec: ParamSpec, n: number): string | undefined {
  return inRange(spec, n) ? undefined : `must be ${bounds(spec)}`;
}

function inRange(
  { min = -Infinity, max = Infinity }: ParamSpec,
  n: number,
): boolean {
  return n >= min && n <= max;
}

function bounds({ min, max }: ParamSpec): string {
  if (min !== undefined && max !== undefined) {
    return `between ${min} and ${max}`;
  }
  return min !== undefined ? `at least ${min}` : `at most ${max}`;
}
