import { dbRow, listed, merge, proxyError } from './proxy-wire';

describe('proxy wire format', () => {
  it('lists a deployment without its credentials and with names like one masked', () => {
    const row = listed([
      'id-1',
      {
        model_name: 'gpt',
        litellm_params: {
          model: 'openai/gpt-4o',
          api_key: 'sk-secret-value',
          max_tokens: 4096,
          organization: 'org-1',
        },
        model_info: { base_model: 'gpt-4o' },
      },
    ]) as {
      litellm_params: Record<string, unknown>;
      model_info: Record<string, unknown>;
    };
    expect(row.litellm_params).not.toHaveProperty('api_key');
    expect(row.litellm_params['max_tokens']).toBe('****');
    expect(row.litellm_params['organization']).toBe('org-1');
    expect(row.litellm_params['use_litellm_proxy']).toBe(false);
    expect(row.model_info).toMatchObject({
      id: 'id-1',
      litellm_provider: 'openai',
      base_model: 'gpt-4o',
      db_model: true,
    });
  });

  it('lists config-file deployments with db_model false', () => {
    const row = listed([
      'id-2',
      {
        model_name: 'cfg',
        litellm_params: { model: 'openai/x' },
        model_info: {},
        config: true,
      },
    ]) as { model_info: Record<string, unknown> };
    expect(row.model_info['db_model']).toBe(false);
  });

  it('answers writes with the stored row, string params encrypted', () => {
    const row = dbRow('id-3', {
      model_name: 'm',
      litellm_params: { model: 'openai/x', rpm: 10 },
      model_info: { id: 'id-3' },
    }) as { model_id: string; litellm_params: Record<string, unknown> };
    expect(row.model_id).toBe('id-3');
    expect(row.litellm_params['model']).toMatch(/^v3:gcm:/);
    expect(row.litellm_params['rpm']).toBe(10);
  });

  it('merges changes, keeping values sent as null', () => {
    expect(merge({ a: 1, b: 2 }, { a: null, b: 3, c: 4 })).toEqual({
      a: 1,
      b: 3,
      c: 4,
    });
  });

  it('wraps errors in the ProxyException envelope', () => {
    expect(proxyError(400, 'nope')).toMatchObject({
      status: 400,
      body: {
        error: { message: 'nope', type: 'auth_error', code: '400' },
      },
    });
  });
});
