import type { DoubleModel, ModelKind } from '../provider-double.types';

/** A request as routes see it. */
export interface DoubleRequest {
  method: string;
  /** Without the query. */
  path: string;
  query: URLSearchParams;
  /** Names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/** A streamed body: `sse` frames each event as `event:`/`data:` lines, `ndjson` writes one line per event. */
export class EventStream {
  constructor(
    readonly framing: 'sse' | 'ndjson',
    /** A string `data` goes out verbatim (`[DONE]`, a broken line), anything else as JSON. */
    readonly events: { event?: string; data: unknown }[],
  ) {}
}

/**
 * An answer as sent: an EventStream is streamed, a string body goes out as text/plain (or as `contentType`),
 * anything else as JSON.
 */
export interface DoubleReply {
  status: number;
  body: unknown;
  contentType?: string;
}

/** An error as the provider would answer it; each definition puts it in its own error shape. */
export class DoubleFailure {
  constructor(
    readonly status: number,
    readonly message: string,
    /** The provider's machine-readable code: OpenAI `code`, Anthropic error `type`, Gemini `reason`. */
    readonly code?: string,
    readonly headers: Record<string, string> = {},
  ) {}
}

export type RouteResult = DoubleReply | DoubleFailure;

export type Route = PlainRoute | InferenceRoute;

export interface PlainRoute {
  kind?: undefined;
  method: 'GET' | 'POST';
  /** Matched exactly, without the query. */
  path: string;
  handle(request: DoubleRequest): RouteResult;
}

/** A JSON request body, as inference routes get it. */
export type JsonObject = Record<string, unknown>;

/** A route that runs a model: it obeys the double's behaviour, and the server resolves the model for it. */
export interface InferenceRoute {
  /** The kind of model used when the request names none. */
  kind: Exclude<ModelKind, 'other'>;
  method: 'POST';
  /** A string matches exactly; a pattern matches the whole path, without the query. */
  path: string | RegExp;
  /** The model id as the client sent it; default the body's `model`. */
  modelId?(request: DoubleRequest, body: JsonObject): string | undefined;
  handle(call: InferenceCall): RouteResult;
}

export interface InferenceCall {
  request: DoubleRequest;
  body: JsonObject;
  model: DoubleModel;
  /** The model id as the client sent it (providers echo it back). */
  modelId: string;
  /** `requested`, else the model's `embeddingLength`, else 8; wrong on purpose in `wrong_dimensions` mode. */
  embeddingSize(requested?: unknown): number;
}

/** What the provider answers in the failure behaviours, in its own error shape. */
export interface ProviderFailures {
  unauthorized: DoubleFailure;
  notFound(modelId: string): DoubleFailure;
  rateLimited: DoubleFailure;
  quota: DoubleFailure;
  serverError: DoubleFailure;
}

export interface DoubleSettings {
  models: DoubleModel[];
  pageSize: number | undefined;
}

/** One provider's double: add a route to its table to serve another endpoint. */
export interface DoubleDefinition {
  /** Appended to the server's URL to make a connection's base URL ('/v1', '/v1beta' or ''). */
  basePath: string;
  defaultModels: DoubleModel[];
  routes(settings: DoubleSettings): Route[];
  /** Why the provider would turn the request away before routing it (auth, required headers), or null. */
  refuse(
    request: DoubleRequest,
    apiKey: string | undefined,
  ): DoubleFailure | null;
  errorBody(failure: DoubleFailure): unknown;
  /** The answer to a path the provider does not serve. */
  unknownRoute(request: DoubleRequest): RouteResult;
  failures: ProviderFailures;
  /** Whether the id a client sent names the model; default equality (Ollama adds `:latest`). */
  namesModel?(model: DoubleModel, id: string): boolean;
}

export function ok(body: unknown): DoubleReply {
  return { status: 200, body };
}

/** `{ [key]: value }`, or nothing when the model does not set it (the provider omits the field). */
export function optionalField(
  key: string,
  value: unknown,
): Record<string, unknown> {
  return value === undefined ? {} : { [key]: value };
}
