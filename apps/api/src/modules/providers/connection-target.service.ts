import { Injectable } from '@nestjs/common';
import { envReferenceKey, getProviderSpec } from '@llm-registry/contracts';
import { type ConnectionTarget } from '@llm-registry/providers';
import { ValidationProblem } from '../../common/problem/problem.exception';
import { EnvReferencesService } from '../secrets/env-references.service';
import { SecretsService } from '../secrets/secrets.service';
import { type ProviderConnectionEntity } from './provider-connection.entity';

/** What resolving needs of a connection, saved or a draft under test. */
export type ConnectionDefinition = Pick<
  ProviderConnectionEntity,
  'name' | 'provider' | 'baseUrl' | 'settings' | 'secretId' | 'authEnv'
>;
import { ProvidersErrorCode, ProvidersException } from './providers.exception';

/**
 * Everything needed to call a provider through a connection, credentials in clear: for the code that
 * makes the call and nothing else (never returned, logged or queued).
 */
@Injectable()
export class ConnectionTargetService {
  constructor(
    private readonly secrets: SecretsService,
    private readonly envReferences: EnvReferencesService,
  ) {}

  async resolve(connection: ConnectionDefinition): Promise<ConnectionTarget> {
    const target: ConnectionTarget = {
      provider: connection.provider,
      baseUrl: connection.baseUrl,
      settings: { ...connection.settings },
      credentials: connection.secretId
        ? await this.secrets.reveal(connection.secretId)
        : {},
    };
    if (connection.authEnv) this.applyEnvReferences(connection, target);
    return target;
  }

  /** Checked against the allow-list again: it may have shrunk since the reference was written. */
  private applyEnvReferences(
    connection: ConnectionDefinition,
    target: ConnectionTarget,
  ): void {
    const authEnv = connection.authEnv ?? {};
    const refusals = this.envReferences.refusals(authEnv);
    if (refusals.length > 0) {
      throw new ValidationProblem(
        refusals,
        `${connection.name} references environment variables REGISTRY_ENV_ALLOWLIST does not allow; edit its authEnv.`,
      );
    }
    const { values, unset } = this.envReferences.resolve(authEnv);
    const fields = getProviderSpec(connection.provider).connectionFields;
    const missing = unset.filter(({ referenceKey }) =>
      fields.some(
        (field) =>
          field.required &&
          field.default === undefined &&
          envReferenceKey(field.key) === referenceKey,
      ),
    );
    if (missing.length > 0) {
      throw new ProvidersException(
        ProvidersErrorCode.CredentialUnset,
        `${connection.name} reads ${missing.map((m) => m.variable).join(', ')} from the registry's environment, which is not set there.`,
      );
    }
    for (const [fieldKey, value] of Object.entries(values)) {
      const field = fields.find((candidate) => candidate.key === fieldKey);
      if (field?.secret) target.credentials[fieldKey] = value;
      else if (fieldKey === 'baseUrl') target.baseUrl = value;
      else target.settings[fieldKey] = value;
    }
  }
}
