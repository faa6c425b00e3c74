import { lastTestOf } from '../../database/tested.entity';
import {
  getProviderSpec,
  maskUrlCredentials,
  type ConnectionSecretKey,
  type ProviderConnection,
} from '@llm-registry/contracts';
import { type ProviderConnectionEntity } from './provider-connection.entity';

export interface ConnectionExtras {
  /** Masked hints of the stored secret, by field. */
  hints: Partial<Record<ConnectionSecretKey, string>>;
  modelCount: number;
}

/** The one place a connection row becomes what the API answers; no credential value can get here. */
export function toProviderConnection(
  entity: ProviderConnectionEntity,
  extras: ConnectionExtras,
): ProviderConnection {
  const settings = Object.fromEntries(
    getProviderSpec(entity.provider)
      .connectionFields.filter(
        (field) => !field.secret && field.key !== 'baseUrl',
      )
      .map((field) => [
        field.key,
        entity.settings[field.key as keyof typeof entity.settings] ?? null,
      ]),
  );
  const hasSecret = entity.secretId !== null;
  return {
    id: entity.id,
    name: entity.name,
    provider: entity.provider,
    // Such URLs are refused now; one stored before must not show its credential.
    baseUrl: entity.baseUrl && maskUrlCredentials(entity.baseUrl),
    ...settings,
    credentialSource: hasSecret
      ? 'encrypted'
      : entity.authEnv
        ? 'environment'
        : 'none',
    authEnv: entity.authEnv,
    hasSecret,
    secretHint: hasSecret ? primaryHint(extras.hints) : null,
    secretHints: hasSecret ? extras.hints : {},
    enabled: entity.enabled,
    lastTest: lastTestOf(entity),
    modelCount: extras.modelCount,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    version: entity.version,
  };
}

/** `apiKey`'s hint, or the first field's for providers without one (Bedrock's access key id). */
function primaryHint(
  hints: Partial<Record<ConnectionSecretKey, string>>,
): string | null {
  return hints.apiKey ?? Object.values(hints)[0] ?? null;
}
