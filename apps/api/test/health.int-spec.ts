import { queueCases } from './support/backends';
import { closedLoopbackPort } from './support/closed-port';
import {
  startTestApp,
  type TestApp,
  type TestResponse,
} from './support/test-app';

/** Each check has 2 s; the answer may take a little longer than that, never much longer. */
const READY_BOUND_MS = 3500;

async function ready(t: TestApp): Promise<TestResponse & { ms: number }> {
  const started = Date.now();
  const response = await t.request({ method: 'GET', url: '/health/ready' });
  return { ...response, ms: Date.now() - started };
}

function expectQueueDown(response: TestResponse & { ms: number }): void {
  expect(response.status).toBe(503);
  expect(response.headers['content-type']).toMatch(
    /^application\/problem\+json/,
  );
  expect(response.body).toMatchObject({
    status: 503,
    code: 'NOT_READY',
    detail: 'The job queue does not answer.',
    checks: { database: 'up', queue: 'down' },
  });
  expect(response.ms).toBeLessThan(READY_BOUND_MS);
}

describe.each(queueCases())(
  'health with the queue on $name',
  ({ backend, overrides }) => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp(backend, overrides);
    });

    afterAll(async () => {
      await t?.close();
    });

    it('is live, and ready with the database and the queue up', async () => {
      expect(
        (await t.request({ method: 'GET', url: '/health/live', token: null }))
          .body,
      ).toEqual({ status: 'ok' });
      const response = await t.request({
        method: 'GET',
        url: '/health/ready',
        token: null,
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        status: 'ok',
        checks: { database: 'up', queue: 'up' },
      });
    });
  },
);

describe('readiness with a Redis that is not there', () => {
  const [, redis] = queueCases();
  let t: TestApp;

  beforeAll(async () => {
    const port = await closedLoopbackPort();
    // Without processors nothing waits for Redis at startup, so the API comes up without it.
    t = await startTestApp(redis.backend, {
      ...redis.overrides,
      redisUrl: `redis://127.0.0.1:${port}`,
      runProcessors: false,
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('stays live but answers 503 naming the queue, in bounded time', async () => {
    expect(
      (await t.request({ method: 'GET', url: '/health/live' })).status,
    ).toBe(200);
    expectQueueDown(await ready(t));
    // A second probe meets the same reconnect loop and fails as fast.
    expectQueueDown(await ready(t));
  });
});
