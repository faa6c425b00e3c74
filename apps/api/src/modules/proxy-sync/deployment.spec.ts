import {
  canonicalJson,
  driftOf,
  fingerprintOf,
  isRegistryDeployment,
  toDeployment,
} from './deployment';
import { type ListedDeployment } from './litellm/litellm-wire';

const ID = '3f0c8a52-5d7e-4c1b-9a2e-6f1d2c3b4a59';

const desired = toDeployment(
  { id: ID, name: 'Qwen', type: 'generation' },
  {
    model: 'openai/qwen2.5-7b',
    api_base: 'http://vllm:8000/v1',
    api_key: 'sk-real-key-123456',
    temperature: 0.2,
  },
);

/** The deployment as LiteLLM would list it: key removed, enrichment merged in. */
function listed(
  changes: {
    params?: Record<string, unknown>;
    info?: Record<string, unknown>;
  } = {},
): ListedDeployment {
  const { api_key: _key, ...params } = desired.litellm_params;
  return {
    model_name: desired.model_name,
    litellm_params: {
      ...params,
      use_in_pass_through: false,
      ...changes.params,
    },
    model_info: {
      key: 'openai/qwen2.5-7b',
      max_input_tokens: null,
      ...desired.model_info,
      db_model: true,
      ...changes.info,
    },
  };
}

describe('toDeployment', () => {
  it('names the deployment db-<uuid>, keeps the uuid as its id and sets the mode', () => {
    expect(desired.model_name).toBe(`db-${ID}`);
    expect(desired.model_info).toEqual({
      id: ID,
      mode: 'chat',
      registry_name: 'Qwen',
      registry_type: 'generation',
    });
    for (const [type, mode] of [
      ['ner', 'chat'],
      ['embedding', 'embedding'],
      ['rerank', 'rerank'],
    ] as const)
      expect(
        toDeployment({ id: ID, name: 'x', type }, { model: 'm' }).model_info
          .mode,
      ).toBe(mode);
  });
});

describe('fingerprintOf', () => {
  it('is the same for the same content in any key order', () => {
    const reordered = {
      model_info: { ...desired.model_info },
      litellm_params: {
        temperature: 0.2,
        api_key: 'sk-real-key-123456',
        api_base: 'http://vllm:8000/v1',
        model: 'openai/qwen2.5-7b',
      },
      model_name: desired.model_name,
    };
    expect(fingerprintOf(reordered)).toBe(fingerprintOf(desired));
  });

  it('changes with the key, and never contains it', () => {
    const rotated = {
      ...desired,
      litellm_params: { ...desired.litellm_params, api_key: 'sk-rotated-9876' },
    };
    expect(fingerprintOf(rotated)).not.toBe(fingerprintOf(desired));
    expect(fingerprintOf(desired)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('driftOf', () => {
  it('sees no drift in a listing that only lacks the key and adds LiteLLM’s own fields', () => {
    expect(driftOf(listed(), desired)).toBe('none');
  });

  it('patches a changed plain param, name or model_info field', () => {
    expect(
      driftOf(listed({ params: { api_base: 'http://evil/v1' } }), desired),
    ).toBe('patch');
    expect(driftOf({ ...listed(), model_name: 'renamed' }, desired)).toBe(
      'patch',
    );
    expect(driftOf(listed({ info: { mode: 'embedding' } }), desired)).toBe(
      'patch',
    );
  });

  it('never compares a masked credential', () => {
    expect(
      driftOf(listed({ params: { aws_session_token: 'abcd****wxyz' } }), {
        ...desired,
        litellm_params: {
          ...desired.litellm_params,
          aws_session_token: 'the-real-session-token',
        },
      }),
    ).toBe('none');
  });

  it('re-creates a deployment holding a plain param we no longer send', () => {
    expect(driftOf(listed({ params: { top_p: 0.5 } }), desired)).toBe(
      'replace',
    );
  });
});

describe('isRegistryDeployment', () => {
  it('claims db-* deployments stored in LiteLLM’s database only', () => {
    expect(isRegistryDeployment(listed())).toBe(true);
    expect(
      isRegistryDeployment({ ...listed(), model_name: 'team-gpt-4o' }),
    ).toBe(false);
    expect(isRegistryDeployment(listed({ info: { db_model: false } }))).toBe(
      false,
    );
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: [{ d: 1, c: undefined, a: 2 }], a: null })).toBe(
      '{"a":null,"b":[{"a":2,"d":1}]}',
    );
  });
});
