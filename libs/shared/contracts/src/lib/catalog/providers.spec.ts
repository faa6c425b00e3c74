import { MODEL_TYPES, PROVIDER_IDS } from '../domain';
import type { ProviderId } from '../domain';
import { MODEL_TYPE_PARAMS } from './param-specs';
import {
  PROVIDER_CATALOG,
  buildProviderCatalog,
  getProviderSpec,
  paramSpecsFor,
  providerServesType,
} from './providers';

const temperatureOf = (id: ProviderId, type: 'generation' | 'ner') =>
  paramSpecsFor(id, type).find((spec) => spec.key === 'temperature');

describe('PROVIDER_CATALOG', () => {
  it('has one entry per provider, in PROVIDER_IDS order', () => {
    expect(PROVIDER_CATALOG.map((spec) => spec.id)).toEqual([...PROVIDER_IDS]);
  });

  it('gives every provider a label, a description, served types and connection fields', () => {
    for (const spec of PROVIDER_CATALOG) {
      expect(spec.label).not.toBe('');
      expect(spec.description).not.toBe('');
      expect(spec.modelTypes.length).toBeGreaterThan(0);
      expect(spec.connectionFields.length).toBeGreaterThan(0);
    }
  });

  it('marks every secret-kind connection field as secret and gives each field help text', () => {
    for (const field of PROVIDER_CATALOG.flatMap(
      (spec) => spec.connectionFields,
    )) {
      expect(field.secret).toBe(field.kind === 'secret');
      expect(field.help).not.toBe('');
    }
  });

  it('only overrides params that exist for a type the provider serves', () => {
    for (const spec of PROVIDER_CATALOG) {
      for (const [type, overrides] of Object.entries(
        spec.paramOverrides ?? {},
      )) {
        expect(spec.modelTypes).toContain(type);
        const keys = MODEL_TYPE_PARAMS[
          type as keyof typeof MODEL_TYPE_PARAMS
        ].map((param) => param.key);
        for (const key of Object.keys(overrides)) {
          expect(keys).toContain(key);
        }
      }
    }
  });

  it('describes the OpenAI connection with an optional base URL and a required key from OPENAI_API_KEY', () => {
    const fields = getProviderSpec('openai').connectionFields;
    expect(fields.find((field) => field.key === 'baseUrl')).toMatchObject({
      kind: 'url',
      required: false,
      default: 'https://api.openai.com/v1',
    });
    expect(fields.find((field) => field.key === 'apiKey')).toMatchObject({
      kind: 'secret',
      required: true,
      secret: true,
      envVar: 'OPENAI_API_KEY',
    });
  });

  it('lets Bedrock fall back to the default AWS credential chain', () => {
    const keys = getProviderSpec('bedrock')
      .connectionFields.filter((field) => field.secret)
      .map((field) => field.key);
    expect(keys).toEqual(['accessKeyId', 'secretAccessKey', 'sessionToken']);
    for (const field of getProviderSpec('bedrock').connectionFields) {
      if (field.secret) {
        expect(field.required).toBe(false);
      }
    }
  });
});

describe('getProviderSpec', () => {
  it('returns the entry for a provider id', () => {
    expect(getProviderSpec('anthropic').label).toBe('Anthropic');
  });

  it('throws on an id that is not a provider', () => {
    expect(() => getProviderSpec('nope' as ProviderId)).toThrow(
      'Unknown provider: nope',
    );
  });
});

describe('providerServesType', () => {
  it('says Cohere serves rerank models and Anthropic does not', () => {
    expect(providerServesType('cohere', 'rerank')).toBe(true);
    expect(providerServesType('anthropic', 'rerank')).toBe(false);
    expect(providerServesType('anthropic', 'embedding')).toBe(false);
  });
});

describe('paramSpecsFor', () => {
  it('resolves the shared params for every type every provider serves', () => {
    for (const spec of PROVIDER_CATALOG) {
      for (const type of spec.modelTypes) {
        expect(paramSpecsFor(spec.id, type).map((param) => param.key)).toEqual(
          MODEL_TYPE_PARAMS[type].map((param) => param.key),
        );
      }
    }
  });

  it('returns no params for a type the provider does not serve', () => {
    expect(paramSpecsFor('anthropic', 'embedding')).toEqual([]);
  });

  it("merges Anthropic's temperature override into generation and ner params", () => {
    for (const type of ['generation', 'ner'] as const) {
      expect(temperatureOf('anthropic', type)).toMatchObject({
        kind: 'number',
        min: 0,
        max: 1,
        default: 1,
      });
    }
  });

  it("merges Cohere's temperature override with its own default", () => {
    expect(temperatureOf('cohere', 'generation')).toMatchObject({
      max: 1,
      default: 0.3,
    });
  });

  it('leaves the shared temperature untouched for providers without overrides', () => {
    expect(temperatureOf('openai', 'generation')).toEqual(
      MODEL_TYPE_PARAMS.generation.find((spec) => spec.key === 'temperature'),
    );
    expect(temperatureOf('openai', 'generation')?.max).toBe(2);
  });

  it('hands out copies, so callers cannot change the shared specs', () => {
    const [first] = paramSpecsFor('openai', 'generation');
    expect(first).not.toBe(MODEL_TYPE_PARAMS.generation[0]);
  });
});

describe('buildProviderCatalog', () => {
  it('resolves params for exactly the served types of every provider', () => {
    const catalog = buildProviderCatalog();
    expect(catalog.map((entry) => entry.id)).toEqual([...PROVIDER_IDS]);
    for (const entry of catalog) {
      expect(Object.keys(entry.params).sort()).toEqual(
        [...entry.modelTypes].sort(),
      );
      for (const type of MODEL_TYPES) {
        expect(entry.params[type]).toEqual(
          entry.modelTypes.includes(type)
            ? paramSpecsFor(entry.id, type)
            : undefined,
        );
      }
    }
  });
});
