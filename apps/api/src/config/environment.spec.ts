import { toAppConfig } from './app-config';
import { ConfigError, loadEnvironment } from './environment';

describe('loadEnvironment', () => {
  it('applies defaults to an empty environment', () => {
    const config = toAppConfig(loadEnvironment({}), '/srv');
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseMode: 'embedded',
      dataDir: '/srv/data',
      logLevel: 'info',
      logFormat: 'pretty',
      migrateOnStart: true,
      seedOnStart: true,
    });
  });

  it('switches to PostgreSQL with DATABASE_URL and does not migrate unless asked', () => {
    const config = toAppConfig(
      loadEnvironment({
        DATABASE_URL: 'postgres://u@db:5432/registry',
        NODE_ENV: 'production',
      }),
    );
    expect(config).toMatchObject({
      databaseMode: 'postgres',
      migrateOnStart: false,
      logFormat: 'json',
    });
    expect(
      toAppConfig(
        loadEnvironment({
          DATABASE_URL: 'postgres://db/r',
          DATABASE_MIGRATE_ON_START: 'true',
        }),
      ).migrateOnStart,
    ).toBe(true);
  });

  it.each([
    [
      { PORT: 'abc' },
      'Invalid environment: PORT must be an integer between 1 and 65535 (got "abc")',
    ],
    [
      { PORT: '70000' },
      'Invalid environment: PORT must be an integer between 1 and 65535 (got 70000)',
    ],
    [
      { DATABASE_URL: 'mysql://x' },
      'Invalid environment: DATABASE_URL must be a postgres:// or postgresql:// connection URL (got value hidden)',
    ],
    [
      { LOG_LEVEL: 'loud' },
      'Invalid environment: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    ],
    [
      { ADMIN_PASSWORD: 'short' },
      'Invalid environment: ADMIN_PASSWORD must be at least 12 characters (got value hidden)',
    ],
    [
      { CORS_ORIGINS: '*' },
      'Invalid environment: CORS_ORIGINS must be a comma-separated list of http(s) origins (got "*")',
    ],
    [
      { SEED_ON_START: 'maybe' },
      'Invalid environment: SEED_ON_START must be true or false (got "maybe")',
    ],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadEnvironment(env)).toThrow(new ConfigError(message));
  });

  it('turns the LiteLLM mirror on only with both its URL and its master key', () => {
    const mirror = (env: Record<string, string>) =>
      toAppConfig(loadEnvironment(env)).proxySync;
    expect(mirror({}).litellm).toBeNull();
    expect(mirror({ LITELLM_URL: 'http://litellm:4000' }).litellm).toBeNull();
    expect(
      mirror({
        LITELLM_URL: 'http://litellm:4000/',
        LITELLM_MASTER_KEY: 'sk-master-1234',
        LITELLM_RECONCILE_INTERVAL_SECONDS: '60',
      }),
    ).toMatchObject({
      litellm: { url: 'http://litellm:4000', masterKey: 'sk-master-1234' },
      reconcileIntervalMs: 60_000,
      concurrency: 12,
    });
    expect(() => loadEnvironment({ LITELLM_MASTER_KEY: 'short' })).toThrow(
      'Invalid environment: LITELLM_MASTER_KEY must be at least 8 characters (got value hidden)',
    );
  });

  it('reads TRUST_PROXY as no proxy, a hop count (true is one) or the proxies’ addresses', () => {
    const trust = (value?: string) =>
      toAppConfig(loadEnvironment(value ? { TRUST_PROXY: value } : {}))
        .trustProxy;
    expect(trust()).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('0')).toBe(false);
    expect(trust('true')).toBe(1);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.0/8, 127.0.0.1,fd00::/8')).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      'fd00::/8',
    ]);
    for (const bad of ['11', '10.0.0.0/33', '300.1.1.1', 'proxy.local', '*']) {
      expect(() => loadEnvironment({ TRUST_PROXY: bad })).toThrow(
        `Invalid environment: TRUST_PROXY must be false, true (one proxy), a hop count up to 10, or comma-separated proxy addresses or CIDRs (got ${JSON.stringify(bad)})`,
      );
    }
  });

  it('sets Secure cookies per request by default, or always or never when told', () => {
    const mode = (env: Record<string, string>) =>
      toAppConfig(loadEnvironment(env)).cookieSecure;
    expect(mode({})).toBe('auto');
    expect(mode({ NODE_ENV: 'production' })).toBe('auto');
    expect(mode({ COOKIE_SECURE: 'true' })).toBe(true);
    expect(mode({ COOKIE_SECURE: 'off' })).toBe(false);
    expect(() => loadEnvironment({ COOKIE_SECURE: 'maybe' })).toThrow(
      'Invalid environment: COOKIE_SECURE must be auto, true or false (got "maybe")',
    );
  });

  it('takes allow-list entries with an origin, and refuses one with a path', () => {
    expect(
      toAppConfig(
        loadEnvironment({
          REGISTRY_ENV_ALLOWLIST:
            'OPENAI_*, OPENAI_API_KEY@https://llm-gateway.internal, GW_*@https://*.gw.internal:8443',
        }),
      ).envAllowlist,
    ).toEqual([
      'OPENAI_*',
      'OPENAI_API_KEY@https://llm-gateway.internal',
      'GW_*@https://*.gw.internal:8443',
    ]);
    expect(() =>
      loadEnvironment({
        REGISTRY_ENV_ALLOWLIST: 'OPENAI_API_KEY@https://gw.internal/v1',
      }),
    ).toThrow(/REGISTRY_ENV_ALLOWLIST/);
  });

  it('reports every bad variable, one per line', () => {
    expect(() => loadEnvironment({ PORT: 'x', LOG_FORMAT: 'xml' })).toThrow(
      /PORT .*\nInvalid environment: LOG_FORMAT/,
    );
  });

  it('adds PROVIDER_EGRESS_DENY to the built-in denied ranges, v4 and v6', () => {
    expect(toAppConfig(loadEnvironment({})).egressDeny).toEqual([]);
    expect(
      toAppConfig(
        loadEnvironment({
          PROVIDER_EGRESS_DENY: '10.0.0.0/8, fd00::/8,127.0.0.2',
        }),
      ).egressDeny,
    ).toEqual(['10.0.0.0/8', 'fd00::/8', '127.0.0.2']);
  });

  it('refuses to start on a bad CIDR range, naming it', () => {
    expect(() =>
      loadEnvironment({ PROVIDER_EGRESS_DENY: '10.0.0.0/8,10.0.0.0/40' }),
    ).toThrow(
      'Invalid environment: PROVIDER_EGRESS_DENY must be comma-separated CIDR ranges such as 10.0.0.0/8,fd00::/8: "10.0.0.0/40" is not an IPv4 or IPv6 address or CIDR range',
    );
  });
});
