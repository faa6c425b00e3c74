import { type UpdateProviderConnectionRequest } from '@llm-registry/contracts';
import { endpointOrigin } from '@llm-registry/providers';
import { EnvAllowlist } from '../secrets/env-allowlist';
import { type SecretValues } from '../secrets/secrets.service';
import { type ConnectionDefinition } from './connection-target.service';
import {
  planCredentialChange,
  storedValuesAfter,
  type CredentialChangePlan,
} from './credential-change';
import { credentialRefusals } from './credential-route';

const KEY = 'sk-live-0123456789abcd';
const HINT = 'sk-…abcd';
const NEW_KEY = 'sk-next-9876543210wxyz';
const ELSEWHERE = 'https://other.example.net/v1';
const REFERENCE = { api_key_env: 'OPENAI_API_KEY' };

/** An OpenAI connection with a stored key, bound to the official origin. */
const withKey: ConnectionDefinition = {
  name: 'OpenAI',
  provider: 'openai',
  baseUrl: null,
  settings: {},
  secretId: 'secret-1',
  secretOrigin: 'https://api.openai.com',
  authEnv: null,
};
const STORED_KEY: SecretValues = { apiKey: KEY };

/** The same connection reading its key from the environment. */
const withReference: ConnectionDefinition = {
  ...withKey,
  secretId: null,
  secretOrigin: null,
  authEnv: REFERENCE,
};

/** Bedrock with both keys stored; the region sets the endpoint. */
const bedrock: ConnectionDefinition = {
  name: 'Bedrock',
  provider: 'bedrock',
  baseUrl: null,
  settings: { region: 'us-east-1' },
  secretId: 'secret-2',
  secretOrigin: 'https://bedrock-runtime.us-east-1.amazonaws.com',
  authEnv: null,
};
const STORED_AWS: SecretValues = {
  accessKeyId: 'AKIA0123456789ABCDEF',
  secretAccessKey: 'aws-secret-0123456789abcdefghij',
};

/** An OpenAI-compatible server with no credential at all. */
const keyless: ConnectionDefinition = {
  name: 'Local',
  provider: 'openai_compatible',
  baseUrl: 'http://127.0.0.1:8000/v1',
  settings: {},
  secretId: null,
  secretOrigin: null,
  authEnv: null,
};

function plan(
  current: ConnectionDefinition,
  stored: SecretValues,
  request: Omit<UpdateProviderConnectionRequest, 'version'>,
): CredentialChangePlan {
  return planCredentialChange(current, stored, { version: 1, ...request });
}

/**
 * The stored-key half of the route check the service runs when `recheckRoute` (ConnectionTargetService
 * computes the origin the same way when no environment reference moves it).
 */
function storedKeyRefusals(result: CredentialChangePlan): string[] {
  if (!result.recheckRoute || !result.route.secretId) return [];
  return credentialRefusals(
    {
      origin: endpointOrigin(result.route),
      stored: {
        origin: result.route.secretOrigin,
        fields: result.keptStoredFields,
      },
      references: [],
    },
    new EnvAllowlist([]),
  ).map((error) => error.field);
}

describe('planCredentialChange', () => {
  describe('the stored secret and its origin binding', () => {
    it.each<{
      behaviour: string;
      current: ConnectionDefinition;
      stored: SecretValues;
      request: Omit<UpdateProviderConnectionRequest, 'version'>;
      expected: Partial<CredentialChangePlan>;
      refused: string[];
    }>([
      {
        behaviour: 'keeps key and binding when only name and enabled change',
        current: withKey,
        stored: STORED_KEY,
        request: { name: 'Renamed', enabled: false },
        expected: {
          recheckRoute: false,
          secret: {
            action: 'replace',
            secretId: 'secret-1',
            values: STORED_KEY,
          },
          origin: { action: 'keep', origin: 'https://api.openai.com' },
          authEnv: null,
          errors: [],
        },
        refused: [],
      },
      {
        behaviour:
          'keeps the key sent back as its masked hint, at the same origin',
        current: withKey,
        stored: STORED_KEY,
        request: { apiKey: HINT },
        expected: {
          recheckRoute: true,
          keptStoredFields: ['apiKey'],
          secret: {
            action: 'replace',
            secretId: 'secret-1',
            values: STORED_KEY,
          },
          origin: { action: 'rebind' },
          bothForms: false,
          errors: [],
        },
        refused: [],
      },
      {
        behaviour: 'refuses a base URL change without the key',
        current: withKey,
        stored: STORED_KEY,
        request: { baseUrl: ELSEWHERE },
        expected: {
          baseUrl: ELSEWHERE,
          recheckRoute: true,
          keptStoredFields: ['apiKey'],
          route: {
            ...withKey,
            baseUrl: ELSEWHERE,
            secretId: 'secret-1',
            secretOrigin: 'https://api.openai.com',
          },
        },
        refused: ['apiKey'],
      },
      {
        behaviour: 'refuses a base URL change with only the masked hint',
        current: withKey,
        stored: STORED_KEY,
        request: { baseUrl: ELSEWHERE, apiKey: HINT },
        expected: { keptStoredFields: ['apiKey'] },
        refused: ['apiKey'],
      },
      {
        behaviour: 'lets a new key replace the old one at a new base URL',
        current: withKey,
        stored: STORED_KEY,
        request: { baseUrl: ELSEWHERE, apiKey: NEW_KEY },
        expected: {
          keptStoredFields: [],
          secret: {
            action: 'replace',
            secretId: 'secret-1',
            values: { apiKey: NEW_KEY },
          },
          origin: { action: 'rebind' },
          fieldValues: { baseUrl: ELSEWHERE, apiKey: NEW_KEY },
          errors: [],
        },
        refused: [],
      },
      {
        behaviour: 'accepts the default base URL written out as no move',
        current: withKey,
        stored: STORED_KEY,
        request: { baseUrl: 'https://api.openai.com/v1' },
        expected: { keptStoredFields: ['apiKey'], errors: [] },
        refused: [],
      },
      {
        behaviour:
          'switches to environment references, deleting the stored secret',
        current: withKey,
        stored: STORED_KEY,
        request: { authEnv: REFERENCE },
        expected: {
          authEnv: REFERENCE,
          secret: { action: 'delete', secretId: 'secret-1' },
          origin: { action: 'clear' },
          route: { ...withKey, authEnv: REFERENCE, secretId: null },
          fieldValues: { baseUrl: null },
          bothForms: false,
          errors: [],
        },
        refused: [],
      },
      {
        behaviour:
          'clears the stored secret when its only field is sent as null',
        current: withKey,
        stored: STORED_KEY,
        request: { apiKey: null },
        expected: {
          keptStoredFields: [],
          secret: { action: 'delete', secretId: 'secret-1' },
          origin: { action: 'clear' },
          fieldValues: { baseUrl: null },
        },
        refused: [],
      },
      {
        behaviour: 'lets a new key replace environment references left out',
        current: withReference,
        stored: {},
        request: { apiKey: NEW_KEY },
        expected: {
          authEnv: null,
          secret: { action: 'create', values: { apiKey: NEW_KEY } },
          origin: { action: 'rebind' },
          bothForms: false,
          errors: [],
        },
        refused: [],
      },
      {
        behaviour: 'stores a first key on a connection that had none',
        current: keyless,
        stored: {},
        request: { apiKey: NEW_KEY },
        expected: {
          keptStoredFields: [],
          secret: { action: 'create', values: { apiKey: NEW_KEY } },
          origin: { action: 'rebind' },
        },
        refused: [],
      },
      {
        behaviour:
          'stores nothing when a connection without credentials is renamed',
        current: keyless,
        stored: {},
        request: { name: 'Renamed' },
        expected: {
          recheckRoute: false,
          secret: { action: 'none' },
          origin: { action: 'clear' },
        },
        refused: [],
      },
      {
        behaviour:
          'asks for every stored Bedrock key again when the region moves',
        current: bedrock,
        stored: STORED_AWS,
        request: { region: 'eu-west-1' },
        expected: {
          settings: { region: 'eu-west-1' },
          keptStoredFields: ['accessKeyId', 'secretAccessKey'],
        },
        refused: ['accessKeyId', 'secretAccessKey'],
      },
      {
        behaviour: 'asks only for the Bedrock keys not typed again',
        current: bedrock,
        stored: STORED_AWS,
        request: {
          region: 'eu-west-1',
          secretAccessKey: 'aws-next-0123456789',
        },
        expected: {
          keptStoredFields: ['accessKeyId'],
          secret: {
            action: 'replace',
            secretId: 'secret-2',
            values: {
              accessKeyId: STORED_AWS['accessKeyId'],
              secretAccessKey: 'aws-next-0123456789',
            },
          },
        },
        refused: ['accessKeyId'],
      },
    ])('$behaviour', ({ current, stored, request, expected, refused }) => {
      const result = plan(current, stored, request);
      expect(result).toMatchObject(expected);
      expect(storedKeyRefusals(result)).toEqual(refused);
    });
  });

  describe('refusals the request shows by itself', () => {
    it("refuses a masked value that is not the stored key's hint, keeping the key", () => {
      const result = plan(withKey, STORED_KEY, { apiKey: 'sk-…zzzz' });
      expect(result.errors).toEqual([
        {
          field: 'apiKey',
          message:
            'looks like a masked hint but is not the stored one; enter the full value or leave it out',
        },
      ]);
      expect(storedValuesAfter(result.secret)).toEqual(STORED_KEY);
    });

    it('refuses a new key sent together with environment references', () => {
      const result = plan(withKey, STORED_KEY, {
        apiKey: NEW_KEY,
        authEnv: REFERENCE,
      });
      expect(result.bothForms).toBe(true);
      expect(result.authEnv).toEqual(REFERENCE);
    });

    it('counts an empty authEnv sent with a new key as both forms too', () => {
      expect(
        plan(withReference, {}, { apiKey: NEW_KEY, authEnv: {} }).bothForms,
      ).toBe(true);
    });

    it('asks for environment references again when the base URL moves', () => {
      const result = plan(withReference, {}, { baseUrl: ELSEWHERE });
      expect(result.errors).toEqual([
        {
          field: 'authEnv',
          message:
            'must be sent again when baseUrl changes, so a credential is never sent to another host',
        },
      ]);
      expect(result.authEnv).toEqual(REFERENCE);
    });

    it('takes references sent again, or the same endpoint spelt differently, as deliberate', () => {
      const pinned = { ...withReference, baseUrl: 'https://api.openai.com/v1' };
      for (const request of [
        { baseUrl: ELSEWHERE, authEnv: REFERENCE },
        { baseUrl: 'https://API.openai.com/v1/' },
        { baseUrl: null },
      ])
        expect(plan(pinned, {}, request).errors).toEqual([]);
    });

    it('clears environment references sent as an empty set', () => {
      const result = plan(withReference, {}, { authEnv: {} });
      expect(result).toMatchObject({
        authEnv: null,
        secret: { action: 'none' },
        origin: { action: 'clear' },
        errors: [],
      });
    });
  });

  describe('settings', () => {
    it('keeps settings left out, sets new ones and drops cleared ones', () => {
      const current = {
        ...withKey,
        settings: { organization: 'org-1', apiVersion: '2024-01-01' },
      };
      const result = plan(current, STORED_KEY, {
        organization: null,
        region: '',
      });
      expect(result.settings).toEqual({ apiVersion: '2024-01-01' });
      expect(result.fieldValues).toEqual({
        apiVersion: '2024-01-01',
        organization: null,
        region: '',
        baseUrl: null,
        apiKey: KEY,
      });
      expect(result.route.settings).toEqual({ apiVersion: '2024-01-01' });
    });
  });
});

describe('storedValuesAfter', () => {
  it('is what a written row holds, and nothing once the row is gone', () => {
    expect(
      storedValuesAfter({ action: 'create', values: { apiKey: KEY } }),
    ).toEqual({ apiKey: KEY });
    expect(
      storedValuesAfter({
        action: 'replace',
        secretId: 'secret-1',
        values: { apiKey: KEY },
      }),
    ).toEqual({ apiKey: KEY });
    expect(
      storedValuesAfter({ action: 'delete', secretId: 'secret-1' }),
    ).toEqual({});
    expect(storedValuesAfter({ action: 'none' })).toEqual({});
  });
});
