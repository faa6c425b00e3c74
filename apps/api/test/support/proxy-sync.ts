import { getQueueToken } from '@nestjs/bullmq';
import { type Queue } from 'bullmq';
import { type Model, type ProxySyncRun } from '@llm-registry/contracts';
import { PROXY_SYNC_QUEUE } from '../../src/modules/proxy-sync/proxy-sync.queue';
import { waitFor } from './eventually';
import { type TestApp } from './test-app';

export const PROXY_SYNC = '/api/v1/admin/proxy-sync';

export async function waitForRun(
  t: TestApp,
  id: string,
): Promise<ProxySyncRun> {
  return waitFor(
    async () =>
      (await t.request({ method: 'GET', url: `${PROXY_SYNC}/runs/${id}` }))
        .body as ProxySyncRun,
    {
      description: `reconcile run ${id}`,
      until: (run) => run.finishedAt !== null,
    },
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
  return waitFor(
    async () =>
      (
        await t.request({
          method: 'GET',
          url: `/api/v1/admin/models/${modelId}`,
        })
      ).body as Model,
    {
      description: `model ${modelId} to be ${state}`,
      until: (model) => model.proxySync?.state === state,
    },
  );
}

/** Waits until no model job is queued, running or waiting to retry. */
export async function drained(t: TestApp): Promise<void> {
  const queue = t.app.get<Queue>(getQueueToken(PROXY_SYNC_QUEUE));
  await waitFor(
    () =>
      queue.getJobCounts(
        'active',
        'waiting',
        'delayed',
        'prioritized',
        'waiting-children',
      ),
    {
      description: 'the model jobs to finish',
      until: (counts) => Object.values(counts).every((n) => n === 0),
    },
  );
}
