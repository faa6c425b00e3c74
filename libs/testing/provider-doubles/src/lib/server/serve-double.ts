import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  DoubleBehaviour,
  DoubleModel,
  ProviderDouble,
  ProviderDoubleOptions,
  RecordedRequest,
} from '../provider-double.types';
import {
  type DoubleDefinition,
  DoubleFailure,
  type DoubleReply,
  type DoubleRequest,
  EventStream,
  type InferenceRoute,
  type JsonObject,
  type Route,
  type RouteResult,
} from './double-definition';

const DEFAULT_SLOW_MS = 5000;
const DEFAULT_EMBEDDING_LENGTH = 8;
/** Not valid JSON, whatever the route: an object cut off in the middle. */
const BROKEN_JSON = '{"id":"malformed","choices":[{"index":0,';

/** Starts a double on 127.0.0.1 on a free port. */
export async function serveDouble(
  definition: DoubleDefinition,
  options: ProviderDoubleOptions,
): Promise<ProviderDouble> {
  const models = options.models ?? definition.defaultModels;
  const routes = definition.routes({ models, pageSize: options.pageSize });
  const requests: RecordedRequest[] = [];
  const waits = new Set<() => void>();
  let behaviour: DoubleBehaviour = options.behaviour ?? 'ok';
  let url = '';

  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waits.delete(cancel);
        resolve();
      }, ms);
      // On close the request is cut off; the promise is simply left pending.
      const cancel = () => clearTimeout(timer);
      waits.add(cancel);
    });
  }

  async function infer(
    route: InferenceRoute,
    request: DoubleRequest,
  ): Promise<RouteResult> {
    const body = parseObject(request.body);
    if (!body) return new DoubleFailure(400, 'the body is not a JSON object');
    const current = behaviour;
    const modelId =
      (route.modelId ?? bodyModel)(request, body) ??
      defaultModel(models, route.kind)?.id ??
      '';
    const failure = failureFor(definition, current, modelId);
    if (failure) return failure;
    if (current === 'slow') await wait(options.slowMs ?? DEFAULT_SLOW_MS);
    const namesModel = definition.namesModel ?? ((m, id) => m.id === id);
    const model = models.find((candidate) => namesModel(candidate, modelId));
    if (!model) return definition.failures.notFound(modelId);
    const result = route.handle({
      request,
      body,
      model,
      modelId,
      embeddingSize: (requested) => {
        const size =
          typeof requested === 'number' && requested > 0
            ? requested
            : (model.embeddingLength ?? DEFAULT_EMBEDDING_LENGTH);
        if (current !== 'wrong_dimensions') return size;
        return size > 1 ? Math.floor(size / 2) : 2;
      },
    });
    return current === 'malformed' && !(result instanceof DoubleFailure)
      ? malformed(result)
      : result;
  }

  async function answer(
    request: DoubleRequest,
    recorded: RecordedRequest,
  ): Promise<RouteResult> {
    const refusal = definition.refuse(request, options.apiKey);
    if (options.echoRequestInErrors) {
      const echo = `Echoed request: ${request.method} ${url}${recorded.path} with headers ${JSON.stringify(request.headers)}`;
      return new DoubleFailure(refusal?.status ?? 400, echo, refusal?.code);
    }
    if (refusal) return refusal;
    const route = routes.find((candidate) => matches(candidate, request));
    if (!route) return definition.unknownRoute(request);
    return route.kind === undefined
      ? route.handle(request)
      : infer(route, request);
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
    const result = await answer(request, recorded);
    if (result instanceof DoubleFailure) {
      send(
        res,
        { status: result.status, body: definition.errorBody(result) },
        result.headers,
      );
    } else {
      send(res, result);
    }
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
    get behaviour() {
      return behaviour;
    },
    set behaviour(next: DoubleBehaviour) {
      behaviour = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const cancel of waits) cancel();
        waits.clear();
        // Clients keep connections alive, and slow answers hold theirs open; cut them all.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The provider's error for a failing behaviour, or null when the request should go on. */
function failureFor(
  definition: DoubleDefinition,
  behaviour: DoubleBehaviour,
  modelId: string,
): DoubleFailure | null {
  const { failures } = definition;
  switch (behaviour) {
    case 'unauthorized':
      return failures.unauthorized;
    case 'not_found':
      return failures.notFound(modelId);
    case 'rate_limited':
      return withHeaders(failures.rateLimited, { 'retry-after': '1' });
    case 'quota':
      return failures.quota;
    case 'server_error':
      return failures.serverError;
    case 'ok':
    case 'slow':
    case 'malformed':
    case 'wrong_dimensions':
      return null;
  }
}

function withHeaders(
  failure: DoubleFailure,
  headers: Record<string, string>,
): DoubleFailure {
  return new DoubleFailure(failure.status, failure.message, failure.code, {
    ...failure.headers,
    ...headers,
  });
}

/** The same kind of answer (stream or not), but not JSON a client can read. */
function malformed(reply: DoubleReply): DoubleReply {
  return reply.body instanceof EventStream
    ? {
        status: 200,
        body: new EventStream(reply.body.framing, [{ data: BROKEN_JSON }]),
      }
    : { status: 200, body: BROKEN_JSON, contentType: 'application/json' };
}

function matches(route: Route, request: DoubleRequest): boolean {
  if (route.method !== request.method) return false;
  return typeof route.path === 'string'
    ? route.path === request.path
    : new RegExp(`^(?:${route.path.source})$`).test(request.path);
}

function bodyModel(_request: DoubleRequest, body: JsonObject) {
  const model = body['model'];
  return typeof model === 'string' && model !== '' ? model : undefined;
}

function defaultModel(
  models: DoubleModel[],
  kind: InferenceRoute['kind'],
): DoubleModel | undefined {
  return models.find((model) => (model.kind ?? 'chat') === kind);
}

function parseObject(text: string): JsonObject | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' &&
      parsed !== null &&
      !Array.isArray(parsed)
      ? (parsed as JsonObject)
      : null;
  } catch {
    return null;
  }
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

const STREAM_TYPES = {
  sse: 'text/event-stream',
  ndjson: 'application/x-ndjson',
} as const;

function send(
  res: ServerResponse,
  reply: DoubleReply,
  headers: Record<string, string> = {},
): void {
  if (reply.body instanceof EventStream) {
    const { framing, events } = reply.body;
    res.writeHead(reply.status, {
      ...headers,
      'content-type': STREAM_TYPES[framing],
    });
    for (const { event, data } of events) {
      const text = typeof data === 'string' ? data : JSON.stringify(data);
      res.write(
        framing === 'ndjson'
          ? `${text}\n`
          : `${event ? `event: ${event}\n` : ''}data: ${text}\n\n`,
      );
    }
    res.end();
    return;
  }
  const text = typeof reply.body === 'string' ? reply.body : null;
  res.writeHead(reply.status, {
    ...headers,
    'content-type':
      reply.contentType ??
      (text === null ? 'application/json' : 'text/plain; charset=utf-8'),
  });
  res.end(text ?? JSON.stringify(reply.body));
}
