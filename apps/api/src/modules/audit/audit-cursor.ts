import { ValidationProblem } from '../../common/problem/problem.exception';

/** Opaque to clients: the `seq` of the last event they saw. */
export function encodeCursor(seq: string): string {
  return Buffer.from(`seq:${seq}`).toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const match = /^seq:(\d{1,19})$/.exec(
    Buffer.from(cursor, 'base64url').toString(),
  );
  if (!match)
    throw new ValidationProblem([
      { field: 'cursor', message: 'is not a cursor this API returned' },
    ]);
  return match[1];
}
