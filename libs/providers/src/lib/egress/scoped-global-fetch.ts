import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<typeof fetch>();
let installed = false;

/**
 * Runs `call` with the global fetch replaced by `scopedFetch` for it alone (and what it awaits).
 * The Gemini SDK calls the global fetch and takes no other; other callers keep the original.
 */
export function withGlobalFetch<T>(
  scopedFetch: typeof fetch,
  call: () => Promise<T>,
): Promise<T> {
  if (!installed) {
    installed = true;
    const original = globalThis.fetch;
    globalThis.fetch = ((input, init) =>
      (scope.getStore() ?? original)(input, init)) as typeof fetch;
  }
  return scope.run(scopedFetch, call);
}
