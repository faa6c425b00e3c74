import {
  CONNECTION_SECRET_KEYS,
  CONNECTION_SETTING_KEYS,
  type AuthEnv,
  type ConnectionSecretKey,
  type ConnectionSettingKey,
} from '@llm-registry/contracts';
import { type ConnectionSettings } from './provider-connection.entity';

/** The secret fields a request sends: a value, or null to clear the field. */
export type SecretInput = Partial<Record<ConnectionSecretKey, string | null>>;

type SettingInput = Partial<Record<ConnectionSettingKey, string | null>>;

export function secretInputOf(request: Partial<SecretInput>): SecretInput {
  return Object.fromEntries(
    CONNECTION_SECRET_KEYS.filter((key) => request[key] !== undefined).map(
      (key) => [key, request[key]],
    ),
  );
}

/** The non-secret settings a request sets (baseUrl has its own column). */
export function settingInputOf(
  request: SettingInput,
): Record<string, string | null> {
  return Object.fromEntries(
    CONNECTION_SETTING_KEYS.filter(
      (key) => key !== 'baseUrl' && request[key] !== undefined,
    ).map((key) => [key, request[key] ?? null]),
  );
}

export function settingsOf(source: SettingInput): ConnectionSettings {
  return compact(settingInputOf(source));
}

/** The settings worth storing: empty and cleared ones are left out. */
export function compact(
  values: Record<string, string | null | undefined>,
): ConnectionSettings {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value != null && value !== ''),
  ) as ConnectionSettings;
}

/** An empty set of references is no references. */
export function nonEmpty(authEnv: AuthEnv | null | undefined): AuthEnv | null {
  return authEnv && Object.keys(authEnv).length > 0 ? authEnv : null;
}
