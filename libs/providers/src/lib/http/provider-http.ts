import { getProviderSpec } from '@llm-registry/contracts';
import type { ConnectionTarget } from '../connection-target';
import {
  EgressDeniedError,
  RedirectRefusedError,
} from '../egress/egress-errors';
import { defaultProviderEgress } from '../egress/provider-egress';
import { resolveBaseUrl } from './base-url';
import { errorFromResponse } from './error-from-response';
import { UnexpectedShapeError } from './json-shape';
import type { ProviderDialect } from './provider-dialect';
import { ProviderRequestError } from './provider-request-error';

export interface RequestOptions {
  /** Default: the provider fetch under the default egress policy; any other must refuse redirects too. */
  fetch?: typeof fetch;
  /** Aborting it rejects with the signal's reason, not with a ProviderRequestError. */
  signal?: AbortSignal;
  /** Per request; default 15000. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/** Turns a JSON body into what the caller wants; throws UnexpectedShapeError when it cannot. */
export type ResponseParser<T> = (body: unknown) => T;

/** JSON requests to one connection; every failure is a ProviderRequestError. */
export interface ProviderHttp {
  /** `path` (with its query) is appended to the base URL. */
  get<T>(path: string, parse: ResponseParser<T>): Promise<T>;
  post<T>(path: string, body: unknown, parse: ResponseParser<T>): Promise<T>;
}

interface Answer {
  status: number;
  ok: boolean;
  text: string;
}

const NOT_JSON = Symbol('not JSON');

export function createProviderHttp(
  target: ConnectionTarget,
  dialect: ProviderDialect,
  options: RequestOptions = {},
): ProviderHttp {
  const label = getProviderSpec(target.provider).label;
  const baseUrl = resolveBaseUrl(target);
  const secrets = Object.values(target.credentials);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function exchange(init: RequestInit, path: string): Promise<Answer> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal
      ? AbortSignal.any([options.signal, timeout])
      : timeout;
    try {
      const response = await (options.fetch ?? defaultProviderEgress().fetch)(
        `${baseUrl}${path}`,
        {
          ...init,
          signal,
          // Auth headers other than Authorization would follow a redirect to another host.
          redirect: 'manual',
        },
      );
      // Reading the body under the same signal, so a stalled body times out too.
      return {
        status: response.status,
        ok: response.ok,
        text: await response.text(),
      };
    } catch (error) {
      // The fetch error is dropped on purpose: it can quote the URL.
      if (options.signal?.aborted) throw options.signal.reason;
      if (error instanceof EgressDeniedError) {
        throw new ProviderRequestError(
          'egress_denied',
          `Did not call ${label}: ${error.detail}`,
        );
      }
      if (error instanceof RedirectRefusedError) {
        throw errorFromResponse(dialect, {
          label,
          status: error.status,
          body: undefined,
          secrets,
        });
      }
      if (timeout.aborted) {
        throw new ProviderRequestError(
          'timeout',
          `${label} did not answer within ${timeoutMs} ms`,
        );
      }
      throw new ProviderRequestError(
        'unreachable',
        `Could not reach ${label} at ${new URL(baseUrl).origin}`,
      );
    }
  }

  async function send<T>(
    method: 'GET' | 'POST',
    path: string,
    payload: unknown,
    parse: ResponseParser<T>,
  ): Promise<T> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      ...dialect.headers(target),
    };
    const body = payload === undefined ? undefined : JSON.stringify(payload);
    const answer = await exchange({ method, headers, body }, path);
    const json = parseJson(answer.text);
    if (!answer.ok) {
      throw errorFromResponse(dialect, {
        label,
        status: answer.status,
        body: json === NOT_JSON ? undefined : json,
        secrets,
      });
    }
    if (json === NOT_JSON) {
      throw new ProviderRequestError(
        'bad_response',
        `${label} answered ${answer.status} with a body that is not JSON`,
        answer.status,
      );
    }
    try {
      return parse(json);
    } catch (error) {
      if (!(error instanceof UnexpectedShapeError)) throw error;
      throw new ProviderRequestError(
        'bad_response',
        `${label} answered ${answer.status} with an unexpected body: ${error.message}`,
        answer.status,
      );
    }
  }

  return {
    get: (path, parse) => send('GET', path, undefined, parse),
    post: (path, body, parse) => send('POST', path, body, parse),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}
