/**
 * Thrown by response parsers when a body is not what the provider documents; the HTTP helper turns it
 * into a `bad_response` error. Messages name fields, never values.
 */
export class UnexpectedShapeError extends Error {}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function expectRecord(
  value: unknown,
  what: string,
): Record<string, unknown> {
  if (!isRecord(value))
    throw new UnexpectedShapeError(`${what} is not an object`);
  return value;
}

export function expectArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value))
    throw new UnexpectedShapeError(`${what} is not a list`);
  return value;
}

/** Google omits empty repeated fields, so a missing list is an empty one. */
export function optionalArray(value: unknown, what: string): unknown[] {
  return value === undefined || value === null ? [] : expectArray(value, what);
}

export function expectString(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new UnexpectedShapeError(`${what} is not a non-empty string`);
  }
  return value;
}

/** Optional fields are read leniently: anything unexpected counts as absent. */
export function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A positive whole number (token counts, sizes), else null. */
export function optionalCount(value: unknown): number | null {
  return Number.isInteger(value) && (value as number) > 0
    ? (value as number)
    : null;
}

/** The strings of a list; anything that is not a list is an empty one. */
export function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}
