import { validateModelDefinition, validateModelParams } from './validate-model';

const validGeneration = {
  context_window: 200_000,
  max_output_tokens: 8192,
  temperature: 0.5,
  top_p: 0.9,
  top_k: 40,
};

describe('validateModelParams', () => {
  it('accepts valid params for every model type', () => {
    expect(
      validateModelParams('openai', 'generation', validGeneration),
    ).toEqual([]);
    expect(
      validateModelParams('openai', 'embedding', {
        dimensions: 1536,
        max_tokens: 8191,
        normalize: true,
        distance_metric: 'dot',
        batch_size: 100,
      }),
    ).toEqual([]);
    expect(
      validateModelParams('cohere', 'rerank', {
        top_n: 5,
        max_documents: 1000,
      }),
    ).toEqual([]);
    expect(
      validateModelParams('anthropic', 'ner', {
        labels: ['person', 'organization'],
        temperature: 0,
      }),
    ).toEqual([]);
  });

  it('accepts empty params when the type requires none', () => {
    expect(validateModelParams('openai', 'generation', {})).toEqual([]);
  });

  it('refuses params that are not a plain object', () => {
    for (const params of [null, undefined, 'x', 3, [], new Date()]) {
      expect(validateModelParams('openai', 'generation', params)).toEqual([
        { field: 'params', message: 'must be an object' },
      ]);
    }
  });

  it('refuses an unknown parameter and lists the allowed ones', () => {
    expect(validateModelParams('anthropic', 'generation', { seed: 1 })).toEqual(
      [
        {
          field: 'params.seed',
          message:
            'unknown parameter for generation models on Anthropic; allowed: context_window, max_output_tokens, temperature, top_p, top_k',
        },
      ],
    );
  });

  it('refuses a fractional value for an integer parameter', () => {
    expect(validateModelParams('openai', 'generation', { top_k: 1.5 })).toEqual(
      [{ field: 'params.top_k', message: 'must be an integer' }],
    );
  });

  it('refuses NaN, Infinity and numeric strings where a number is expected', () => {
    for (const temperature of [NaN, Infinity, '0.5']) {
      expect(
        validateModelParams('openai', 'generation', { temperature }),
      ).toEqual([{ field: 'params.temperature', message: 'must be a number' }]);
    }
    expect(
      validateModelParams('openai', 'generation', { context_window: Infinity }),
    ).toEqual([
      { field: 'params.context_window', message: 'must be an integer' },
    ]);
  });

  it('refuses a non-boolean for a boolean parameter', () => {
    expect(
      validateModelParams('openai', 'embedding', {
        dimensions: 8,
        normalize: 'yes',
      }),
    ).toEqual([{ field: 'params.normalize', message: 'must be a boolean' }]);
  });

  it("refuses a value outside an enum parameter's options", () => {
    expect(
      validateModelParams('openai', 'embedding', {
        dimensions: 8,
        distance_metric: 'manhattan',
      }),
    ).toEqual([
      {
        field: 'params.distance_metric',
        message: 'must be one of cosine, dot, euclidean',
      },
    ]);
  });

  it('refuses a temperature above the shared maximum', () => {
    expect(
      validateModelParams('openai', 'generation', { temperature: 2.5 }),
    ).toEqual([
      { field: 'params.temperature', message: 'must be between 0 and 2' },
    ]);
  });

  it("refuses a temperature above Anthropic's maximum", () => {
    expect(
      validateModelParams('anthropic', 'generation', { temperature: 1.5 }),
    ).toEqual([
      { field: 'params.temperature', message: 'must be between 0 and 1' },
    ]);
    expect(
      validateModelParams('anthropic', 'ner', {
        labels: ['x'],
        temperature: 1.5,
      }),
    ).toEqual([
      { field: 'params.temperature', message: 'must be between 0 and 1' },
    ]);
  });

  it('refuses a missing required parameter', () => {
    expect(
      validateModelParams('openai', 'embedding', { normalize: true }),
    ).toEqual([
      {
        field: 'params.dimensions',
        message: 'is required for embedding models',
      },
    ]);
    expect(validateModelParams('openai', 'ner', {})).toEqual([
      { field: 'params.labels', message: 'is required for ner models' },
    ]);
  });

  it('treats an undefined value as not set', () => {
    expect(
      validateModelParams('openai', 'generation', { temperature: undefined }),
    ).toEqual([]);
    expect(
      validateModelParams('openai', 'embedding', { dimensions: undefined }),
    ).toEqual([
      {
        field: 'params.dimensions',
        message: 'is required for embedding models',
      },
    ]);
  });

  it('refuses labels that are not a list of strings', () => {
    for (const labels of ['person', ['person', 3], { 0: 'person' }]) {
      expect(validateModelParams('openai', 'ner', { labels })).toEqual([
        { field: 'params.labels', message: 'must be a list of strings' },
      ]);
    }
  });

  it('refuses an empty label list and one with more than 100 labels', () => {
    const tooMany = Array.from({ length: 101 }, (_, i) => `label${i}`);
    for (const labels of [[], tooMany]) {
      expect(validateModelParams('openai', 'ner', { labels })).toEqual([
        {
          field: 'params.labels',
          message: 'must have between 1 and 100 items',
        },
      ]);
    }
  });

  it('refuses blank labels and labels longer than 64 characters', () => {
    for (const bad of ['', '   ', 'x'.repeat(65)]) {
      expect(
        validateModelParams('openai', 'ner', { labels: ['person', bad] }),
      ).toEqual([
        {
          field: 'params.labels',
          message: 'each item must be 1 to 64 characters and not blank',
        },
      ]);
    }
    expect(
      validateModelParams('openai', 'ner', { labels: ['x'.repeat(64)] }),
    ).toEqual([]);
  });

  it('refuses max_output_tokens above context_window', () => {
    expect(
      validateModelParams('openai', 'generation', {
        context_window: 4096,
        max_output_tokens: 8192,
      }),
    ).toEqual([
      {
        field: 'params.max_output_tokens',
        message: 'must not exceed context_window (4096)',
      },
    ]);
  });

  it('allows max_output_tokens equal to context_window', () => {
    expect(
      validateModelParams('openai', 'generation', {
        context_window: 4096,
        max_output_tokens: 4096,
      }),
    ).toEqual([]);
  });

  it('skips the context_window comparison when either value is itself invalid', () => {
    expect(
      validateModelParams('openai', 'generation', {
        context_window: 0,
        max_output_tokens: 8192,
      }),
    ).toEqual([
      {
        field: 'params.context_window',
        message: 'must be between 1 and 10000000',
      },
    ]);
  });

  it('reports every error, not only the first', () => {
    expect(
      validateModelParams('anthropic', 'ner', {
        seed: 1,
        temperature: 3,
        top_k: 'many',
        context_window: 1000,
        max_output_tokens: 2000,
      }),
    ).toEqual([
      expect.objectContaining({ field: 'params.seed' }),
      { field: 'params.temperature', message: 'must be between 0 and 1' },
      { field: 'params.top_k', message: 'must be an integer' },
      { field: 'params.labels', message: 'is required for ner models' },
      {
        field: 'params.max_output_tokens',
        message: 'must not exceed context_window (1000)',
      },
    ]);
  });
});

describe('validateModelDefinition', () => {
  it('refuses a type the provider does not serve, naming the types it does serve', () => {
    expect(
      validateModelDefinition({
        provider: 'anthropic',
        type: 'embedding',
        params: { bogus: true },
      }),
    ).toEqual([
      {
        field: 'provider',
        message:
          'Anthropic does not serve embedding models; it serves generation, ner',
      },
    ]);
  });

  it('refuses rerank models on OpenAI', () => {
    expect(
      validateModelDefinition({ provider: 'openai', type: 'rerank' }),
    ).toEqual([
      {
        field: 'provider',
        message:
          'OpenAI does not serve rerank models; it serves embedding, generation, ner',
      },
    ]);
  });

  it('treats missing params as empty', () => {
    expect(
      validateModelDefinition({ provider: 'cohere', type: 'rerank' }),
    ).toEqual([]);
    expect(
      validateModelDefinition({ provider: 'openai', type: 'embedding' }),
    ).toEqual([
      {
        field: 'params.dimensions',
        message: 'is required for embedding models',
      },
    ]);
  });

  it('returns the params errors for a served type', () => {
    expect(
      validateModelDefinition({
        provider: 'cohere',
        type: 'generation',
        params: { temperature: 1.2 },
      }),
    ).toEqual([
      { field: 'params.temperature', message: 'must be between 0 and 1' },
    ]);
  });

  it('accepts a valid definition', () => {
    expect(
      validateModelDefinition({
        provider: 'bedrock',
        type: 'generation',
        params: validGeneration,
      }),
    ).toEqual([]);
  });
});
