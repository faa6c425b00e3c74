import {
  ProblemException,
  ValidationProblem,
} from '../problem/problem.exception';

/**
 * The version a write is based on, from the body or an If-Match header (`"3"`, `W/"3"` or `3`).
 * When both are sent they must agree.
 */
export function resolveVersion(
  bodyVersion: number | undefined,
  ifMatch: string | undefined,
): number | undefined {
  if (ifMatch === undefined || ifMatch === '') return bodyVersion;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (!match)
    throw new ValidationProblem([
      { field: 'If-Match', message: 'must be a version, e.g. "3"' },
    ]);
  const headerVersion = Number(match[1]);
  if (bodyVersion !== undefined && bodyVersion !== headerVersion) {
    throw new ValidationProblem([
      {
        field: 'version',
        message: `disagrees with If-Match (${headerVersion})`,
      },
    ]);
  }
  return headerVersion;
}

/** Like `resolveVersion`, for writes that must say which version they are based on: 428 without one. */
export function requireVersion(
  bodyVersion: number | undefined,
  ifMatch: string | undefined,
): number {
  const version = resolveVersion(bodyVersion, ifMatch);
  if (version === undefined) {
    throw new ProblemException(
      428,
      'VERSION_REQUIRED',
      'Version required',
      'Send the version you read, in the body or as If-Match, so concurrent edits are not lost.',
      [{ field: 'version', message: 'is required' }],
    );
  }
  return version;
}
