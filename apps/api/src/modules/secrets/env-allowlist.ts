/** The registry's own settings can never be named by a reference, whatever the allow-list says. */
const RESERVED = /^(REGISTRY_|DATABASE_|REDIS_|ADMIN_|LITELLM_MASTER_KEY$)/;

/**
 * Which environment variables `*_env` references may name (CVE-2026-59819: a test endpoint that read any
 * variable a caller named). Entries are names, or prefixes ending in `*`.
 */
export class EnvAllowlist {
  private readonly names = new Set<string>();
  private readonly prefixes: string[] = [];

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      if (entry.endsWith('*')) this.prefixes.push(entry.slice(0, -1));
      else this.names.add(entry);
    }
  }

  allows(variable: string): boolean {
    if (RESERVED.test(variable)) return false;
    return (
      this.names.has(variable) ||
      this.prefixes.some((prefix) => variable.startsWith(prefix))
    );
  }

  describe(): string {
    return [...this.names, ...this.prefixes.map((p) => `${p}*`)].join(', ');
  }
}
