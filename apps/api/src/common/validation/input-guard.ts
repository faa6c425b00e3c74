import { type FastifyRequest } from 'fastify';
import { type FieldError } from '@llm-registry/contracts';
import { ValidationProblem } from '../problem/problem.exception';

/** Deeper than any payload we accept; class-transformer and our own walkers recurse, JSON.parse does not. */
export const MAX_INPUT_DEPTH = 32;

/** PostgreSQL refuses U+0000 in text and jsonb; a lone surrogate has no UTF-8 form at all. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what it looks for
const UNSTORABLE_CHARACTER = /\u0000|\p{Cs}/u;

interface Pending {
  value: unknown;
  path: string;
  depth: number;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/**
 * The first field of a parsed request part that no handler should see: nesting deeper than
 * MAX_INPUT_DEPTH, a string or key PostgreSQL cannot store, or a number JSON turned into Infinity
 * (`1e400`). Iterative, so a hostile depth cannot exhaust the stack here either.
 */
export function findUnsafeInput(value: unknown, root = ''): FieldError | null {
  const stack: Pending[] = [{ value, path: root, depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value: item, path, depth } = next;
    const field = path || 'body';
    if (typeof item === 'string') {
      if (UNSTORABLE_CHARACTER.test(item))
        return {
          field,
          message: 'must not contain NUL characters or lone surrogates',
        };
      continue;
    }
    if (typeof item === 'number') {
      if (!Number.isFinite(item))
        return { field, message: 'must be a finite number' };
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH)
      return {
        field: path.split('.')[0] || 'body',
        message: `must not nest deeper than ${MAX_INPUT_DEPTH} levels`,
      };
    for (const [key, child] of Object.entries(item)) {
      if (UNSTORABLE_CHARACTER.test(key))
        return {
          field,
          message:
            'must not have field names with NUL characters or lone surrogates',
        };
      stack.push({ value: child, path: join(path, key), depth: depth + 1 });
    }
  }
  return null;
}

/**
 * Fastify preValidation hook: refuses, with a 400 naming the field, route parameters, query and body
 * that would otherwise fail deep inside a handler or the database as a 500.
 */
export async function refuseUnsafeInput(
  request: FastifyRequest,
): Promise<void> {
  const error =
    findUnsafeInput(request.params) ??
    findUnsafeInput(request.query) ??
    findUnsafeInput(request.body);
  if (error) throw new ValidationProblem([error]);
}
