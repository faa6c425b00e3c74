// Benchmark: the first mirror of 1,000 models into LiteLLM, and the resync that follows when nothing
// changed, against the LiteLLM double in its own process adding 20 ms to every call. Usage, after
// `npx nx build api`:
//   node bench/litellm-sync/run.mjs                  embedded mode (PGlite, BullMQ on the database)
//   BENCH_MODE=full node bench/litellm-sync/run.mjs  PostgreSQL + Redis (DATABASE_URL, REDIS_URL)
// The models are registered with the mirror off; the API is then restarted with LITELLM_URL set, and
// its startup reconcile is the first sync. Prints the first sync's seconds, its reads and writes, and
// the unchanged resync's reads and writes (target: 0 writes).
// Env: BENCH_MODELS (1000), BENCH_CONCURRENCY (LITELLM_SYNC_CONCURRENCY, 12), BENCH_LATENCY_MS (20).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { apiClient } from '../support/api-client.mjs';
import { createDatabase, MAIN_JS, startApi } from '../support/api-process.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const MODELS = Number(process.env.BENCH_MODELS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 12);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const FULL = process.env.BENCH_MODE === 'full';
const PASSWORD = 'litellm-sync-run-7429';
const MASTER_KEY = `sk-bench-${randomBytes(8).toString('hex')}`;

/** The LiteLLM double, in its own process (litellm-double.cjs). */
async function startLiteLLM() {
  const child = spawn(process.execPath, [join(HERE, 'litellm-double.cjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      LATENCY_MS: String(LATENCY_MS),
      MASTER_KEY,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = await once(child.stdout, 'data');
  const url = `http://127.0.0.1:${Number(String(chunk).trim())}`;
  /**
   * @param {'GET' | 'POST'} method
   * @param {string} path
   */
  const control = async (method, path) =>
    /** @type {{ reads: number, writes: number, deployments: number }} */ (
      await (await fetch(`${url}/__double/${path}`, { method })).json()
    );
  return {
    url,
    counts: () => control('GET', 'calls'),
    reset: () => control('POST', 'reset'),
    close: async () => {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/**
 * Polls until the run that `pick` finds in the status has finished.
 * @param {ReturnType<typeof apiClient>} api
 * @param {(status: any) => any} pick the run, or a promise of it; null while there is none
 */
async function finishedRun(api, pick) {
  for (;;) {
    const status = await api.call('GET', '/api/v1/admin/proxy-sync');
    const run = await pick(status);
    if (run?.finishedAt) return run;
    await sleep(100);
  }
}

async function main() {
  if (!existsSync(MAIN_JS)) throw new Error('Build first: npx nx build api');
  const litellm = await startLiteLLM();
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-ls-'));
  const database = FULL ? await createDatabase('bench_ls') : null;
  const registryEnv = {
    DATA_DIR: dataDir,
    ADMIN_EMAIL: 'bench@example.com',
    ADMIN_PASSWORD: PASSWORD,
    ...(database
      ? {
          DATABASE_URL: database.url,
          DATABASE_MIGRATE_ON_START: 'true',
          REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
          QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
          REGISTRY_MASTER_KEY: randomBytes(32).toString('base64'),
        }
      : {}),
  };
  let api = null;
  try {
    // 1. The registry fills up while the mirror is off.
    api = await startApi(registryEnv);
    let http = apiClient(api.base);
    await http.login('bench@example.com', PASSWORD);
    const connection = await http.call('POST', '/api/v1/admin/providers', {
      name: 'vLLM',
      provider: 'openai_compatible',
      baseUrl: 'http://vllm.internal:8000/v1',
      apiKey: `sk-bench-${randomBytes(12).toString('hex')}`,
    });
    for (let i = 0; i < MODELS; i += 25) {
      await Promise.all(
        Array.from({ length: Math.min(25, MODELS - i) }, (_, j) =>
          http.call('POST', '/api/v1/admin/models', {
            name: `bench model ${i + j}`,
            type: j % 5 === 0 ? 'embedding' : 'generation',
            provider: 'openai_compatible',
            modelName: `served-model-${i + j}`,
            providerConnectionId: connection.id,
            params:
              j % 5 === 0
                ? { dimensions: 768 }
                : { temperature: 0.2, max_output_tokens: 1024 },
          }),
        ),
      );
    }
    await api.stop();

    // 2. Restarted with the mirror on: the startup reconcile is the first sync.
    api = await startApi({
      ...registryEnv,
      LITELLM_URL: litellm.url,
      LITELLM_MASTER_KEY: MASTER_KEY,
      LITELLM_SYNC_CONCURRENCY: String(CONCURRENCY),
      LITELLM_RECONCILE_INTERVAL_SECONDS: '86400',
    });
    http = apiClient(api.base);
    await http.login('bench@example.com', PASSWORD);
    const first = await finishedRun(http, (s) =>
      s.lastRun?.trigger === 'startup' ? s.lastRun : null,
    );
    const afterFirst = await litellm.counts();

    // 3. Nothing changed: the resync must read once and write nothing.
    await litellm.reset();
    const { id } = await http.call(
      'POST',
      '/api/v1/admin/proxy-sync/reconcile',
    );
    const resync = await finishedRun(http, () =>
      http.call('GET', `/api/v1/admin/proxy-sync/runs/${id}`),
    );
    const afterResync = await litellm.counts();

    /** @param {{ startedAt: string, finishedAt: string }} run */
    const seconds = (run) =>
      (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000;
    const bound = (MODELS * LATENCY_MS) / CONCURRENCY / 1000;
    console.log(
      `LiteLLM mirror: ${FULL ? 'full mode (PostgreSQL + BullMQ on Redis)' : 'embedded mode (PGlite + BullMQ on the database)'}`,
    );
    console.log(
      `  ${MODELS} models, ${LATENCY_MS} ms per LiteLLM call, ${CONCURRENCY} calls in flight`,
    );
    console.log(
      `  API ready ${(api.readyAfterMs / 1000).toFixed(1)} s after start (the first sync runs as a job)`,
    );
    console.log(
      `  first sync: ${seconds(first).toFixed(2)} s (target ≤ 30 s; bound models × latency ÷ concurrency = ${bound.toFixed(2)} s), ${first.status}`,
    );
    console.log(
      `    run: ${first.reads} reads, ${first.writes} writes, ${first.driftFound.missing} missing, ${first.driftFixed} fixed; LiteLLM saw ${afterFirst.reads} reads, ${afterFirst.writes} writes, holds ${afterFirst.deployments} deployments`,
    );
    console.log(
      `  unchanged resync: ${seconds(resync).toFixed(2)} s, ${resync.reads} reads, ${resync.writes} writes (target 0); LiteLLM saw ${afterResync.reads} reads, ${afterResync.writes} writes`,
    );
  } finally {
    await api?.stop();
    await litellm.close();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
