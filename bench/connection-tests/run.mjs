// Benchmark: connection-test throughput against a provider that answers in 200 ms, as a ratio to the
// Little's-law bound (concurrency ÷ latency) measured in the same run. Usage, after `npx nx build api`:
//   node bench/connection-tests/run.mjs                  embedded mode (PGlite, BullMQ on the database)
//   BENCH_MODE=full node bench/connection-tests/run.mjs  PostgreSQL + Redis (DATABASE_URL, REDIS_URL)
// Prints two figures: overall (first request to last result, the burst of requests included) and
// steady state (after the last test is accepted, when only the workers run).
// Env: BENCH_TESTS (default 400), BENCH_CONCURRENCY (default 8), BENCH_LATENCY_MS (default 200).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { apiClient } from '../support/api-client.mjs';
import { createDatabase, MAIN_JS, startApi } from '../support/api-process.mjs';

const TESTS = Number(process.env.BENCH_TESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 200);
const FULL = process.env.BENCH_MODE === 'full';
const PASSWORD = 'throughput-run-7429';

/** The provider double, in its own process (slow-provider.mjs). */
async function startSlowProvider() {
  const child = spawn(
    process.execPath,
    [join(dirname(fileURLToPath(import.meta.url)), 'slow-provider.mjs')],
    {
      env: { ...process.env, LATENCY_MS: String(LATENCY_MS) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const [chunk] = await once(child.stdout, 'data');
  return {
    baseUrl: `http://127.0.0.1:${Number(String(chunk).trim())}/v1`,
    close: async () => {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

async function main() {
  if (!existsSync(MAIN_JS)) throw new Error('Build first: npx nx build api');
  const provider = await startSlowProvider();
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-ct-'));
  const database = FULL ? await createDatabase('bench_ct') : null;
  const cleanUp = async () => {
    await provider.close();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  const api = await startApi({
    DATA_DIR: dataDir,
    ADMIN_EMAIL: 'bench@example.com',
    ADMIN_PASSWORD: PASSWORD,
    CONNECTION_TEST_CONCURRENCY: String(CONCURRENCY),
    CONNECTION_TEST_RATE_LIMIT: '0',
    CONNECTION_TEST_ATTEMPTS: '1',
    ...(database
      ? {
          DATABASE_URL: database.url,
          DATABASE_MIGRATE_ON_START: 'true',
          REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
          QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
          REGISTRY_MASTER_KEY: randomBytes(32).toString('base64'),
        }
      : {}),
  }).catch(async (error) => {
    await cleanUp();
    throw error;
  });
  try {
    const http = apiClient(api.base);
    await http.login('bench@example.com', PASSWORD);
    const connection = await http.call('POST', '/api/v1/admin/providers', {
      name: 'bench',
      provider: 'openai_compatible',
      baseUrl: provider.baseUrl,
    });
    const model = await http.call('POST', '/api/v1/admin/models', {
      name: 'bench',
      type: 'generation',
      provider: 'openai_compatible',
      modelName: 'bench-model',
      providerConnectionId: connection.id,
    });

    const started = Date.now();
    const ids = [];
    for (let i = 0; i < TESTS; i += 50) {
      const batch = Array.from({ length: Math.min(50, TESTS - i) }, () =>
        http.call('POST', `/api/v1/admin/models/${model.id}/test`),
      );
      ids.push(...(await Promise.all(batch)).map((accepted) => accepted.id));
    }
    const allAccepted = Date.now();
    let finished = 0;
    const results = [];
    while (finished < ids.length) {
      await sleep(250);
      const page = await http.call(
        'GET',
        `/api/v1/admin/models/${model.id}/tests?pageSize=1&status=queued`,
      );
      const running = await http.call(
        'GET',
        `/api/v1/admin/models/${model.id}/tests?pageSize=1&status=running`,
      );
      finished = ids.length - page.total - running.total;
    }
    for (let page = 1; results.length < ids.length; page++)
      results.push(
        ...(
          await http.call(
            'GET',
            `/api/v1/admin/models/${model.id}/tests?pageSize=200&page=${page}`,
          )
        ).items,
      );
    const passed = results.filter((r) => r.status === 'passed').length;
    const finishedAt = results.map((r) => Date.parse(r.finishedAt));
    const lastFinished = Math.max(...finishedAt);
    const bound = CONCURRENCY / (LATENCY_MS / 1000);
    // Overall: from the first request to the last result, accepting the burst of requests included.
    const overall = ids.length / ((lastFinished - started) / 1000);
    // Steady state: once every test is accepted, the queue is full and only the workers are at work.
    const steady =
      finishedAt.filter((at) => at > allAccepted).length /
      ((lastFinished - allAccepted) / 1000);
    /**
     * @param {string} label
     * @param {number} perSecond
     */
    const line = (label, perSecond) =>
      console.log(
        `  ${label} completed/s: ${perSecond.toFixed(1)}   ratio: ${(perSecond / bound).toFixed(2)}`,
      );
    console.log(
      `connection tests: ${FULL ? 'full mode (PostgreSQL + BullMQ on Redis)' : 'embedded mode (PGlite + BullMQ on the database)'}`,
    );
    console.log(
      `  ${ids.length} tests (${passed} passed), concurrency ${CONCURRENCY}, provider latency ${LATENCY_MS} ms`,
    );
    console.log(
      `  Little's-law bound (concurrency ÷ latency): ${bound.toFixed(1)}/s   target ratio ≥ 0.90`,
    );
    line('overall     ', overall);
    line('steady state', steady);
  } finally {
    await api.stop();
    await cleanUp();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
