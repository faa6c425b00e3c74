import { EnvAllowlist } from '../secrets/env-allowlist';
import { credentialRefusals } from './credential-route';

describe('credentialRefusals', () => {
  const allowlist = new EnvAllowlist([
    'OPENAI_*',
    'OPENAI_API_KEY@http://127.0.0.1:9000',
    'AZURE_OPENAI_ENDPOINT',
  ]);

  it('lets a stored secret go to the origin it was entered for', () => {
    expect(
      credentialRefusals(
        {
          origin: 'http://127.0.0.1:9000',
          stored: { origin: 'http://127.0.0.1:9000', fields: ['apiKey'] },
          references: [],
        },
        allowlist,
      ),
    ).toEqual([]);
  });

  it('names every stored field when the origin differs, or is unknown', () => {
    for (const [stored, origin] of [
      ['http://127.0.0.1:9000', 'http://127.0.0.1:9001'],
      ['http://127.0.0.1:9000', 'https://127.0.0.1:9000'],
      [null, 'http://127.0.0.1:9000'],
      ['http://127.0.0.1:9000', null],
    ] as const) {
      expect(
        credentialRefusals(
          {
            origin,
            stored: { origin: stored, fields: ['accessKeyId', 'sessionToken'] },
            references: [],
          },
          allowlist,
        ).map((e) => e.field),
      ).toEqual(['accessKeyId', 'sessionToken']);
    }
  });

  it('asks nothing again when no stored field would be sent', () => {
    expect(
      credentialRefusals(
        {
          origin: 'http://127.0.0.1:9001',
          stored: { origin: 'http://127.0.0.1:9000', fields: [] },
          references: [],
        },
        allowlist,
      ),
    ).toEqual([]);
  });

  it('refuses a credential variable outside its allowed origins, saying how to allow it', () => {
    const [refusal, ...rest] = credentialRefusals(
      {
        origin: 'http://127.0.0.2:9000',
        stored: null,
        references: [
          {
            referenceKey: 'api_key_env',
            variable: 'OPENAI_API_KEY',
            secretField: true,
          },
        ],
      },
      allowlist,
    );
    expect(rest).toEqual([]);
    expect(refusal.field).toBe('authEnv.api_key_env');
    expect(refusal.message).toContain(
      'OPENAI_API_KEY@http://127.0.0.2:9000 in REGISTRY_ENV_ALLOWLIST',
    );
  });

  it('allows it at an official or an operator origin', () => {
    for (const origin of ['https://api.openai.com', 'http://127.0.0.1:9000'])
      expect(
        credentialRefusals(
          {
            origin,
            stored: null,
            references: [
              {
                referenceKey: 'api_key_env',
                variable: 'OPENAI_API_KEY',
                secretField: true,
              },
            ],
          },
          allowlist,
        ),
      ).toEqual([]);
  });

  it('checks a credential variable read into a non-secret field too', () => {
    expect(
      credentialRefusals(
        {
          origin: 'http://127.0.0.2:9000',
          stored: null,
          references: [
            {
              referenceKey: 'organization_env',
              variable: 'OPENAI_API_KEY',
              secretField: false,
            },
          ],
        },
        allowlist,
      ).map((e) => e.field),
    ).toEqual(['authEnv.organization_env']);
  });

  it('leaves plain settings such as an endpoint variable to the operator', () => {
    expect(
      credentialRefusals(
        {
          origin: 'http://127.0.0.2:9000',
          stored: null,
          references: [
            {
              referenceKey: 'base_url_env',
              variable: 'AZURE_OPENAI_ENDPOINT',
              secretField: false,
            },
          ],
        },
        allowlist,
      ),
    ).toEqual([]);
  });

  it('refuses a key variable with no known origin', () => {
    expect(
      credentialRefusals(
        {
          origin: 'http://127.0.0.1:8000',
          stored: null,
          references: [
            {
              referenceKey: 'api_key_env',
              variable: 'OPENAI_COMPATIBLE_API_KEY',
              secretField: true,
            },
          ],
        },
        allowlist,
      ).map((e) => e.field),
    ).toEqual(['authEnv.api_key_env']);
  });
});
