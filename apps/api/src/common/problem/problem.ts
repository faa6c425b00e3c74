import { type FieldError, type ProblemDetails } from '@llm-registry/contracts';

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
};

export function titleFor(status: number): string {
  return TITLES[status] ?? 'Error';
}

export function problemType(code: string): string {
  return `urn:llm-registry:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

export function buildProblem(input: {
  status: number;
  code: string;
  detail: string;
  correlationId: string;
  instance?: string;
  title?: string;
  errors?: FieldError[];
  extensions?: Record<string, unknown>;
}): ProblemDetails {
  return {
    // First, so an extension can never overwrite a standard member.
    ...input.extensions,
    type: problemType(input.code),
    title: input.title ?? titleFor(input.status),
    status: input.status,
    detail: input.detail,
    code: input.code,
    instance: input.instance,
    correlationId: input.correlationId,
    ...(input.errors && input.errors.length > 0
      ? { errors: input.errors }
      : {}),
  };
}
