import type { DoubleModel } from '../provider-double.types';

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

/** An answer as sent: a string body goes out as text/plain, anything else as JSON. */
export interface DoubleReply {
  status: number;
  body: unknown;
}

/** An error as the provider would answer it; each definition puts it in its own error shape. */
export class DoubleFailure {
  constructor(
    readonly status: number,
    readonly message: string,
    /** The provider's machine-readable code: OpenAI `code`, Anthropic error `type`, Gemini `reason`. */
    readonly code?: string,
  ) {}
}

export type RouteResult = DoubleReply | DoubleFailure;

export interface Route {
  method: 'GET' | 'POST';
  /** Matched exactly, without the query. */
  path: string;
  handle(request: DoubleRequest): RouteResult;
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
