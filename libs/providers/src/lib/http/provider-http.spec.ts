import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { openAiDialect } from '../dialects/openai.dialect';
import { createEgressPolicy } from '../egress/egress-policy';
import { createProviderEgress } from '../egress/provider-egress';
import { expectArray, expectRecord } from './json-shape';
import { createProviderHttp, type RequestOptions } from './provider-http';
import { ProviderRequestError } from './provider-request-error';

const KEY = 'sk-test-http-5d1e90';

/** A bare server for what the provider doubles never do: hang, redirect, answer garbage. */
async function startServer(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(status: number, body: unknown) {
  return (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
}

function openAiError(message: string) {
  return {
    error: { message, type: 'invalid_request_error', param: null, code: null },
  };
}

const listData = (body: unknown) =>
  expectArray(expectRecord(body, 'the body')['data'], 'data');

describe('createProviderHttp', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  afterEach(() => server.close());

  function get(options: RequestOptions = {}, baseUrl = `${server.url}/v1`) {
    const target = {
      provider: 'openai' as const,
      baseUrl,
      settings: {},
      credentials: { apiKey: KEY },
    };
    return createProviderHttp(target, openAiDialect, options).get(
      '/models',
      listData,
    );
  }

  it('appends the path to the base URL without its trailing slashes', async () => {
    server = await startServer(json(200, { data: [] }));
    await expect(get({}, `${server.url}/v1//`)).resolves.toEqual([]);
    expect(server.hits).toEqual(['/v1/models']);
  });

  it('times out a provider that does not answer', async () => {
    server = await startServer(() => undefined);
    await expect(get({ timeoutMs: 100 })).rejects.toMatchObject({
      code: 'timeout',
      status: null,
      message: 'OpenAI did not answer within 100 ms',
    });
  });

  it("rejects with the caller's reason when the caller aborts", async () => {
    server = await startServer(() => undefined);
    const controller = new AbortController();
    const listing = get({ signal: controller.signal });
    controller.abort(new Error('the admin left the page'));
    await expect(listing).rejects.toThrow('the admin left the page');
  });

  it.each([
    [403, 'forbidden'],
    [404, 'not_found'],
    [429, 'rate_limited'],
    [400, 'provider_error'],
    [503, 'provider_error'],
  ])('maps HTTP %i to %s with the provider message', async (status, code) => {
    server = await startServer(json(status, openAiError('Slow down.')));
    await expect(get()).rejects.toMatchObject({
      code,
      status,
      message: `OpenAI answered ${status}: Slow down.`,
    });
  });

  it('scrubs the key out of the provider message and truncates it to 200 characters', async () => {
    server = await startServer(
      json(
        500,
        openAiError(`${'x'.repeat(100)} key ${KEY} ${'y'.repeat(200)}`),
      ),
    );
    const error = (await get().catch(
      (e: unknown) => e,
    )) as ProviderRequestError;
    const detail = error.message.replace('OpenAI answered 500: ', '');
    expect(detail).toHaveLength(200);
    expect(detail).toContain('key [redacted]');
    expect(error.message).not.toContain(KEY.slice(0, 8));
  });

  it('gives only the status when an error body is not JSON', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    });
    await expect(get()).rejects.toMatchObject({
      code: 'provider_error',
      message: 'OpenAI answered 502',
    });
  });

  it('reports a success that is not JSON as bad_response', async () => {
    server = await startServer((_req, res) => res.end('hello'));
    await expect(get()).rejects.toMatchObject({
      code: 'bad_response',
      status: 200,
      message: 'OpenAI answered 200 with a body that is not JSON',
    });
  });

  it('reports JSON of the wrong shape as bad_response', async () => {
    server = await startServer(json(200, { data: 3 }));
    await expect(get()).rejects.toMatchObject({
      code: 'bad_response',
      message:
        'OpenAI answered 200 with an unexpected body: data is not a list',
    });
  });

  it('does not follow redirects, which would carry the key to another host', async () => {
    const elsewhere = await startServer(json(200, { data: [] }));
    server = await startServer((_req, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/v1/models` });
      res.end();
    });
    await expect(get()).rejects.toMatchObject({
      code: 'redirect_refused',
      status: 307,
      message:
        'OpenAI answered 307: redirects are not followed; use the address it points to as the base URL',
    });
    expect(elsewhere.hits).toEqual([]);
    await elsewhere.close();
  });

  it('does not follow a redirect even with a fetch that would', async () => {
    const elsewhere = await startServer(json(200, { data: [] }));
    server = await startServer((_req, res) => {
      res.writeHead(302, { location: `${elsewhere.url}/v1/models` });
      res.end();
    });
    await expect(
      get({ fetch: (url, init) => fetch(url, init) }),
    ).rejects.toMatchObject({
      code: 'redirect_refused',
      status: 302,
    });
    expect(elsewhere.hits).toEqual([]);
    await elsewhere.close();
  });

  it('calls no address the egress policy denies', async () => {
    server = await startServer(json(200, { data: [] }));
    const port = new URL(server.url).port;
    const policy = createEgressPolicy(['127.0.0.0/8']);
    const egress = createProviderEgress(policy);
    const error = await get(
      { fetch: egress.fetch },
      `http://127.0.0.1:${port}/v1`,
    ).catch((e: unknown) => e);
    await egress.close();
    expect(error).toMatchObject({
      code: 'egress_denied',
      status: null,
      message:
        "Did not call OpenAI: the registry's egress policy does not allow 127.0.0.1 (denied range 127.0.0.0/8)",
    });
    expect(server.hits).toEqual([]);
  });

  it('drops the network error, which can quote the URL', async () => {
    server = await startServer(() => undefined);
    await server.close();
    const error = (await get({}, `${server.url}/v1?token=${KEY}`).catch(
      (e: unknown) => e,
    )) as ProviderRequestError;
    expect(error).toBeInstanceOf(ProviderRequestError);
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe(`Could not reach OpenAI at ${server.url}`);
    expect(error.cause).toBeUndefined();
  });
});
