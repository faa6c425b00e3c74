import { type LiteLLMDouble } from './litellm-double.types';
import { startLiteLLMDouble } from './start-litellm-double';

const KEY = 'sk-litellm-master-test';

describe('startLiteLLMDouble', () => {
  let double: LiteLLMDouble;
  beforeEach(async () => {
    double = await startLiteLLMDouble({ masterKey: KEY });
  });
  afterEach(() => double.close());

  async function call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${double.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${KEY}`,
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as unknown,
    };
  }

  it('listens on loopback', () => {
    expect(new URL(double.url).hostname).toBe('127.0.0.1');
  });

  it('refuses calls without the master key', async () => {
    const response = await fetch(`${double.url}/model/info`);
    expect(response.status).toBe(401);
  });

  it('stores a model, lists it, and answers a duplicate id with a 500', async () => {
    const model = {
      model_name: 'gpt',
      litellm_params: { model: 'openai/gpt-4o' },
      model_info: { id: 'one' },
    };
    expect((await call('POST', '/model/new', model)).status).toBe(200);
    expect((await call('POST', '/model/new', model)).status).toBe(500);
    const page = await call('GET', '/v2/model/info?size=10');
    expect(page.body).toMatchObject({ total_count: 1, current_page: 1 });
    expect(double.reads()).toBe(1);
    expect(double.writes()).toBe(2);
  });

  it('does not list a row saved but not live until the router reloads', async () => {
    double.failNextCreateSavedButNotLive();
    const created = await call('POST', '/model/new', {
      model_name: 'gpt',
      litellm_params: { model: 'openai/gpt-4o' },
      model_info: { id: 'two' },
    });
    expect(created.status).toBe(500);
    expect((await call('GET', '/model/info')).body).toEqual({ data: [] });
    double.reloadRouter();
    expect((await call('GET', '/model/info')).body).toMatchObject({
      data: [{ model_info: { id: 'two' } }],
    });
  });

  it('answers 503 when down in that mode, and again normally when up', async () => {
    await double.down(503);
    expect((await call('GET', '/model/info')).status).toBe(503);
    await double.up();
    expect((await call('GET', '/model/info')).status).toBe(200);
  });
});
