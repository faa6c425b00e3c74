import { withGlobalFetch } from './scoped-global-fetch';

describe('withGlobalFetch', () => {
  const tagged = (tag: string) =>
    (async () => new Response(tag)) as unknown as typeof fetch;
  const callGlobal = async () => (await fetch('http://127.0.0.1:9/')).text();

  it('gives each call its own global fetch, keeps concurrent calls apart and leaves other callers alone', async () => {
    // This file's own global: the first withGlobalFetch wraps whatever fetch is there.
    globalThis.fetch = tagged('original');
    const slow = withGlobalFetch(tagged('a'), async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return callGlobal();
    });
    const fast = withGlobalFetch(tagged('b'), callGlobal);
    expect(await Promise.all([slow, fast, callGlobal()])).toEqual([
      'a',
      'b',
      'original',
    ]);
    expect(await callGlobal()).toBe('original');
  });
});
