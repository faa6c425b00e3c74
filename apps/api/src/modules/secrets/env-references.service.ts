import { Inject, Injectable } from '@nestjs/common';
import {
  fieldKeyOfEnvReference,
  type AuthEnv,
  type FieldError,
} from '@llm-registry/contracts';
import { redactor } from '../../common/redaction/redactor';
import { AppConfigService } from '../../config/app-config.service';
import {
  CREDENTIAL_ENVIRONMENT,
  type CredentialEnvironment,
} from '../../config/credential-environment';
import { EnvAllowlist } from './env-allowlist';

/** Resolved references by field key (`apiKey`), and the variables that were not set. */
export interface ResolvedReferences {
  values: Record<string, string>;
  unset: Array<{ referenceKey: string; variable: string }>;
}

/**
 * `*_env` references: checked against the allow-list when written and again when read, because the
 * allow-list may have shrunk since (and a row may have been written by other means).
 */
@Injectable()
export class EnvReferencesService {
  /** Which variables references may name, and where the credentials among them may go. */
  readonly allowlist: EnvAllowlist;

  constructor(
    config: AppConfigService,
    @Inject(CREDENTIAL_ENVIRONMENT)
    private readonly environment: CredentialEnvironment,
  ) {
    this.allowlist = new EnvAllowlist(config.get('envAllowlist'));
  }

  /** One error per reference naming a variable outside the allow-list. */
  refusals(authEnv: AuthEnv | null | undefined): FieldError[] {
    return Object.entries(authEnv ?? {})
      .filter(([, variable]) => !this.allowlist.allows(variable))
      .map(([referenceKey, variable]) => ({
        field: `authEnv.${referenceKey}`,
        message: `names ${variable}, which REGISTRY_ENV_ALLOWLIST does not allow (allowed: ${this.allowlist.describe()})`,
      }));
  }

  /** Reads the variables; callers must have checked `refusals` first. */
  resolve(authEnv: AuthEnv): ResolvedReferences {
    const resolved: ResolvedReferences = { values: {}, unset: [] };
    for (const [referenceKey, variable] of Object.entries(authEnv)) {
      const fieldKey = fieldKeyOfEnvReference(referenceKey);
      if (!fieldKey || !this.allowlist.allows(variable)) continue;
      const value = this.environment[variable];
      if (value === undefined || value === '') {
        resolved.unset.push({ referenceKey, variable });
        continue;
      }
      redactor.remember(value);
      resolved.values[fieldKey] = value;
    }
    return resolved;
  }
}
