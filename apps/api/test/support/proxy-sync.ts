import { getQueueToken } from '@nestjs/bullmq';
import { type Queue } from 'bullmq';
import { type Model, type ProxySyncRun } from '@llm-registry/contracts';
import { PROXY_SYNC_QUEUE } from '../../src/modules/proxy-sync/proxy-sync.queue';
import { type TestApp } from './test-app';

export const PROXY_SYNC = '/api/v1/admin/proxy-sync';

/** Polls until `done` holds; fails after `timeoutMs` naming what it waited for. */
export async function until<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(
        `Timed out waiting for ${what}; last: ${JSON.stringify(value)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function waitForRun(
  t: TestApp,
  id: string,
): Promise<ProxySyncRun> {
  return until(
    `reconcile run ${id}`,
    async () =>
      (await t.request({ method: 'GET', url: `${PROXY_SYNC}/runs/${id}` }))
        .body as ProxySyncRun,
    (run) => run.finishedAt !== null,
  );
}

/** Asks for a reconcile and waits for it to finish. */
export async function reconcileNow(t: TestApp): Promise<ProxySyncRun> {
  const accepted = await t.request({
    method: 'POST',
    url: `${PROXY_SYNC}/reconcile`,
  });
  if (accepted.status !== 202)
    throw new Error(`reconcile: ${accepted.status} ${accepted.text}`);
  return waitForRun(t, accepted.body.id as string);
}

/** Waits until the model's mirror state is settled (synced or error). */
export async function waitForMirror(
  t: TestApp,
  modelId: string,
  state: 'synced' | 'error' = 'synced',
): Promise<Model> {
  return until(
    `model ${modelId} to be ${state}`,
    async () =>
      (
        await t.request({
          method: 'GET',
          url: `/api/v1/admin/models/${modelId}`,
        })
      ).body as Model,
    (model) => model.proxySync?.state === state,
  );
}

/** Waits until no model job is queued, running or waiting to retry. */
export async function drained(t: TestApp): Promise<void> {
  const queue = t.app.get<Queue>(getQueueToken(PROXY_SYNC_QUEUE));
  await until(
    'the model jobs to finish',
    () =>
      queue.getJobCounts(
        'active',
        'waiting',
        'delayed',
        'prioritized',
        'waiting-children',
      ),
    (counts) => Object.values(counts).every((n) => n === 0),
  );
}
