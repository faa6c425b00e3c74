import { PROVIDER_CATALOG } from './providers';
import {
  CONNECTION_SECRET_KEYS,
  CONNECTION_SETTING_KEYS,
  envReferenceKey,
  fieldKeyOfEnvReference,
} from '../providers';
import { validateConnectionFields } from './validate-connection';

describe('connection fields', () => {
  it('names every catalogue field in the request contract, secret fields as secrets', () => {
    const settings: readonly string[] = CONNECTION_SETTING_KEYS;
    const secrets: readonly string[] = CONNECTION_SECRET_KEYS;
    for (const spec of PROVIDER_CATALOG) {
      for (const field of spec.connectionFields) {
        expect(field.secret ? secrets : settings).toContain(field.key);
      }
    }
  });

  it('maps field keys to environment reference keys and back', () => {
    expect(envReferenceKey('apiKey')).toBe('api_key_env');
    expect(envReferenceKey('secretAccessKey')).toBe('secret_access_key_env');
    expect(fieldKeyOfEnvReference('secret_access_key_env')).toBe(
      'secretAccessKey',
    );
    expect(fieldKeyOfEnvReference('api_key')).toBeNull();
  });

  it('accepts a key given directly or by environment reference', () => {
    expect(
      validateConnectionFields({
        provider: 'openai',
        values: { apiKey: 'sk-whatever' },
        authEnv: null,
      }),
    ).toEqual([]);
    expect(
      validateConnectionFields({
        provider: 'openai',
        values: {},
        authEnv: { api_key_env: 'OPENAI_API_KEY' },
      }),
    ).toEqual([]);
  });

  it('requires required fields without a default, naming the reference alternative', () => {
    expect(
      validateConnectionFields({
        provider: 'azure_openai',
        values: { apiKey: 'k' },
        authEnv: null,
      }),
    ).toEqual([
      {
        field: 'baseUrl',
        message:
          'is required for Azure OpenAI (or give it as authEnv.base_url_env)',
      },
    ]);
  });

  it('refuses fields the provider does not take and references that name none of its fields', () => {
    const errors = validateConnectionFields({
      provider: 'ollama',
      values: { region: 'eu-west-1' },
      authEnv: { api_key: 'X', region_env: 'AWS_REGION', api_key_env: 'lower' },
    });
    expect(errors.map((e) => e.field)).toEqual([
      'region',
      'authEnv.api_key',
      'authEnv.region_env',
      'authEnv.api_key_env',
    ]);
  });
});
