import { Injectable } from '@nestjs/common';
import {
  validateConnectionFields,
  type AuthEnv,
  type DraftConnection,
  type FieldError,
  type ProviderId,
} from '@llm-registry/contracts';
import { ValidationProblem } from '../../common/problem/problem.exception';
import { EnvReferencesService } from '../secrets/env-references.service';
import { type SecretValues } from '../secrets/secrets.service';
import {
  nonEmpty,
  secretInputOf,
  settingInputOf,
  settingsOf,
} from './connection-input';
import { type ConnectionSettings } from './provider-connection.entity';
import { looksMasked } from './secret-input';

/** A checked, unsaved connection: what would be stored, secrets still in clear. */
export interface ConnectionDraft {
  baseUrl: string | null;
  settings: ConnectionSettings;
  secrets: SecretValues;
  authEnv: AuthEnv | null;
}

/** The provider's field rules, the one-credential-form rule and the environment allow-list, as 400s. */
@Injectable()
export class ProviderConnectionValidator {
  constructor(private readonly envReferences: EnvReferencesService) {}

  /** The fields a new connection would be stored with, or 400 naming every bad field. */
  checkDefinition(
    provider: ProviderId,
    request: DraftConnection,
  ): ConnectionDraft {
    const present = Object.entries(secretInputOf(request)).filter(
      (entry): entry is [string, string] => !!entry[1],
    );
    const maskedErrors = present
      .filter(([, value]) => looksMasked(value))
      .map(([field]) => ({
        field,
        message: 'looks like a masked hint; enter the full value',
      }));
    this.assertValid(
      provider,
      {
        ...settingInputOf(request),
        baseUrl: request.baseUrl,
        ...Object.fromEntries(present),
      },
      request.authEnv,
      maskedErrors,
      present.length > 0 && nonEmpty(request.authEnv) !== null,
    );
    return {
      baseUrl: request.baseUrl ?? null,
      settings: settingsOf(request),
      secrets: Object.fromEntries(present),
      authEnv: nonEmpty(request.authEnv),
    };
  }

  /** As `checkDefinition`, for a draft under test: errors name `connection.<field>`. */
  checkDraft(provider: ProviderId, draft: DraftConnection): ConnectionDraft {
    try {
      return this.checkDefinition(provider, draft);
    } catch (error) {
      if (!(error instanceof ValidationProblem)) throw error;
      throw new ValidationProblem(
        (error.errors ?? []).map((e) => ({
          ...e,
          field: `connection.${e.field}`,
        })),
      );
    }
  }

  /** 400 with the `earlier` errors first, then every other rule the values break; nothing when all hold. */
  assertValid(
    provider: ProviderId,
    values: Record<string, string | null | undefined>,
    authEnv: AuthEnv | null | undefined,
    earlier: FieldError[],
    bothForms: boolean,
  ): void {
    const errors = [
      ...earlier,
      ...(bothForms
        ? [
            {
              field: 'authEnv',
              message:
                'cannot be combined with secret values: use stored secrets or environment references',
            },
          ]
        : []),
      ...validateConnectionFields({ provider, values, authEnv }),
      ...this.envReferences.refusals(authEnv),
    ];
    if (errors.length > 0) throw new ValidationProblem(errors);
  }
}
