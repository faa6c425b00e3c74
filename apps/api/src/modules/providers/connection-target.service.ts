import { Injectable } from '@nestjs/common';
import {
  envReferenceKey,
  fieldKeyOfEnvReference,
  getProviderSpec,
  type FieldError,
} from '@llm-registry/contracts';
import { endpointOrigin, type ConnectionTarget } from '@llm-registry/providers';
import { ValidationProblem } from '../../common/problem/problem.exception';
import { EnvReferencesService } from '../secrets/env-references.service';
import { type SecretValues, SecretsService } from '../secrets/secrets.service';
import { credentialRefusals } from './credential-route';
import { type ProviderConnectionEntity } from './provider-connection.entity';
import { ProvidersErrorCode, ProvidersException } from './providers.exception';

/** What resolving needs of a connection, saved or a draft under test. */
export type ConnectionDefinition = Pick<
  ProviderConnectionEntity,
  | 'name'
  | 'provider'
  | 'baseUrl'
  | 'settings'
  | 'secretId'
  | 'secretOrigin'
  | 'authEnv'
>;

/** Where a definition points: no name, no credentials. */
export type ConnectionEndpointDefinition = Pick<
  ConnectionDefinition,
  'provider' | 'baseUrl' | 'settings' | 'authEnv'
>;

/**
 * Everything needed to call a provider through a connection, credentials in clear: for the code that
 * makes the call and nothing else (never returned, logged or queued). It is also the one place that
 * decides whether a credential may go where the connection points: every path that calls a provider
 * or hands a credential to LiteLLM resolves through here.
 */
@Injectable()
export class ConnectionTargetService {
  constructor(
    private readonly secrets: SecretsService,
    private readonly envReferences: EnvReferencesService,
  ) {}

  /** Refuses (400 naming the fields) when a credential would go to an origin it is not allowed for. */
  async resolve(connection: ConnectionDefinition): Promise<ConnectionTarget> {
    this.assertNamesAllowed(connection);
    const fromEnvironment = this.readEnvironment(connection);
    if (fromEnvironment.missing.length > 0) {
      throw new ProvidersException(
        ProvidersErrorCode.CredentialUnset,
        `${connection.name} reads ${fromEnvironment.missing.join(', ')} from the registry's environment, which is not set there.`,
      );
    }
    const stored = connection.secretId
      ? await this.secrets.reveal(connection.secretId)
      : {};
    const target = toTarget(connection, fromEnvironment, stored);
    const refusals = this.decide(connection, target, {
      storedFields: Object.keys(stored),
      // A variable that is not set sends nothing.
      referenceKeys: Object.keys(fromEnvironment.references),
    });
    if (refusals.length > 0)
      throw new ProvidersException(
        ProvidersErrorCode.CredentialOriginRefused,
        `${connection.name}: ${refusals.map((e) => `${e.field} ${e.message}`).join('; ')}`,
        refusals,
      );
    return target;
  }

  /**
   * The same decision for a write, before anything is stored or queued: every reference counts, set
   * or not. `storedFields`: the stored secret fields the write keeps (default: all of them).
   */
  async refusals(
    connection: ConnectionDefinition,
    storedFields?: readonly string[],
  ): Promise<FieldError[]> {
    const target = toTarget(connection, this.readEnvironment(connection), {});
    return this.decide(connection, target, {
      storedFields:
        storedFields ??
        (connection.secretId
          ? Object.keys(
              (await this.secrets.hintsOf([connection.secretId])).get(
                connection.secretId,
              ) ?? {},
            )
          : []),
      referenceKeys: Object.keys(connection.authEnv ?? {}),
    });
  }

  /** The origin a definition's calls go to, its non-secret references read from the environment now. */
  originOf(connection: ConnectionEndpointDefinition): string | null {
    return endpointOrigin(
      toTarget(connection, this.readEnvironment(connection), {}),
    );
  }

  private decide(
    connection: ConnectionDefinition,
    target: ConnectionTarget,
    sent: { storedFields: readonly string[]; referenceKeys: string[] },
  ): FieldError[] {
    const secretFields = new Set(
      getProviderSpec(connection.provider)
        .connectionFields.filter((field) => field.secret)
        .map((field) => field.key),
    );
    const authEnv = connection.authEnv ?? {};
    return credentialRefusals(
      {
        origin: endpointOrigin(target),
        stored: connection.secretId
          ? {
              origin: connection.secretOrigin,
              fields: sent.storedFields,
            }
          : null,
        references: sent.referenceKeys
          .filter((referenceKey) =>
            this.envReferences.allowlist.allows(authEnv[referenceKey]),
          )
          .map((referenceKey) => ({
            referenceKey,
            variable: authEnv[referenceKey],
            secretField: secretFields.has(
              fieldKeyOfEnvReference(referenceKey) ?? '',
            ),
          })),
      },
      this.envReferences.allowlist,
    );
  }

  /** Checked against the allow-list again: it may have shrunk since the reference was written. */
  private assertNamesAllowed(connection: ConnectionDefinition): void {
    const refusals = this.envReferences.refusals(connection.authEnv);
    if (refusals.length > 0) {
      throw new ValidationProblem(
        refusals,
        `${connection.name} references environment variables REGISTRY_ENV_ALLOWLIST does not allow; edit its authEnv.`,
      );
    }
  }

  /** The referenced variables that are set, and the required ones that are not. */
  private readEnvironment(
    connection: ConnectionEndpointDefinition,
  ): EnvironmentValues {
    if (!connection.authEnv) return { fields: {}, references: {}, missing: [] };
    const { values, unset } = this.envReferences.resolve(connection.authEnv);
    const fields = getProviderSpec(connection.provider).connectionFields;
    const unsetKeys = new Set(unset.map((u) => u.referenceKey));
    return {
      fields: values,
      references: Object.fromEntries(
        Object.entries(connection.authEnv).filter(
          ([referenceKey]) =>
            !unsetKeys.has(referenceKey) &&
            fieldKeyOfEnvReference(referenceKey) !== null,
        ),
      ),
      missing: unset
        .filter(({ referenceKey }) =>
          fields.some(
            (field) =>
              field.required &&
              field.default === undefined &&
              envReferenceKey(field.key) === referenceKey,
          ),
        )
        .map((m) => m.variable),
    };
  }
}

interface EnvironmentValues {
  /** Values by field key (`apiKey`, `baseUrl`). */
  fields: Record<string, string>;
  /** The references that were read, by reference key. */
  references: Record<string, string>;
  /** Variables of required fields without a default that are not set. */
  missing: string[];
}

function toTarget(
  connection: ConnectionEndpointDefinition,
  environment: EnvironmentValues,
  stored: SecretValues,
): ConnectionTarget {
  const target: ConnectionTarget = {
    provider: connection.provider,
    baseUrl: connection.baseUrl,
    settings: { ...connection.settings },
    credentials: { ...stored },
  };
  const fields = getProviderSpec(connection.provider).connectionFields;
  for (const [fieldKey, value] of Object.entries(environment.fields)) {
    const field = fields.find((candidate) => candidate.key === fieldKey);
    if (field?.secret) target.credentials[fieldKey] = value;
    else if (fieldKey === 'baseUrl') target.baseUrl = value;
    else target.settings[fieldKey] = value;
  }
  return target;
}
