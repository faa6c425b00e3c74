import {
  type AuthEnv,
  type FieldError,
  type UpdateProviderConnectionRequest,
} from '@llm-registry/contracts';
import { maskValues } from '../secrets/mask';
import { type SecretValues } from '../secrets/secrets.service';
import {
  compact,
  nonEmpty,
  secretInputOf,
  settingInputOf,
  settingsOf,
  type SecretInput,
} from './connection-input';
import { type ConnectionDefinition } from './connection-target.service';
import { type ConnectionSettings } from './provider-connection.entity';
import { effectiveBaseUrl, looksMasked, sameEndpoint } from './secret-input';

/** What becomes of the connection's stored secret row. */
export type SecretStep =
  /** No stored secret before or after. */
  | { action: 'none' }
  | { action: 'create'; values: SecretValues }
  /** The same row, its values (changed or not) encrypted again under a fresh data key. */
  | { action: 'replace'; secretId: string; values: SecretValues }
  /** Environment references replace it, or every field was cleared. */
  | { action: 'delete'; secretId: string };

/** The origin the stored secret is bound to afterwards: it is sent nowhere else. */
export type OriginBinding =
  /** Only name or enabled changed: the binding stays. */
  | { action: 'keep'; origin: string | null }
  /** Bind to where the new route points, once its check has passed. */
  | { action: 'rebind' }
  /** No stored secret remains. */
  | { action: 'clear' };

export interface CredentialChangePlan {
  baseUrl: string | null;
  settings: ConnectionSettings;
  authEnv: AuthEnv | null;
  /** What the request shows wrong by itself; the route check and the field rules come on top. */
  errors: FieldError[];
  /** What the provider's field rules check: settings, base URL, and secret values unless references replace them. */
  fieldValues: Record<string, string | null | undefined>;
  /** Secret values typed in and environment references sent at once. */
  bothForms: boolean;
  /** Where the credentials would go after the change. */
  route: ConnectionDefinition;
  /** Anything beyond name and enabled was sent, so the route must be checked before writing. */
  recheckRoute: boolean;
  /** Stored secret fields kept without being typed again: only these are held to their old origin. */
  keptStoredFields: string[];
  secret: SecretStep;
  origin: OriginBinding;
}

/**
 * What an update does to a connection's credentials. Fields left out keep their value; a secret sent
 * back as its masked hint is kept, never stored as the new value; a new key drops environment references
 * unless they are sent too (then both forms are refused); references sent replace the stored secret. A
 * stored key that is not typed again may not follow the connection elsewhere: `keptStoredFields` lists
 * what the route check must hold to the origin the secret was entered for.
 */
export function planCredentialChange(
  current: ConnectionDefinition,
  stored: SecretValues,
  request: UpdateProviderConnectionRequest,
): CredentialChangePlan {
  const secrets = planSecretValues(
    secretInputOf(request),
    stored,
    maskValues(stored),
  );
  const authEnv =
    request.authEnv === undefined
      ? secrets.entered
        ? null
        : current.authEnv
      : nonEmpty(request.authEnv);
  const baseUrl =
    request.baseUrl === undefined ? current.baseUrl : request.baseUrl;
  const merged = {
    ...settingsOf(current.settings),
    ...settingInputOf(request),
  };
  const settings = compact(merged);
  const recheckRoute = changesRoute(request);
  const secret = secretStep(current.secretId, authEnv ? {} : secrets.values);
  return {
    baseUrl,
    settings,
    authEnv,
    errors: [
      ...secrets.errors,
      ...authEnvResendErrors(current, baseUrl, request.authEnv),
    ],
    fieldValues: { ...merged, baseUrl, ...(authEnv ? {} : secrets.values) },
    bothForms: secrets.entered && request.authEnv != null,
    route: {
      name: current.name,
      provider: current.provider,
      baseUrl,
      settings,
      authEnv,
      // The stored secret stays in use unless environment references replace it.
      secretId: authEnv ? null : current.secretId,
      secretOrigin: current.secretOrigin,
    },
    recheckRoute,
    keptStoredFields: secrets.notReentered,
    secret,
    origin:
      secret.action === 'none' || secret.action === 'delete'
        ? { action: 'clear' }
        : recheckRoute
          ? { action: 'rebind' }
          : { action: 'keep', origin: current.secretOrigin },
  };
}

/** The secret values a step leaves stored (what the audit trail compares with the old ones). */
export function storedValuesAfter(step: SecretStep): SecretValues {
  return step.action === 'create' || step.action === 'replace'
    ? step.values
    : {};
}

interface SecretValuesPlan {
  /** The secret values after the change. */
  values: SecretValues;
  /** New values were typed in (not hints, not left out). */
  entered: boolean;
  /** Stored fields that were not typed in again. */
  notReentered: string[];
  errors: FieldError[];
}

/** Omitted or hint → keep; null → clear; masked-looking but not the hint → refuse; else the new value. */
function planSecretValues(
  input: SecretInput,
  stored: SecretValues,
  hints: Record<string, string>,
): SecretValuesPlan {
  const values: SecretValues = { ...stored };
  const typed = new Set<string>();
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined || (value !== null && value === hints[field]))
      continue;
    if (value === null) {
      delete values[field];
    } else if (looksMasked(value)) {
      errors.push({
        field,
        message:
          'looks like a masked hint but is not the stored one; enter the full value or leave it out',
      });
    } else {
      values[field] = value;
      typed.add(field);
    }
  }
  return {
    values,
    entered: typed.size > 0,
    notReentered: Object.keys(values).filter(
      (field) => field in stored && !typed.has(field),
    ),
    errors,
  };
}

/** Values to keep stored → the row is written (replaced, or created); none left → it goes. */
function secretStep(
  currentId: string | null,
  values: SecretValues,
): SecretStep {
  if (Object.keys(values).length === 0)
    return currentId
      ? { action: 'delete', secretId: currentId }
      : { action: 'none' };
  return currentId
    ? { action: 'replace', secretId: currentId, values }
    : { action: 'create', values };
}

/** Environment references are sent again with a new base URL, so the change is a deliberate one. */
function authEnvResendErrors(
  current: ConnectionDefinition,
  nextBaseUrl: string | null,
  authEnvInput: AuthEnv | null | undefined,
): FieldError[] {
  if (
    !current.authEnv ||
    authEnvInput !== undefined ||
    sameEndpoint(
      effectiveBaseUrl(current.provider, current.baseUrl),
      effectiveBaseUrl(current.provider, nextBaseUrl),
    )
  )
    return [];
  return [
    {
      field: 'authEnv',
      message:
        'must be sent again when baseUrl changes, so a credential is never sent to another host',
    },
  ];
}

/** Whether an update may change where the connection's credentials go (name and enabled do not). */
function changesRoute(request: UpdateProviderConnectionRequest): boolean {
  return Object.keys(request).some(
    (key) => !['name', 'enabled', 'version'].includes(key),
  );
}
