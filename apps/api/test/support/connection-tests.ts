import { type ConnectionTest } from '@llm-registry/contracts';
import { type TestApp } from './test-app';

export const CONNECTION_TESTS = '/api/v1/admin/connection-tests';

/** Polls each test until it has finished; fails the test after `timeoutMs`. */
export async function waitForTests(
  t: TestApp,
  ids: string[],
  timeoutMs = 30_000,
): Promise<ConnectionTest[]> {
  const deadline = Date.now() + timeoutMs;
  const results = new Map<string, ConnectionTest>();
  while (results.size < ids.length) {
    for (const id of ids.filter((id) => !results.has(id))) {
      const response = await t.request({
        method: 'GET',
        url: `${CONNECTION_TESTS}/${id}`,
      });
      if (response.status !== 200)
        throw new Error(`GET test ${id}: ${response.status} ${response.text}`);
      if (response.body.finishedAt) results.set(id, response.body);
    }
    if (results.size === ids.length) break;
    if (Date.now() > deadline)
      throw new Error(
        `${ids.length - results.size} of ${ids.length} tests did not finish in ${timeoutMs} ms`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return ids.map((id) => results.get(id) as ConnectionTest);
}
