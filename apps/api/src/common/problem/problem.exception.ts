import { type FieldError } from '@llm-registry/contracts';

/**
 * Base of every domain error: a stable code, the HTTP status it maps to, and a human detail.
 * Feature modules subclass it with their own code enum; the global filter renders it as problem+json.
 */
export class ProblemException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    /** Extra response headers (Retry-After, WWW-Authenticate). */
    readonly headers: Record<string, string> = {},
    /** Extra members of the problem body (RFC 9457 extensions), such as the dependents of a model. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

/** Invalid input: 400 with the offending fields. */
export class ValidationProblem extends ProblemException {
  constructor(errors: FieldError[], detail = describeFields(errors)) {
    super(400, 'VALIDATION_FAILED', 'Invalid request', detail, errors);
  }
}

function describeFields(errors: FieldError[]): string {
  const first = errors[0];
  if (!first) return 'The request is invalid.';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return `${first.field} ${first.message}${more}`;
}

/** A write based on a stale `version`: 409, naming the current version. */
export class VersionConflictProblem extends ProblemException {
  constructor(what: string, current: number, sent: number) {
    super(
      409,
      'VERSION_CONFLICT',
      'Stale version',
      `The ${what} was changed by someone else (version ${current}, you sent ${sent}). Reload it and apply your change again.`,
      [
        {
          field: 'version',
          message: `is stale; current version is ${current}`,
        },
      ],
    );
  }
}

/** PostgreSQL undid the change because a concurrent one got in its way: 409, nothing changed, retry. */
export class ConcurrentChangeProblem extends ProblemException {
  constructor() {
    super(
      409,
      'CONCURRENT_CHANGE',
      'Concurrent change',
      'Another change to the same models ran at the same moment, so this one was undone and nothing changed. Send it again.',
    );
  }
}
