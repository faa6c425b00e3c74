import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  ProviderDouble,
  ProviderDoubleOptions,
  RecordedRequest,
} from '../provider-double.types';
import {
  type DoubleDefinition,
  DoubleFailure,
  type DoubleReply,
  type DoubleRequest,
  type RouteResult,
} from './double-definition';

/** Starts a double on 127.0.0.1 on a free port. */
export async function serveDouble(
  definition: DoubleDefinition,
  options: ProviderDoubleOptions,
): Promise<ProviderDouble> {
  const routes = definition.routes({
    models: options.models ?? definition.defaultModels,
    pageSize: options.pageSize,
  });
  const requests: RecordedRequest[] = [];
  let url = '';

  function answer(
    request: DoubleRequest,
    recorded: RecordedRequest,
  ): RouteResult {
    const refusal = definition.refuse(request, options.apiKey);
    if (options.echoRequestInErrors) {
      const echo = `Echoed request: ${request.method} ${url}${recorded.path} with headers ${JSON.stringify(request.headers)}`;
      return new DoubleFailure(refusal?.status ?? 400, echo, refusal?.code);
    }
    if (refusal) return refusal;
    const route = routes.find(
      (candidate) =>
        candidate.method === request.method && candidate.path === request.path,
    );
    return route ? route.handle(request) : definition.unknownRoute(request);
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const request = await readRequest(req);
    const recorded: RecordedRequest = {
      method: request.method,
      path: req.url ?? '/',
      headers: request.headers,
      body: request.body,
    };
    requests.push(recorded);
    const result = answer(request, recorded);
    send(
      res,
      result instanceof DoubleFailure
        ? { status: result.status, body: definition.errorBody(result) }
        : result,
    );
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, { status: 500, body: `double failed: ${String(error)}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    baseUrl: `${url}${definition.basePath}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // Clients keep connections alive; without this, close waits for them to time out.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readRequest(req: IncomingMessage): Promise<DoubleRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url ?? '/', 'http://double');
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: Object.fromEntries(
      Object.entries(req.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(', ') : (value ?? ''),
      ]),
    ),
    body: Buffer.concat(chunks).toString('utf8'),
  };
}

function send(res: ServerResponse, reply: DoubleReply): void {
  const text = typeof reply.body === 'string' ? reply.body : null;
  res.writeHead(reply.status, {
    'content-type':
      text === null ? 'application/json' : 'text/plain; charset=utf-8',
  });
  res.end(text ?? JSON.stringify(reply.body));
}
