import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';

/**
 * A LiteLLM proxy with STORE_MODEL_IN_DB=True, as /work/shared/reference/litellm-proxy-api.md describes
 * it, quirks included: a duplicate id on /model/new is a 500, deleting an unknown id a 400, PATCH merges
 * (null deletes nothing), listings come from the answering pod's router (a row saved but not live there
 * is not listed), drop or mask credentials (and anything named like one) and merge in cost-map fields
 * and defaults, /v2/model/info pages, config-file models cannot be changed through the API. Every call
 * is recorded.
 */
export interface LiteLLMDouble {
  url: string;
  masterKey: string;
  /** Every model-management call, in order (health and control routes left out). */
  calls: RecordedCall[];
  /** The proxy's table by `model_info.id`, values in clear: tests change it behind the registry's back. */
  deployments: Map<string, StoredDeployment>;
  /** Added to every answer. */
  latencyMs: number;
  /** Answers every write with this status, applying nothing; null: writes work. */
  failWrites: number | null;
  /** `refused`: nothing listens; 503: everything answers 503. */
  down(mode?: 'refused' | 503): Promise<void>;
  up(): Promise<void>;
  /**
   * The next /model/new saves the row and answers 500 "saved, but not live in this pod's router": the
   * row is not listed until the router reloads (reloadRouter) or a PATCH reloads it.
   */
  failNextCreateSavedButNotLive(): void;
  /** The answering pod stops serving a stored row, as a pod that has not reloaded yet would. */
  hideFromRouter(id: string): void;
  /** The router's reload job ran: every stored row is live. */
  reloadRouter(): void;
  /** An older proxy: no /v2/model/info (404), everything from /model/info. */
  withoutV2Listing: boolean;
  /** False: the proxy lost its database; readiness says so and writes answer 500 "No DB Connected". */
  dbConnected: boolean;
  /** Holds every /model/new until the returned function is called; `heldCreates` counts the waiting. */
  holdCreates(): () => void;
  heldCreates: number;
  reads(): number;
  writes(): number;
  close(): Promise<void>;
}

export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

export interface StoredDeployment {
  model_name: string;
  litellm_params: Record<string, unknown>;
  model_info: Record<string, unknown>;
  /** From the proxy's config.yaml, not its database: listed with db_model false, not editable (§3, §4). */
  config?: boolean;
}

/** Removed from listings; other names with these words are masked (reference §2). */
const REMOVED_PARAMS = new Set([
  'api_key',
  'client_secret',
  'vertex_credentials',
  'aws_access_key_id',
  'aws_secret_access_key',
]);
const SENSITIVE_NAME = /key|token|secret|password|credential/i;
/** What LiteLLM's router adds to every listed deployment's params. */
const LISTED_PARAM_DEFAULTS = {
  use_in_pass_through: false,
  use_litellm_proxy: false,
  merge_reasoning_content_in_choices: false,
};
const DEFAULT_PAGE_SIZE = 50;
/** Routes nobody needs a key for. */
const PUBLIC_PATHS = new Set([
  '/health/liveliness',
  '/health/liveness',
  '/health/readiness',
]);

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

/** ProxyException's envelope; endpoints re-raise their own errors with type auth_error (§0). */
function proxyError(status: number, message: string): HttpError {
  return new HttpError(status, {
    error: {
      message,
      type: 'auth_error',
      param: 'None',
      code: String(status),
    },
  });
}

/** How Python prints `{"error": "…"}`, as str(detail) puts it into the message. */
function pythonRepr(message: string): string {
  return `{'error': '${message}'}`;
}

export async function startLiteLLMDouble(
  options: {
    masterKey?: string;
    latencyMs?: number;
    port?: number;
    /** Errors quote the request they answer, credentials included, as careless proxies do. */
    echoRequestInErrors?: boolean;
  } = {},
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

/** What /model/new and PATCH answer: the DB row, string params encrypted (§1.5, §1.9). */
function dbRow(id: string, stored: StoredDeployment): unknown {
  return {
    model_id: id,
    model_name: stored.model_name,
    litellm_params: Object.fromEntries(
      Object.entries(stored.litellm_params).map(([key, value]) => [
        key,
        typeof value === 'string'
          ? `v3:gcm:${Buffer.from(value).toString('base64url')}`
          : value,
      ]),
    ),
    model_info: stored.model_info,
    blocked: false,
    created_at: new Date().toISOString(),
    updated_at: new Date().toISOString(),
  };
}

/** A deployment as the router lists it (§2): credentials removed or masked, enrichment merged in. */
function listed([id, stored]: [string, StoredDeployment]): unknown {
  const params: Record<string, unknown> = { ...LISTED_PARAM_DEFAULTS };
  for (const [key, value] of Object.entries(stored.litellm_params)) {
    if (REMOVED_PARAMS.has(key)) continue;
    // SensitiveDataMasker goes by the name alone: `max_tokens` is masked too, numbers as their text.
    params[key] = SENSITIVE_NAME.test(key) ? mask(String(value)) : value;
  }
  const model = String(stored.litellm_params['model'] ?? '');
  return {
    model_name: stored.model_name,
    litellm_params: params,
    model_info: {
      // Cost-map fields fill in only what the deployment does not set itself.
      key: model,
      litellm_provider: model.split('/')[0],
      mode: 'chat',
      max_input_tokens: null,
      input_cost_per_token: 0,
      output_cost_per_token: 0,
      ...stored.model_info,
      id,
      // The router sets it when it loads a row from the database; config-file models keep false.
      db_model: !stored.config,
    },
  };
}

function mask(value: string): string {
  return value.length <= 8
    ? '****'
    : `${value.slice(0, 4)}****${value.slice(-4)}`;
}

function merge(
  stored: Record<string, unknown>,
  changes: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const merged = { ...stored };
  for (const [key, value] of Object.entries(changes ?? {}))
    if (value !== null && value !== undefined) merged[key] = value;
  return merged;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
