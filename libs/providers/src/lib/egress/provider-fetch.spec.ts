import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EgressDeniedError, RedirectRefusedError } from './egress-errors';
import { createEgressPolicy, type EgressPolicy } from './egress-policy';
import { createGuardedNodeAgents } from './node-agents';
import { createProviderEgress, type ProviderEgress } from './provider-egress';

interface Listener {
  server: Server;
  url: string;
  /** Every connection the listener accepted, and the headers of each request. */
  connections: number;
  requests: Array<Record<string, string | string[] | undefined>>;
}

async function listen(
  host: string,
  answer: (url: string) => {
    status: number;
    headers?: Record<string, string>;
    body?: string;
  },
): Promise<Listener> {
  const listener: Listener = {
    server: createServer(),
    url: '',
    connections: 0,
    requests: [],
  };
  listener.server.on('connection', () => (listener.connections += 1));
  listener.server.on('request', (request, response) => {
    listener.requests.push(request.headers);
    const { status, headers, body } = answer(request.url ?? '/');
    response.writeHead(status, headers).end(body);
  });
  await new Promise<void>((resolve) =>
    listener.server.listen(0, host, resolve),
  );
  const { port } = listener.server.address() as AddressInfo;
  listener.url = `http://${host}:${port}`;
  return listener;
}

const opened: ProviderEgress[] = [];
afterEach(() => Promise.all(opened.splice(0).map((egress) => egress.close())));

/** The provider fetch under `policy`; its agents are closed after the test. */
function fetchUnder(policy: EgressPolicy): typeof fetch {
  const egress = createProviderEgress(policy);
  opened.push(egress);
  return egress.fetch;
}

const close = (listener: Listener) =>
  new Promise((resolve) => listener.server.close(resolve));

describe('the provider fetch', () => {
  const listeners: Listener[] = [];
  afterEach(async () => {
    await Promise.all(listeners.splice(0).map(close));
  });

  it('answers what the server answered when it is not a redirect', async () => {
    const server = await listen('127.0.0.1', () => ({
      status: 401,
      body: '{"error":{"message":"bad key"}}',
    }));
    listeners.push(server);
    const response = await fetchUnder(createEgressPolicy())(
      `${server.url}/v1/models`,
      { headers: { 'x-api-key': 'sk-fetch-secret' } },
    );
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('{"error":{"message":"bad key"}}');
    expect(server.requests[0]['x-api-key']).toBe('sk-fetch-secret');
  });

  it.each([301, 302, 303, 307, 308])(
    'refuses a %i and never calls where it points',
    async (status) => {
      const target = await listen('127.0.0.1', () => ({ status: 200 }));
      const redirector = await listen('127.0.0.1', () => ({
        status,
        headers: { location: `${target.url}/stolen` },
      }));
      listeners.push(target, redirector);
      const call = fetchUnder(createEgressPolicy())(
        `${redirector.url}/v1/chat`,
        {
          method: 'POST',
          headers: { 'x-api-key': 'sk-fetch-secret' },
          body: '{}',
        },
      );
      await expect(call).rejects.toThrow(RedirectRefusedError);
      await expect(call).rejects.toThrow(
        `${redirector.url} answered ${status}; redirects are not followed`,
      );
      expect(target.connections).toBe(0);
    },
  );

  it('refuses a denied address before connecting, naming the address and not the key', async () => {
    const denied = await listen('127.0.0.2', () => ({ status: 200 }));
    listeners.push(denied);
    const policy = createEgressPolicy(['127.0.0.2/32']);
    const error = await fetchUnder(policy)(`${denied.url}/v1/models`, {
      headers: { authorization: 'Bearer sk-fetch-secret' },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EgressDeniedError);
    expect((error as Error).message).toBe(
      "EGRESS_DENIED: the registry's egress policy does not allow 127.0.0.2 (denied range 127.0.0.2/32)",
    );
    expect(
      JSON.stringify(error, Object.getOwnPropertyNames(error)),
    ).not.toContain('sk-fetch-secret');
    expect(denied.connections).toBe(0);
  });

  it('checks the address a name resolves to', async () => {
    const server = await listen('127.0.0.1', () => ({ status: 200 }));
    listeners.push(server);
    const { port } = server.server.address() as AddressInfo;
    const deniedLoopback = fetchUnder(
      createEgressPolicy(['127.0.0.0/8', '::1/128']),
    );
    const error = await deniedLoopback(`http://localhost:${port}/`).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(EgressDeniedError);
    expect(server.connections).toBe(0);
    const allowed = await fetchUnder(createEgressPolicy())(
      `http://localhost:${port}/`,
    );
    expect(allowed.status).toBe(200);
  });
});

describe('the guarded node agents', () => {
  it.each(['address', 'name'] as const)(
    'refuse a denied %s before connecting',
    async (kind) => {
      const connections: number[] = [];
      const server = createServer((_, response) => response.end('ok'));
      server.on('connection', () => connections.push(1));
      await new Promise<void>((resolve) =>
        server.listen(0, '127.0.0.1', resolve),
      );
      const { port } = server.address() as AddressInfo;
      const { httpAgent } = createGuardedNodeAgents(
        createEgressPolicy(['127.0.0.0/8', '::1/128']),
      );
      const host = kind === 'address' ? '127.0.0.1' : 'localhost';
      const error = await new Promise<unknown>((resolve) => {
        const request = httpRequest(
          { host, port, agent: httpAgent, path: '/' },
          () => resolve(null),
        );
        request.on('error', resolve);
        request.end();
      });
      httpAgent.destroy();
      await new Promise((resolve) => server.close(resolve));
      expect(error).toBeInstanceOf(EgressDeniedError);
      expect(connections).toHaveLength(0);
    },
  );
});
