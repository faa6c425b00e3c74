import { type FieldError } from '@llm-registry/contracts';
import { type EnvAllowlist } from '../secrets/env-allowlist';

/** Where a connection's credentials would be sent, and which credentials those are. */
export interface CredentialRoute {
  /** The origin the call goes to; null when the connection has no usable address. */
  origin: string | null;
  /** Stored secret fields that would be sent, and the origin they were entered for. */
  stored: { origin: string | null; fields: readonly string[] } | null;
  /** `*_env` references that would be read, and whether each fills a secret field. */
  references: ReadonlyArray<{
    referenceKey: string;
    variable: string;
    secretField: boolean;
  }>;
}

/**
 * Why credentials may not take this route, one error per field (none: they may). A stored secret goes
 * only to the origin it was entered for; a credential variable only to the origins allowed for it.
 */
export function credentialRefusals(
  route: CredentialRoute,
  allowlist: EnvAllowlist,
): FieldError[] {
  const destination = route.origin ?? 'no valid address';
  const stored =
    route.stored && route.stored.origin !== route.origin
      ? route.stored.fields.map((field) => ({
          field,
          message: `was entered for ${route.stored?.origin ?? 'another address'} and this request goes to ${destination}: enter it again, so a stored key is never sent to another host`,
        }))
      : [];
  const references = route.references
    .filter(
      ({ variable, secretField }) =>
        (secretField || allowlist.isCredential(variable)) &&
        !allowlist.allowsOrigin(variable, route.origin),
    )
    .map(({ referenceKey, variable }) => ({
      field: `authEnv.${referenceKey}`,
      message: `names ${variable}, which may be sent only to ${allowlist.originsOf(variable).join(', ') || 'origins REGISTRY_ENV_ALLOWLIST names for it'}, not to ${destination}; an operator can allow it with ${variable}@${route.origin ?? '<origin>'} in REGISTRY_ENV_ALLOWLIST`,
    }));
  return [...stored, ...references];
}
