import { DEFAULT_ENV_ALLOWLIST } from '../../config/app-config';
import { EnvAllowlist } from './env-allowlist';

describe('EnvAllowlist', () => {
  const allowlist = new EnvAllowlist(DEFAULT_ENV_ALLOWLIST);

  it('allows the providers’ usual variables by name and by prefix', () => {
    expect(allowlist.allows('OPENAI_API_KEY')).toBe(true);
    expect(allowlist.allows('AZURE_OPENAI_ENDPOINT')).toBe(true);
    expect(allowlist.allows('GOOGLE_API_KEY')).toBe(true);
    expect(allowlist.allows('AWS_SECRET_ACCESS_KEY')).toBe(true);
  });

  it('refuses anything else, such as the process’s own secrets', () => {
    expect(allowlist.allows('PATH')).toBe(false);
    expect(allowlist.allows('HOME')).toBe(false);
    expect(allowlist.allows('GOOGLE_APPLICATION_CREDENTIALS')).toBe(false);
  });

  it('never allows the registry’s own settings, even when configured to', () => {
    const permissive = new EnvAllowlist(['REGISTRY_*', 'DATABASE_URL', 'A*']);
    expect(permissive.allows('REGISTRY_MASTER_KEY')).toBe(false);
    expect(permissive.allows('DATABASE_URL')).toBe(false);
    expect(permissive.allows('ADMIN_PASSWORD')).toBe(false);
  });
});
