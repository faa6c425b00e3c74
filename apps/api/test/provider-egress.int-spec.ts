import { type ConnectionTest } from '@llm-registry/contracts';
import {
  DOUBLE_MODELS,
  DOUBLE_PROVIDERS,
  startProviderDouble,
  type DoubleProvider,
  type ProviderDouble,
} from '@llm-registry/testing/provider-doubles';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testBackends } from './support/backends';
import { waitForTests } from './support/connection-tests';
import { startTestApp, type TestApp } from './support/test-app';

const MODELS = '/api/v1/admin/models';
const PROVIDERS = '/api/v1/admin/providers';
const KEY = 'sk-egress-secret-7c1d93fa20b6';
/** Loopback, yet denied for this suite: nothing may ever connect there. */
const DENIED_HOST = '127.0.0.2';

/** A bare loopback server that counts connections before any HTTP is spoken. */
interface Listener {
  url: string;
  connections: number;
  requests: string[];
  close(): Promise<void>;
}

async function listen(
  host: string,
  answer: (path: string) => {
    status: number;
    headers?: Record<string, string>;
    body?: string;
  },
): Promise<Listener> {
  const server: Server = createServer((request, response) => {
    listener.requests.push(
      `${request.method} ${request.url} ${JSON.stringify(request.headers)}`,
    );
    const { status, headers, body } = answer(request.url ?? '/');
    response.writeHead(status, headers).end(body);
  });
  const listener: Listener = {
    url: '',
    connections: 0,
    requests: [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server.on('connection', () => (listener.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  listener.url = `http://${host}:${(server.address() as AddressInfo).port}`;
  return listener;
}

/** The double's base URL with another origin: same path, so the SDK builds the same requests. */
function sameBaseUrlAt(double: ProviderDouble, origin: string): string {
  return `${origin}${new URL(double.baseUrl).pathname.replace(/\/$/, '')}`;
}

describe.each(testBackends())('provider egress on %s', (backend) => {
  let t: TestApp;
  const listeners: Listener[] = [];
  const doubles: ProviderDouble[] = [];

  beforeAll(async () => {
    t = await startTestApp(backend, {
      egressDeny: [`${DENIED_HOST}/32`],
      connectionTests: {
        concurrency: 4,
        rateLimit: 0,
        rateWindowMs: 60_000,
        timeoutMs: 5000,
        attempts: 1,
      },
    });
  });

  afterAll(async () => {
    await t?.close();
    await Promise.all(
      [...listeners, ...doubles].map((server) => server.close()),
    );
  });

  let created = 0;
  async function connection(
    provider: DoubleProvider,
    baseUrl: string,
  ): Promise<string> {
    const connection = await t.request({
      method: 'POST',
      url: PROVIDERS,
      body: {
        name: `${provider} at ${baseUrl} #${(created += 1)}`,
        provider,
        baseUrl,
        apiKey: KEY,
      },
    });
    expect(connection.status).toBe(201);
    return connection.body.id;
  }

  async function testModel(
    provider: DoubleProvider,
    connectionId: string,
  ): Promise<ConnectionTest> {
    const model = await t.request({
      method: 'POST',
      url: MODELS,
      body: {
        name: `${provider} egress ${connectionId}`,
        type: 'generation',
        provider,
        modelName: DOUBLE_MODELS[provider].chat,
        providerConnectionId: connectionId,
        params: {},
      },
    });
    expect(model.status).toBe(201);
    const accepted = await t.request({
      method: 'POST',
      url: `${MODELS}/${model.body.id}/test`,
    });
    expect(accepted.status).toBe(202);
    const [result] = await waitForTests(t, [accepted.body.id]);
    return result;
  }

  /** No part of the key (8 characters or more) in what the API shows. */
  function expectNoKey(shown: unknown) {
    const text = JSON.stringify(shown);
    for (let start = 0; start + 8 <= KEY.length; start++)
      expect(text).not.toContain(KEY.slice(start, start + 8));
  }

  it.each(DOUBLE_PROVIDERS)(
    'refuses a redirect on the %s SDK path and sends nothing where it points',
    async (provider) => {
      const double = await startProviderDouble(provider, { apiKey: KEY });
      doubles.push(double);
      const redirector = await listen('127.0.0.1', (path) => ({
        status: 307,
        headers: { location: `${double.url}${path}` },
      }));
      listeners.push(redirector);
      const result = await testModel(
        provider,
        await connection(provider, sameBaseUrlAt(double, redirector.url)),
      );
      expect(result).toMatchObject({
        status: 'failed',
        category: 'bad_response',
      });
      expect(result.message).toContain(
        'answered 307; redirects are not followed',
      );
      expect(redirector.requests).toHaveLength(1);
      expect(double.requests).toEqual([]);
      expectNoKey(result);
    },
  );

  it('refuses a redirect on discovery and sends nothing where it points', async () => {
    const double = await startProviderDouble('openai', { apiKey: KEY });
    doubles.push(double);
    const redirector = await listen('127.0.0.1', (path) => ({
      status: 302,
      headers: { location: `${double.url}${path}` },
    }));
    listeners.push(redirector);
    const id = await connection(
      'openai',
      sameBaseUrlAt(double, redirector.url),
    );
    const listing = await t.request({
      method: 'GET',
      url: `${PROVIDERS}/${id}/remote-models`,
    });
    expect(listing.status).toBeGreaterThanOrEqual(400);
    expect(listing.status).toBeLessThan(600);
    expect(listing.body.detail).toContain('redirect_refused');
    expect(listing.body.detail).toContain('redirects are not followed');
    expect(double.requests).toEqual([]);
    expectNoKey(listing.body);
  });

  describe(`with ${DENIED_HOST} denied`, () => {
    let denied: Listener;
    beforeAll(async () => {
      denied = await listen(DENIED_HOST, () => ({ status: 200, body: '{}' }));
      listeners.push(denied);
    });
    afterEach(() => expect(denied.connections).toBe(0));

    it.each(['openai', 'anthropic', 'gemini', 'cohere', 'ollama'] as const)(
      'fails a saved %s model test as egress_denied without connecting',
      async (provider) => {
        const result = await testModel(
          provider,
          await connection(provider, `${denied.url}/v1`),
        );
        expect(result).toMatchObject({
          status: 'failed',
          category: 'egress_denied',
        });
        expect(result.message).toContain(
          `does not allow ${DENIED_HOST} (denied range ${DENIED_HOST}/32)`,
        );
        expectNoKey(result);
      },
    );

    it('fails a draft test with its own key as egress_denied without connecting', async () => {
      const accepted = await t.request({
        method: 'POST',
        url: `${MODELS}/test`,
        body: {
          type: 'generation',
          provider: 'openai_compatible',
          modelName: DOUBLE_MODELS.openai_compatible.chat,
          params: {},
          connection: { baseUrl: `${denied.url}/v1`, apiKey: KEY },
        },
      });
      expect(accepted.status).toBe(202);
      const [result] = await waitForTests(t, [accepted.body.id]);
      expect(result).toMatchObject({
        status: 'failed',
        subject: 'draft',
        category: 'egress_denied',
      });
      expectNoKey(result);
    });

    it('fails a provider test (discovery) as egress_denied without connecting', async () => {
      const id = await connection('openai', `${denied.url}/v1`);
      const accepted = await t.request({
        method: 'POST',
        url: `${PROVIDERS}/${id}/test`,
      });
      expect(accepted.status).toBe(202);
      const [result] = await waitForTests(t, [accepted.body.id]);
      expect(result).toMatchObject({
        status: 'failed',
        category: 'egress_denied',
      });
      expect(result.message).toContain(DENIED_HOST);
      const listing = await t.request({
        method: 'GET',
        url: `${PROVIDERS}/${id}/remote-models`,
      });
      expect(listing.body.detail).toContain('egress_denied');
      expect(listing.body.detail).toContain(DENIED_HOST);
      expectNoKey(listing.body);
    });
  });

  it.each(['openai', 'anthropic', 'ollama', 'cohere', 'gemini'] as const)(
    'keeps an HTML error page from %s out of the test result',
    async (provider) => {
      const gateway = await listen('127.0.0.1', () => ({
        status: 502,
        headers: { 'content-type': 'text/html' },
        body: `<html><body><h1>Bad Gateway</h1><pre>upstream said ${KEY}</pre></body></html>`,
      }));
      listeners.push(gateway);
      const path =
        provider === 'gemini' ? '/v1beta' : provider === 'openai' ? '/v1' : '';
      const result = await testModel(
        provider,
        await connection(provider, `${gateway.url}${path}`),
      );
      expect(result).toMatchObject({
        status: 'failed',
        category: 'bad_response',
      });
      expect(result.message).toMatch(
        /^The provider sent an answer that could not be used \(HTTP 502\)/,
      );
      expect(result.message).not.toMatch(/html|Bad Gateway|upstream/i);
      expectNoKey(result);
    },
  );
});
