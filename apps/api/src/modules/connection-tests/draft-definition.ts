import { type ProviderId } from '@llm-registry/contracts';
import { type ConnectionDefinition } from '../providers/connection-target.service';
import { type ProviderConnectionEntity } from '../providers/provider-connection.entity';
import { type DraftConnectionFields } from './connection-test.entity';

/** The draft's connection fields, and its own secret (stored, or about to be). */
export interface DraftCredentials {
  fields: DraftConnectionFields | null;
  secretId: string | null;
  hasSecret: boolean;
}

/**
 * A draft test's connection: the draft's own fields win over the saved connection it names, its own
 * credentials over the saved ones. Saved credentials keep the origin they were entered for.
 */
export function draftDefinition(
  provider: ProviderId,
  draft: DraftCredentials,
  saved: ProviderConnectionEntity | null,
): ConnectionDefinition {
  const fields = draft.fields;
  const ownCredentials = draft.hasSecret || Boolean(fields?.authEnv);
  return {
    name: saved?.name ?? 'The draft connection',
    provider,
    baseUrl: fields?.baseUrl ?? saved?.baseUrl ?? null,
    settings: { ...saved?.settings, ...fields?.settings },
    secretId: ownCredentials ? draft.secretId : (saved?.secretId ?? null),
    secretOrigin: ownCredentials ? null : (saved?.secretOrigin ?? null),
    authEnv: ownCredentials
      ? (fields?.authEnv ?? null)
      : (saved?.authEnv ?? null),
  };
}
