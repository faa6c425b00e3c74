import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';
import { readBody, send } from './http-io';
import {
  type LiteLLMDouble,
  type LiteLLMDoubleOptions,
  type RecordedCall,
  type StoredDeployment,
} from './litellm-double.types';
import {
  dbRow,
  DEFAULT_PAGE_SIZE,
  HttpError,
  listed,
  merge,
  proxyError,
  PUBLIC_PATHS,
  pythonRepr,
} from './proxy-wire';

export async function startLiteLLMDouble(
  options: LiteLLMDoubleOptions = {},
): Promise<LiteLLMDouble> {
  const masterKey = options.masterKey ?? `sk-litellm-master-${randomUUID()}`;
  const deployments = new Map<string, StoredDeployment>();
  const calls: RecordedCall[] = [];
  const sockets = new Set<Socket>();
  let unavailable = false;
  let savedButNotLive = false;
  /** Stored rows the answering pod's router does not serve. */
  const notLive = new Set<string>();
  let createsHeld: Promise<void> | null = null;
  let server: Server | undefined;

  const double: LiteLLMDouble = {
    url: '',
    masterKey,
    calls,
    deployments,
    latencyMs: options.latencyMs ?? 0,
    failWrites: null,
    async down(mode = 'refused') {
      if (mode === 503) {
        unavailable = true;
        return;
      }
      await stop();
    },
    async up() {
      unavailable = false;
      if (!server?.listening) server = await listen(port);
    },
    failNextCreateSavedButNotLive() {
      savedButNotLive = true;
    },
    hideFromRouter(id) {
      notLive.add(id);
    },
    reloadRouter() {
      notLive.clear();
    },
    withoutV2Listing: false,
    dbConnected: true,
    holdCreates() {
      let release = () => undefined as void;
      createsHeld = new Promise((resolve) => (release = resolve));
      return () => {
        createsHeld = null;
        release();
      };
    },
    heldCreates: 0,
    reads: () => calls.filter((c) => c.method === 'GET').length,
    writes: () => calls.filter((c) => c.method !== 'GET').length,
    close: stop,
  };

  async function handle(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://double');
    const text = await readBody(request);
    if (double.latencyMs > 0)
      await new Promise((resolve) => setTimeout(resolve, double.latencyMs));
    if (createsHeld && url.pathname === '/model/new') {
      double.heldCreates += 1;
      await createsHeld;
      double.heldCreates -= 1;
    }
    if (url.pathname.startsWith('/__double/')) {
      send(response, 200, control(request.method ?? 'GET', url.pathname));
      return;
    }
    let status = 200;
    let body: unknown;
    let parsed: unknown = undefined;
    try {
      if (unavailable)
        throw new HttpError(503, { detail: 'Service Unavailable' });
      if (!PUBLIC_PATHS.has(url.pathname)) authenticate(request);
      parsed = text ? (JSON.parse(text) as unknown) : undefined;
      body = route(request.method ?? 'GET', url, parsed);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      status = error.status;
      body = options.echoRequestInErrors
        ? proxyError(status, `${JSON.stringify(error.body)} answering ${text}`)
            .body
        : error.body;
    }
    if (!PUBLIC_PATHS.has(url.pathname))
      calls.push({
        method: request.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: parsed,
        status,
      });
    send(response, status, body);
  }

  function authenticate(request: IncomingMessage): void {
    const header =
      request.headers['authorization'] ?? request.headers['x-litellm-api-key'];
    if (header !== `Bearer ${masterKey}`)
      throw proxyError(
        401,
        'Authentication Error, Invalid proxy server token passed. Received API Key = sk-...****',
      );
  }

  function route(method: string, url: URL, body: unknown): unknown {
    const path = url.pathname;
    if (method !== 'GET' && double.failWrites !== null)
      throw proxyError(double.failWrites, 'Internal Server Error');
    if (method === 'GET' && path === '/health/liveliness') return "I'm alive!";
    if (method === 'GET' && path === '/health/readiness')
      return {
        status: 'healthy',
        db: double.dbConnected ? 'connected' : 'disconnected',
      };
    if (method !== 'GET' && !double.dbConnected)
      throw proxyError(
        500,
        "No DB Connected. Here's how to do it - https://docs.litellm.ai/docs/proxy/virtual_keys",
      );
    if (method === 'POST' && path === '/model/new') return create(body);
    if (method === 'POST' && path === '/model/update')
      return legacyUpdate(body);
    const patch = /^\/model\/([^/]+)\/update$/.exec(path);
    if (method === 'PATCH' && patch)
      return update(decodeURIComponent(patch[1]), body);
    if (method === 'POST' && path === '/model/delete') return remove(body);
    if (
      method === 'GET' &&
      (path === '/model/info' || path === '/v1/model/info')
    )
      return info(url.searchParams.get('litellm_model_id'));
    if (
      method === 'GET' &&
      path === '/v2/model/info' &&
      !double.withoutV2Listing
    )
      return page(url.searchParams);
    throw new HttpError(404, { detail: 'Not Found' });
  }

  /** §1: the id is the primary key; a duplicate is swallowed by the insert and answered as a 500. */
  function create(body: unknown): unknown {
    const deployment = body as Partial<StoredDeployment> | undefined;
    if (
      typeof deployment?.model_name !== 'string' ||
      typeof deployment.litellm_params?.['model'] !== 'string'
    )
      throw new HttpError(422, {
        detail: [{ loc: ['body'], msg: 'Field required', type: 'missing' }],
      });
    const id = String(deployment.model_info?.['id'] ?? randomUUID());
    if (deployments.has(id))
      throw proxyError(
        500,
        pythonRepr(
          'Failed to add model to db. Check your server logs for more details.',
        ),
      );
    const stored: StoredDeployment = {
      model_name: deployment.model_name,
      litellm_params: { ...deployment.litellm_params },
      model_info: { ...deployment.model_info, id, db_model: false },
    };
    deployments.set(id, stored);
    if (savedButNotLive) {
      savedButNotLive = false;
      notLive.add(id);
      throw proxyError(
        500,
        pythonRepr(
          `Model create was saved to the database, but the model id(s) ['${id}'] are not live in this pod's router. Check your server logs.`,
        ),
      );
    }
    return dbRow(id, stored);
  }

  /** §4: merges; omitted keys and keys sent as null keep their stored value. */
  function update(id: string, body: unknown): unknown {
    const stored = deployments.get(id);
    if (!stored) throw proxyError(404, `Model ${id} not found on proxy.`);
    if (stored.config)
      throw proxyError(
        400,
        'Cannot edit config-based model. Store model in DB via /model/new first.',
      );
    // The answering pod reloads its router after the write.
    notLive.delete(id);
    const changes = (body ?? {}) as Partial<StoredDeployment>;
    if (typeof changes.model_name === 'string')
      stored.model_name = changes.model_name;
    stored.litellm_params = merge(
      stored.litellm_params,
      changes.litellm_params,
    );
    stored.model_info = {
      ...merge(stored.model_info, changes.model_info),
      id,
    };
    return dbRow(id, stored);
  }

  /** §4 legacy: only `litellm_params` (merged) and `model_name`; `model_info.id` names the row. */
  function legacyUpdate(body: unknown): unknown {
    const changes = (body ?? {}) as Partial<StoredDeployment>;
    if (!changes.model_info)
      throw proxyError(400, 'Authentication Error, model_info not provided');
    const id = changes.model_info['id'];
    const stored = typeof id === 'string' ? deployments.get(id) : undefined;
    if (!stored || typeof id !== 'string')
      throw proxyError(400, 'Authentication Error, model not found');
    if (!changes.litellm_params)
      throw proxyError(
        400,
        'Authentication Error, litellm_params not provided',
      );
    stored.litellm_params = merge(
      stored.litellm_params,
      changes.litellm_params,
    );
    if (typeof changes.model_name === 'string')
      stored.model_name = changes.model_name;
    return dbRow(id, stored);
  }

  /** §3: by primary key only; an unknown id is a 400. */
  function remove(body: unknown): unknown {
    const id = (body as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string')
      throw new HttpError(422, {
        detail: [
          { loc: ['body', 'id'], msg: 'Field required', type: 'missing' },
        ],
      });
    if (deployments.get(id)?.config || !deployments.delete(id))
      throw proxyError(400, pythonRepr(`Model with id=${id} not found in db`));
    notLive.delete(id);
    return { message: `Model: ${id} deleted successfully` };
  }

  /** §2 ([PS-2025]): a list, or one deployment in a list; an unknown id is a 400. */
  /** What the answering pod's router serves. */
  function served(): [string, StoredDeployment][] {
    return [...deployments].filter(([id]) => !notLive.has(id));
  }

  function info(id: string | null): unknown {
    if (id === null) return { data: served().map(listed) };
    const stored = notLive.has(id) ? undefined : deployments.get(id);
    if (!stored)
      throw new HttpError(400, {
        detail: { error: `Model id = ${id} not found on litellm proxy` },
      });
    return { data: [listed([id, stored])] };
  }

  function page(query: URLSearchParams): unknown {
    const size = Number(query.get('size') ?? DEFAULT_PAGE_SIZE);
    const current = Number(query.get('page') ?? 1);
    const all = served().map(listed);
    return {
      data: all.slice((current - 1) * size, current * size),
      total_count: all.length,
      current_page: current,
      total_pages: Math.max(1, Math.ceil(all.length / size)),
      size,
    };
  }

  /** For a double in another process (the bench): its counts, and a reset. */
  function control(method: string, path: string): unknown {
    if (method === 'POST' && path === '/__double/reset') calls.length = 0;
    return {
      reads: double.reads(),
      writes: double.writes(),
      deployments: deployments.size,
    };
  }

  async function listen(on: number): Promise<Server> {
    const listening = createServer((request, response) => {
      handle(request, response).catch((error: unknown) =>
        send(response, 500, { detail: String(error) }),
      );
    });
    listening.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    listening.listen(on, '127.0.0.1');
    await once(listening, 'listening');
    return listening;
  }

  async function stop(): Promise<void> {
    if (!server?.listening) return;
    const closed = once(server, 'close');
    server.close();
    for (const socket of sockets) socket.destroy();
    await closed;
  }

  server = await listen(options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  double.url = `http://127.0.0.1:${port}`;
  return double;
}
