import { HttpException } from '@nestjs/common';
import { type ProblemDetails } from '@llm-registry/contracts';
import { buildProblem } from './problem';
import { isConcurrencyFailure } from '../../database/postgres-errors';
import { ConcurrentChangeProblem, ProblemException } from './problem.exception';

interface RequestInfo {
  correlationId: string;
  path: string;
}

/**
 * Turns anything thrown while handling a request into a problem body (Fastify's own errors, such as a
 * body that is too large or not JSON, reach Nest as HttpExceptions). Unknown errors become a bare 500:
 * their message may hold SQL or internals, so only the correlation id goes back.
 * Returns `internal: true` so the caller logs the original error.
 */
export function toProblem(
  error: unknown,
  request: RequestInfo,
): {
  problem: ProblemDetails;
  internal: boolean;
  headers?: Record<string, string>;
} {
  const base = { correlationId: request.correlationId, instance: request.path };
  const problem = asProblem(error);
  if (problem) {
    return {
      internal: false,
      headers: problem.headers,
      problem: buildProblem({
        ...base,
        status: problem.status,
        code: problem.code,
        title: problem.title,
        detail: problem.detail,
        errors: problem.errors,
        extensions: problem.extensions,
      }),
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status < 500) {
      return {
        internal: false,
        problem: buildProblem({
          ...base,
          status,
          code: httpCode(status),
          detail: httpDetail(error, request),
        }),
      };
    }
  }
  return {
    internal: true,
    problem: buildProblem({
      ...base,
      status: 500,
      code: 'INTERNAL_ERROR',
      detail: `Something went wrong on our side. Quote correlation id ${request.correlationId} when reporting it.`,
    }),
  };
}

/**
 * The domain problem an error stands for: a ProblemException itself, or a transaction PostgreSQL undid
 * because of a concurrent one (409, retry). Null for anything else.
 */
export function asProblem(error: unknown): ProblemException | null {
  if (error instanceof ProblemException) return error;
  if (isConcurrencyFailure(error)) return new ConcurrentChangeProblem();
  return null;
}

function httpCode(status: number): string {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 404:
      return 'NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    default:
      return `HTTP_${status}`;
  }
}

function httpDetail(error: HttpException, request: RequestInfo): string {
  if (error.getStatus() === 404) return `No route matches ${request.path}.`;
  if (error.getStatus() === 415)
    return 'Send the request body as application/json.';
  if (error.getStatus() === 413)
    return 'The request body is larger than the 1 MB limit.';
  const response = error.getResponse();
  if (
    typeof response === 'object' &&
    response !== null &&
    'message' in response
  ) {
    const message = (response as { message: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return error.message;
}
