import { QueryFailedError } from 'typeorm';

const UNIQUE_VIOLATION = '23505';
/** Deadlock detected, serialization failure: PostgreSQL undid the transaction; a retry may pass. */
const CONCURRENCY_FAILURES = new Set(['40P01', '40001']);

/** A unique index refused the write (optionally: this one). */
export function isUniqueViolation(
  error: unknown,
  constraint?: string,
): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as {
    code?: string;
    constraint?: string;
  };
  return (
    driverError.code === UNIQUE_VIOLATION &&
    (constraint === undefined || driverError.constraint === constraint)
  );
}

/** PostgreSQL aborted the statement because of a concurrent transaction (a deadlock, say). */
export function isConcurrencyFailure(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string }).code;
  return code !== undefined && CONCURRENCY_FAILURES.has(code);
}
