import {
  PROVIDER_CATALOG,
  envReferenceKey,
  type AuthEnv,
  type ConnectionFieldSpec,
  type ProviderId,
} from '@llm-registry/contracts';

export interface SeedConnection {
  name: string;
  provider: ProviderId;
  authEnv: AuthEnv | null;
}

/** Fields a fresh install reads from the environment: credentials, and endpoints that have no default. */
function readFromEnvironment(field: ConnectionFieldSpec): boolean {
  return (
    field.envVar !== undefined &&
    (field.secret || (field.required && field.default === undefined))
  );
}

/**
 * One connection per provider, named after it, holding environment references to the variables its SDK
 * conventionally reads: a fresh install stores no key, and works as soon as the variables are set.
 */
export const SEED_CONNECTIONS: readonly SeedConnection[] = PROVIDER_CATALOG.map(
  (spec) => {
    const references = spec.connectionFields
      .filter(readFromEnvironment)
      .map((field) => [envReferenceKey(field.key), field.envVar as string]);
    return {
      name: spec.label,
      provider: spec.id,
      authEnv: references.length > 0 ? Object.fromEntries(references) : null,
    };
  },
);
