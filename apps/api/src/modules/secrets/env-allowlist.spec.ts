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

  it('allows no name that is not a string', () => {
    expect(allowlist.allows(5 as unknown as string)).toBe(false);
  });

  it('never allows the registry’s own settings, even when configured to', () => {
    const permissive = new EnvAllowlist(['REGISTRY_*', 'DATABASE_URL', 'A*']);
    expect(permissive.allows('REGISTRY_MASTER_KEY')).toBe(false);
    expect(permissive.allows('DATABASE_URL')).toBe(false);
    expect(permissive.allows('ADMIN_PASSWORD')).toBe(false);
  });

  it('sends a provider’s key variable to that provider’s official origins only', () => {
    expect(
      allowlist.allowsOrigin('OPENAI_API_KEY', 'https://api.openai.com'),
    ).toBe(true);
    expect(
      allowlist.allowsOrigin('OPENAI_API_KEY', 'https://api.anthropic.com'),
    ).toBe(false);
    expect(
      allowlist.allowsOrigin('OPENAI_API_KEY', 'http://127.0.0.1:8080'),
    ).toBe(false);
    expect(allowlist.allowsOrigin('OPENAI_API_KEY', null)).toBe(false);
  });

  it('matches host patterns one DNS label at a time', () => {
    expect(
      allowlist.allowsOrigin(
        'AZURE_OPENAI_API_KEY',
        'https://contoso.openai.azure.com',
      ),
    ).toBe(true);
    expect(
      allowlist.allowsOrigin(
        'AZURE_OPENAI_API_KEY',
        'https://evil.example.com.openai.azure.com.attacker.net',
      ),
    ).toBe(false);
    expect(
      allowlist.allowsOrigin(
        'AZURE_OPENAI_API_KEY',
        'https://a.b.openai.azure.com',
      ),
    ).toBe(false);
    expect(
      allowlist.allowsOrigin(
        'AWS_SECRET_ACCESS_KEY',
        'https://bedrock-runtime.eu-west-1.amazonaws.com',
      ),
    ).toBe(true);
    expect(
      allowlist.allowsOrigin(
        'AZURE_OPENAI_API_KEY',
        'http://contoso.openai.azure.com',
      ),
    ).toBe(false);
  });

  it('gives a variable without an official origin none until an entry names one', () => {
    expect(allowlist.isCredential('OPENAI_COMPATIBLE_API_KEY')).toBe(true);
    expect(allowlist.originsOf('OPENAI_COMPATIBLE_API_KEY')).toEqual([]);
    const withGateway = new EnvAllowlist([
      'OPENAI_COMPATIBLE_API_KEY@http://127.0.0.1:8000',
    ]);
    expect(withGateway.allows('OPENAI_COMPATIBLE_API_KEY')).toBe(true);
    expect(
      withGateway.allowsOrigin(
        'OPENAI_COMPATIBLE_API_KEY',
        'http://127.0.0.1:8000',
      ),
    ).toBe(true);
    expect(
      withGateway.allowsOrigin(
        'OPENAI_COMPATIBLE_API_KEY',
        'http://127.0.0.1:8001',
      ),
    ).toBe(false);
  });

  it('parses origin entries case-insensitively, dropping default ports and paths', () => {
    const parsed = new EnvAllowlist([
      'OPENAI_API_KEY@HTTPS://LLM-Gateway.internal:443',
      'MY_*@https://*.gateway.internal',
    ]);
    expect(parsed.originsOf('OPENAI_API_KEY')).toEqual([
      'https://api.openai.com',
      'https://llm-gateway.internal',
    ]);
    expect(
      parsed.allowsOrigin('OPENAI_API_KEY', 'https://llm-gateway.internal'),
    ).toBe(true);
    expect(parsed.allows('MY_KEY')).toBe(true);
    expect(parsed.isCredential('MY_KEY')).toBe(true);
    expect(parsed.allowsOrigin('MY_KEY', 'https://eu.gateway.internal')).toBe(
      true,
    );
  });

  it('treats variables of non-secret fields as plain settings', () => {
    expect(allowlist.isCredential('AZURE_OPENAI_ENDPOINT')).toBe(false);
    expect(allowlist.isCredential('AWS_REGION')).toBe(false);
  });
});
