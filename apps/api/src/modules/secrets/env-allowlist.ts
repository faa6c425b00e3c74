import { PROVIDER_CATALOG } from '@llm-registry/contracts';
import { originMatches, originOf } from '@llm-registry/providers';

/** The registry's own settings can never be named by a reference, whatever the allow-list says. */
const RESERVED = /^(REGISTRY_|DATABASE_|REDIS_|ADMIN_|LITELLM_MASTER_KEY$)/;

/** A name or `PREFIX_*`, and the origins an entry adds for it. */
interface Entry {
  name: string;
  prefix: boolean;
  origins: string[];
}

/**
 * Which environment variables `*_env` references may name (CVE-2026-59819: a test endpoint that read any
 * variable a caller named), and where a credential read from one may be sent. Entries are names,
 * prefixes ending in `*`, either with `@https://host[:port]`; a credential variable may always go to
 * the official origins of the provider whose catalogue declares it.
 */
export class EnvAllowlist {
  private readonly entries: Entry[];

  constructor(entries: readonly string[]) {
    this.entries = entries.map(parseEntry);
  }

  allows(variable: string): boolean {
    // Callers may hold an unchecked request body, where a "name" can be any JSON value.
    if (typeof variable !== 'string' || RESERVED.test(variable)) return false;
    return this.entries.some((entry) => matches(entry, variable));
  }

  /**
   * A credential: the catalogue declares it for a secret field, or an entry gives it an origin. Such a
   * variable goes only to its allowed origins, whichever field a reference reads it into.
   */
  isCredential(variable: string): boolean {
    return (
      OFFICIAL_ORIGINS.has(variable) ||
      this.entries.some(
        (entry) => entry.origins.length > 0 && matches(entry, variable),
      )
    );
  }

  /** The catalogue's official origins for the variable, then the operator's. */
  originsOf(variable: string): string[] {
    return [
      ...(OFFICIAL_ORIGINS.get(variable) ?? []),
      ...this.entries
        .filter((entry) => matches(entry, variable))
        .flatMap((entry) => entry.origins),
    ];
  }

  allowsOrigin(variable: string, origin: string | null): boolean {
    return (
      origin !== null &&
      this.originsOf(variable).some((pattern) => originMatches(pattern, origin))
    );
  }

  describe(): string {
    return this.entries
      .map((entry) => `${entry.name}${entry.prefix ? '*' : ''}`)
      .join(', ');
  }
}

function parseEntry(entry: string): Entry {
  const at = entry.indexOf('@');
  const name = at === -1 ? entry : entry.slice(0, at);
  const origin = at === -1 ? null : originOf(entry.slice(at + 1));
  const prefix = name.endsWith('*');
  return {
    name: prefix ? name.slice(0, -1) : name,
    prefix,
    origins: origin ? [origin] : [],
  };
}

function matches(entry: Entry, variable: string): boolean {
  return entry.prefix
    ? variable.startsWith(entry.name)
    : variable === entry.name;
}

/** Variable → official origins of the providers whose secret fields read it by default. */
const OFFICIAL_ORIGINS: ReadonlyMap<string, readonly string[]> = (() => {
  const origins = new Map<string, string[]>();
  for (const spec of PROVIDER_CATALOG) {
    for (const field of spec.connectionFields) {
      if (!field.secret || !field.envVar) continue;
      origins.set(field.envVar, [
        ...(origins.get(field.envVar) ?? []),
        ...spec.officialOrigins,
      ]);
    }
  }
  return origins;
})();
