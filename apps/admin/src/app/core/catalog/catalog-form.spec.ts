import {
  MODEL_TYPES,
  PROVIDER_CATALOG,
  paramSpecsFor,
  type ProviderConnection,
} from '@llm-registry/contracts';
import {
  connectionControlKey,
  connectionFields,
  connectionGroup,
  connectionValue,
  paramFields,
  paramsGroup,
  paramsValue,
  providersServing,
} from './catalog-form';

const keys = (fields: Array<{ key: string }>) => fields.map((f) => f.key);

function savedConnection(
  overrides: Partial<ProviderConnection> = {},
): ProviderConnection {
  return {
    id: 'c1',
    name: 'prod',
    provider: 'openai',
    baseUrl: 'https://api.openai.com/v1',
    organization: 'org-1',
    credentialSource: 'encrypted',
    authEnv: null,
    hasSecret: true,
    secretHint: 'sk-…abcd',
    secretHints: { apiKey: 'sk-…abcd' },
    enabled: true,
    lastTest: null,
    modelCount: 2,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    version: 3,
    ...overrides,
  };
}

describe('providersServing', () => {
  it('offers only the providers that serve the type', () => {
    expect(providersServing('rerank').map((p) => p.id)).toEqual([
      'cohere',
      'bedrock',
      'openai_compatible',
    ]);
    expect(providersServing('embedding').map((p) => p.id)).not.toContain(
      'anthropic',
    );
    expect(providersServing('generation').map((p) => p.id)).toContain(
      'anthropic',
    );
  });
});

describe('paramFields', () => {
  it('gives each type only its own params, for every provider serving it', () => {
    for (const type of MODEL_TYPES) {
      for (const provider of providersServing(type)) {
        expect(keys(paramFields(provider.id, type))).toEqual(
          keys(paramSpecsFor(provider.id, type)),
        );
      }
    }
    expect(keys(paramFields('openai', 'embedding'))).toEqual([
      'dimensions',
      'max_tokens',
      'normalize',
      'distance_metric',
      'batch_size',
    ]);
    expect(keys(paramFields('cohere', 'rerank'))).toEqual([
      'top_n',
      'max_documents',
    ]);
    expect(keys(paramFields('openai', 'generation'))).not.toContain(
      'dimensions',
    );
  });

  it("takes ranges and defaults from the provider's overrides", () => {
    const temperature = (provider: 'openai' | 'anthropic' | 'cohere') =>
      paramFields(provider, 'generation').find((f) => f.key === 'temperature');
    expect(temperature('openai')).toMatchObject({
      min: 0,
      max: 2,
      placeholder: 'Default 0.7',
    });
    expect(temperature('anthropic')).toMatchObject({
      max: 1,
      placeholder: 'Default 1',
    });
    expect(temperature('cohere')).toMatchObject({
      max: 1,
      placeholder: 'Default 0.3',
    });
  });

  it('has no params for a type the provider does not serve', () => {
    expect(paramFields('anthropic', 'embedding')).toEqual([]);
  });

  it('marks required params, such as embedding dimensions and NER labels', () => {
    expect(
      paramFields('openai', 'embedding')
        .filter((f) => f.required)
        .map((f) => f.key),
    ).toEqual(['dimensions']);
    expect(
      paramFields('openai', 'ner')
        .filter((f) => f.required)
        .map((f) => f.key),
    ).toEqual(['labels']);
  });
});

describe('paramsGroup and paramsValue', () => {
  it('validates ranges, integers and required params like the API', () => {
    const group = paramsGroup('anthropic', 'generation');
    const temperature = group.controls['temperature'];
    temperature?.setValue(1.5);
    expect(temperature?.errors).toEqual({ max: { max: 1, actual: 1.5 } });
    temperature?.setValue(0.5);
    expect(temperature?.valid).toBe(true);
    group.controls['top_k']?.setValue(2.5);
    expect(group.controls['top_k']?.errors).toEqual({ integer: true });

    const embedding = paramsGroup('openai', 'embedding');
    expect(embedding.controls['dimensions']?.errors).toEqual({
      required: true,
    });
  });

  it('starts with the model values, booleans and enums at their defaults, the rest empty', () => {
    const group = paramsGroup('openai', 'embedding', { dimensions: 1536 });
    expect(group.getRawValue()).toEqual({
      dimensions: 1536,
      max_tokens: '',
      normalize: false,
      distance_metric: 'cosine',
      batch_size: '',
    });
  });

  it('sends numbers as numbers and lists as lists, and leaves empty params out', () => {
    const fields = paramFields('openai', 'ner');
    const group = paramsGroup('openai', 'ner', { labels: ['person'] });
    expect(group.controls['labels']?.value).toBe('person');
    group.patchValue({
      labels: 'person, organization ,',
      temperature: '0.2',
      top_k: '',
    });
    expect(paramsValue(fields, group.getRawValue())).toEqual({
      labels: ['person', 'organization'],
      temperature: 0.2,
    });
    const tooMany = Array.from({ length: 101 }, (_, i) => `l${i}`).join(',');
    group.patchValue({ labels: tooMany });
    expect(group.controls['labels']?.errors).toEqual({ maxItems: true });
  });
});

describe('connectionFields', () => {
  it("lists each provider's own fields, secrets as masked inputs", () => {
    for (const provider of PROVIDER_CATALOG) {
      const fields = connectionFields(provider.id, { mode: 'key' });
      expect(keys(fields)).toEqual(provider.connectionFields.map((f) => f.key));
      for (const field of provider.connectionFields.filter((f) => f.secret))
        expect(fields.find((f) => f.key === field.key)?.kind).toBe('secret');
    }
    expect(keys(connectionFields('azure_openai', { mode: 'key' }))).toEqual([
      'baseUrl',
      'apiKey',
      'apiVersion',
    ]);
    expect(keys(connectionFields('bedrock', { mode: 'key' }))).toEqual([
      'region',
      'accessKeyId',
      'secretAccessKey',
      'sessionToken',
      'baseUrl',
    ]);
  });

  it('counts a catalogue default as given, so only fields without one are required', () => {
    const openai = connectionFields('openai', { mode: 'key' });
    expect(openai.find((f) => f.key === 'baseUrl')).toMatchObject({
      required: false,
      placeholder: 'https://api.openai.com/v1',
    });
    expect(openai.find((f) => f.key === 'apiKey')?.required).toBe(true);
    expect(connectionFields('azure_openai', { mode: 'key' })[0]?.required).toBe(
      true,
    );
  });

  it('asks for environment variable names instead of secrets in environment mode', () => {
    const fields = connectionFields('openai', { mode: 'env' });
    expect(keys(fields)).toEqual(['baseUrl', 'api_key_env', 'organization']);
    expect(fields[1]).toMatchObject({
      kind: 'string',
      placeholder: 'OPENAI_API_KEY',
    });
    const group = connectionGroup('openai', { mode: 'env' });
    expect(group.controls['api_key_env']?.value).toBe('OPENAI_API_KEY');
  });

  it('keeps a stored secret unchanged when editing, and never fills it in', () => {
    const existing = savedConnection();
    const fields = connectionFields('openai', { mode: 'key', existing });
    expect(fields.find((f) => f.key === 'apiKey')).toMatchObject({
      required: false,
      placeholder: 'Unchanged (sk-…abcd)',
    });
    const group = connectionGroup('openai', { mode: 'key', existing });
    expect(group.getRawValue()).toEqual({
      baseUrl: 'https://api.openai.com/v1',
      apiKey: '',
      organization: 'org-1',
    });
    expect(
      connectionValue('openai', group.getRawValue(), { mode: 'key', existing }),
    ).toEqual({
      baseUrl: 'https://api.openai.com/v1',
      organization: 'org-1',
    });
  });
});

describe('connectionValue', () => {
  it('sends what was entered and leaves empty settings out of a new connection', () => {
    expect(
      connectionValue(
        'openai',
        { baseUrl: ' ', apiKey: ' sk-new ', organization: '' },
        { mode: 'key' },
      ),
    ).toEqual({ apiKey: 'sk-new' });
  });

  it('clears an emptied setting of a saved connection', () => {
    expect(
      connectionValue(
        'openai',
        { baseUrl: '', apiKey: '', organization: '' },
        { mode: 'key', existing: savedConnection() },
      ),
    ).toEqual({ baseUrl: null, organization: null });
  });

  it('sends environment references as authEnv and clears a stored key', () => {
    expect(
      connectionValue(
        'openai',
        { baseUrl: '', api_key_env: 'OPENAI_API_KEY', organization: '' },
        { mode: 'env', existing: savedConnection() },
      ),
    ).toEqual({
      baseUrl: null,
      organization: null,
      apiKey: null,
      authEnv: { api_key_env: 'OPENAI_API_KEY' },
    });
  });

  it('drops the environment references when a key is entered instead', () => {
    const existing = savedConnection({
      credentialSource: 'environment',
      authEnv: { api_key_env: 'OPENAI_API_KEY' },
      hasSecret: false,
      secretHints: {},
    });
    expect(
      connectionValue(
        'openai',
        {
          baseUrl: 'https://api.openai.com/v1',
          apiKey: 'sk-x',
          organization: 'org-1',
        },
        { mode: 'key', existing },
      ),
    ).toEqual({
      baseUrl: 'https://api.openai.com/v1',
      organization: 'org-1',
      apiKey: 'sk-x',
      authEnv: null,
    });
  });

  it('maps API field names back to the controls', () => {
    expect(connectionControlKey('authEnv.api_key_env')).toBe('api_key_env');
    expect(connectionControlKey('baseUrl')).toBe('baseUrl');
  });
});
