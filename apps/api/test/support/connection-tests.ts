import { type ConnectionTest } from '@llm-registry/contracts';
import { waitFor } from './eventually';
import { type TestApp } from './test-app';

export const CONNECTION_TESTS = '/api/v1/admin/connection-tests';

/** Reads each test until all have finished; fails the test after `timeoutMs`. */
export async function waitForTests(
  t: TestApp,
  ids: string[],
  timeoutMs = 30_000,
): Promise<ConnectionTest[]> {
  const results = new Map<string, ConnectionTest>();
  await waitFor(
    async () => {
      for (const id of ids.filter((id) => !results.has(id))) {
        const response = await t.request({
          method: 'GET',
          url: `${CONNECTION_TESTS}/${id}`,
        });
        if (response.status !== 200)
          throw new Error(
            `GET test ${id}: ${response.status} ${response.text}`,
          );
        if (response.body.finishedAt) results.set(id, response.body);
      }
      return ids.filter((id) => !results.has(id));
    },
    {
      description: `${ids.length} connection tests to finish`,
      until: (unfinished) => unfinished.length === 0,
      timeoutMs,
      intervalMs: 100,
    },
  );
  return ids.map((id) => results.get(id) as ConnectionTest);
}
