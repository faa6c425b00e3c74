/** One invalid input: `field` is a dotted path into the request (`params.temperature`). */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, as every error response of the API carries them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Stable machine-readable code, e.g. `MODEL_NAME_TAKEN`. */
  code: string;
  correlationId: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const CORRELATION_ID_HEADER = 'x-correlation-id';
