// Benchmark: the model list endpoints with 50,000 models, reported as ratios against a bare Node
// HTTP server measured in the same run (never as absolute pass/fail timings, which depend on the
// machine). Usage: `node bench/models-list/run.mjs` after `npx nx build api`. See README.md.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN_JS = join(ROOT, 'dist/apps/api/main.js');
const CLI_JS = join(ROOT, 'dist/apps/api/cli.js');
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
const LOOPBACK = '127.0.0.1';

const MODEL_COUNT = 50_000;
const SCOPE_COUNT = 100; // plus 'global'
const REQUESTS = 300;
const WARMUP_REQUESTS = 30;
const CONCURRENCY = 8;
const SCENARIO_CAP_MS = 30_000; // a scenario stops here even if REQUESTS are not all done
const REQUEST_TIMEOUT_MS = 10_000;
const READY_TIMEOUT_MS = 30_000;
const MIGRATE_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

// A bulk load leaves the trigram index's new entries in its GIN pending list until a VACUUM, which
// makes the planner cost that index higher (and sometimes pick a Seq Scan for `q`). BENCH_VACUUM=1
// measures the vacuumed state instead of the freshly loaded one; either way autovacuum is off for the
// table so the state cannot change in the middle of a run.
const VACUUM = process.env.BENCH_VACUUM === '1';

/** @typedef {import('node:child_process').ChildProcess} ChildProcess */
/** @typedef {{ url: string, output: string[], stop: () => Promise<void> }} Api */
/** @typedef {{ kind: string, text: string, values: unknown[] }} Query */
/** @typedef {Awaited<ReturnType<typeof measure>>} Stats */
/** @typedef {Awaited<ReturnType<typeof explain>>} Plan */
/**
 * A request the bench measures, the SQL the API sends for it, and what the run found.
 * @typedef {{ name: string, path: string, sql: Query[], total?: number, stats?: Stats, plans?: Plan[] }} Scenario
 */
/** @typedef {Scenario & { total: number, stats: Stats, plans: Plan[] }} MeasuredScenario */
/** One node of PostgreSQL's JSON plan; only the fields read here. @typedef {{ 'Node Type': string, 'Relation Name'?: string, 'Index Name'?: string, Plans?: PlanNode[] }} PlanNode */

// What the fixtures query: a scope with its own defaults, and a word in ~2% of descriptions.
const BENCH_SCOPE = 'team-042';
const SEARCH_WORD = 'multilingual';

const PROVIDERS = [
  'openai',
  'azure_openai',
  'anthropic',
  'gemini',
  'cohere',
  'ollama',
  'bedrock',
  'fireworks',
  'openai_compatible',
];

/** Undo steps, run newest first exactly once, on success, failure or Ctrl-C. */
class Cleanup {
  /** @type {Array<() => unknown>} */
  #steps = [];
  #done = false;
  /** @param {() => unknown} step */
  add(step) {
    this.#steps.push(step);
  }
  async run() {
    if (this.#done) return;
    this.#done = true;
    for (const step of this.#steps.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(
          `cleanup: ${error instanceof Error ? error.message : error}`,
        );
      }
    }
  }
}

class BenchError extends Error {}

// ---------------------------------------------------------------- preconditions

function requireBuild() {
  const missing = [MAIN_JS, CLI_JS].filter((file) => !existsSync(file));
  if (missing.length === 0) return;
  console.error(
    `Missing build output: ${missing.map((f) => f.slice(ROOT.length + 1)).join(', ')}\n` +
      'Build the API first: NX_NO_CLOUD=true NX_DAEMON=false npx nx build api',
  );
  process.exit(1);
}

/**
 * The bench creates and drops databases, so it only ever talks to a local server.
 * @param {string} databaseUrl
 */
function requireLoopback(databaseUrl) {
  const host = new URL(databaseUrl).hostname.replace(/^\[|\]$/g, '');
  if (!['127.0.0.1', '::1', 'localhost'].includes(host)) {
    throw new BenchError(
      `DATABASE_URL must point at a loopback PostgreSQL (127.0.0.1, ::1 or localhost), not ${host}.`,
    );
  }
}

// ---------------------------------------------------------------- database

/**
 * @param {string} adminUrl
 * @param {string} name
 */
function databaseUrlFor(adminUrl, name) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * @template T
 * @param {string} connectionString
 * @param {(client: pg.Client) => Promise<T>} work
 */
async function withClient(connectionString, work) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * @param {string} adminUrl
 * @param {string} name
 */
async function createDatabase(adminUrl, name) {
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
}

/**
 * @param {string} adminUrl
 * @param {string} name
 */
async function dropDatabase(adminUrl, name) {
  // FORCE: a connection left over by a crashed API must not keep the database alive.
  await withClient(adminUrl, (c) =>
    c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
}

/** @param {string} databaseUrl */
async function migrate(databaseUrl) {
  await promisify(execFile)(process.execPath, [CLI_JS, 'migrate'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    timeout: MIGRATE_TIMEOUT_MS,
  });
}

/**
 * One INSERT … SELECT builds every row. The inner SELECT derives type, scope and status from the
 * row number so the outer one can pick the first active model of each (type, scope) as its default.
 */
const INSERT_MODELS = `
INSERT INTO models (name, type, provider, model_name, description, endpoint, params, capabilities,
                    status, is_default, priority, scope, owner,
                    input_price_per_million, output_price_per_million, created_at, updated_at)
SELECT
  (ARRAY['orca','lynx','heron','otter','bison','falcon','gecko','ibis','koala','marten'])[1 + i % 10]
    || '-' || lpad(i::text, 5, '0'),
  type,
  provider,
  'bench-' || type || '-' || (i % 40),
  'A ' || (ARRAY['fast','compact','accurate','large','distilled','quantised'])[1 + i % 6]
    || ' ' || type || ' model for '
    || (ARRAY['support','search','legal','finance','code','medical','retail','travel'])[1 + i % 8]
    || ' workloads' || CASE WHEN i % 50 = 0 THEN ', ${SEARCH_WORD}' ELSE '' END,
  CASE provider
    WHEN 'ollama' THEN 'http://127.0.0.1:11434'
    WHEN 'openai_compatible' THEN 'http://127.0.0.1:8000/v1'
    WHEN 'azure_openai' THEN 'https://bench.example.invalid'
  END,
  CASE WHEN type = 'embedding'
    THEN jsonb_build_object('dimensions', (ARRAY[384, 768, 1024, 1536])[1 + i % 4])
    ELSE '{}'::jsonb END,
  CASE WHEN type = 'generation' THEN '["streaming","tools"]'::jsonb ELSE '[]'::jsonb END,
  status,
  status = 'active'
    AND row_number() OVER (PARTITION BY type, scope, status = 'active' ORDER BY i) = 1,
  (i * 37) % 1001,
  scope,
  'platform-team',
  CASE WHEN type = 'generation' THEN (i % 50) / 10.0 + 0.1 END,
  CASE WHEN type = 'generation' THEN (i % 50) / 5.0 + 0.2 END,
  now() - make_interval(mins => (i * 7919) % ${MODEL_COUNT}),
  now() - make_interval(mins => (i * 7919) % ${MODEL_COUNT}) + make_interval(mins => (i * 31) % 1440)
FROM (
  SELECT
    i,
    (ARRAY['embedding','generation','rerank'])[1 + i % 3] AS type,
    (ARRAY['${PROVIDERS.join("','")}'])[1 + (i / 3) % ${PROVIDERS.length}] AS provider,
    CASE WHEN i % ${SCOPE_COUNT + 1} = 0 THEN 'global'
      ELSE 'team-' || lpad((i % ${SCOPE_COUNT + 1})::text, 3, '0') END AS scope,
    CASE i % 20 WHEN 0 THEN 'inactive' WHEN 1 THEN 'deprecated' ELSE 'active' END AS status
  FROM generate_series(1, ${MODEL_COUNT}) AS i
) AS g`;

/** @param {pg.Client} db */
async function seedModels(db) {
  await db.query('ALTER TABLE models SET (autovacuum_enabled = false)');
  await db.query(INSERT_MODELS);
  await db.query(VACUUM ? 'VACUUM (ANALYZE) models' : 'ANALYZE models');
  const { rows } = await db.query(
    `SELECT count(*)::int AS models, count(DISTINCT scope)::int AS scopes,
            count(*) FILTER (WHERE is_default)::int AS defaults,
            count(*) FILTER (WHERE status = 'active')::int AS active,
            count(*) FILTER (WHERE description LIKE '%${SEARCH_WORD}%')::int AS hits
       FROM models`,
  );
  return rows[0];
}

// ---------------------------------------------------------------- processes

async function freePort() {
  const server = createServer();
  server.listen(0, LOOPBACK);
  await once(server, 'listening');
  const { port } = /** @type {import('node:net').AddressInfo} */ (
    server.address()
  );
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * Keeps the last lines a child printed, to show them if it fails.
 * @param {import('node:stream').Readable} stream
 * @param {string[]} lines
 */
function tail(stream, lines) {
  stream.setEncoding('utf8');
  stream.on('data', (/** @type {string} */ chunk) => {
    lines.push(...chunk.split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  });
}

/**
 * @param {string} databaseUrl
 * @returns {Promise<Api>}
 */
async function startApi(databaseUrl) {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN_JS], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: LOOPBACK,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      SEED_ON_START: 'false',
      DATABASE_MIGRATE_ON_START: 'false',
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      REGISTRY_MASTER_KEY: randomBytes(32).toString('base64'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  /** @type {string[]} */
  const output = [];
  tail(child.stdout, output);
  tail(child.stderr, output);
  const exited = once(child, 'exit');
  const api = {
    url: `http://${LOOPBACK}:${port}`,
    output,
    stop: () => stopChild(child, exited),
  };
  await waitUntilReady(api, child);
  await signIn(api);
  return api;
}

/** The bootstrap admin of the bench database; every measured request carries its token. */
const BENCH_ADMIN = {
  email: 'bench@llm-registry.local',
  password: 'registry-load-passphrase-1',
};
/** @type {Record<string, string>} */
let authorization = {};

/** @param {Api} api */
async function signIn(api) {
  const res = await fetch(`${api.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ADMIN),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = /** @type {{ accessToken: string }} */ (await res.json());
  if (res.status !== 200)
    throw new BenchError(
      `Signing in answered ${res.status}: ${JSON.stringify(body)}`,
    );
  authorization = { authorization: `Bearer ${body.accessToken}` };
}

/**
 * @param {Api} api
 * @param {ChildProcess} child
 */
async function waitUntilReady(api, child) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    try {
      const res = await fetch(`${api.url}/health/ready`, {
        signal: AbortSignal.timeout(1000),
      });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new BenchError(
    `The API did not become ready within ${READY_TIMEOUT_MS} ms. Its last output:\n  ` +
      api.output.join('\n  '),
  );
}

/**
 * @param {ChildProcess} child
 * @param {Promise<unknown>} exited
 */
async function stopChild(child, exited) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const stopped = await Promise.race([
    exited.then(() => true),
    sleep(STOP_TIMEOUT_MS).then(() => false),
  ]);
  if (!stopped) {
    console.error('The API ignored SIGTERM; killing it.');
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * A bare Node server answering a fixed body: the floor any endpoint is compared with.
 * @param {Buffer} body
 */
async function startBaseline(body) {
  const server = createServer((req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': body.length,
    });
    res.end(body);
  });
  server.listen(await freePort(), LOOPBACK);
  await once(server, 'listening');
  return {
    url: `http://${LOOPBACK}:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`,
    stop: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

// ---------------------------------------------------------------- load

/**
 * @param {string} url
 * @returns {Promise<{ body: Buffer, json: any }>}
 */
async function getJson(url) {
  const res = await fetch(url, {
    headers: authorization,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) {
    throw new BenchError(
      `GET ${url} answered ${res.status}: ${body.toString().slice(0, 300)}`,
    );
  }
  return { body, json: JSON.parse(body.toString()) };
}

/**
 * Runs up to `requests` GETs, CONCURRENCY at a time, stopping at the time cap.
 * @param {string} url
 * @param {number} requests
 */
async function load(url, requests) {
  /** @type {number[]} */
  const latencies = [];
  let started = 0;
  let failures = 0;
  const t0 = performance.now();
  const deadline = t0 + SCENARIO_CAP_MS;
  async function worker() {
    while (started < requests && performance.now() < deadline) {
      started++;
      const begin = performance.now();
      try {
        const res = await fetch(url, {
          headers: authorization,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        await res.arrayBuffer(); // the body is part of the cost
        if (res.status === 200) latencies.push(performance.now() - begin);
        else failures++;
      } catch {
        failures++;
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - t0) / 1000;
  return { latencies, failures, seconds, capped: started < requests };
}

/**
 * @param {number[]} sorted
 * @param {number} p
 */
function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

/** @param {string} url */
async function measure(url) {
  await load(url, WARMUP_REQUESTS);
  const { latencies, failures, seconds, capped } = await load(url, REQUESTS);
  const sorted = latencies.sort((a, b) => a - b);
  return {
    failures,
    capped,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    rps: sorted.length / seconds,
  };
}

// ---------------------------------------------------------------- scenarios and their SQL

const COLUMNS = [
  'id',
  'name',
  'type',
  'provider',
  'model_name',
  'description',
  'endpoint',
  'params',
  'capabilities',
  'status',
  'is_default',
  'priority',
  'scope',
  'owner',
  'input_price_per_million',
  'output_price_per_million',
  'created_at',
  'updated_at',
  'version',
];

/**
 * The select list TypeORM writes, so the EXPLAINed row width matches the API's queries.
 * @param {string} alias
 */
function selectList(alias) {
  return COLUMNS.map((c) => `"${alias}"."${c}" AS "${alias}_${c}"`).join(', ');
}

const BY_PRIORITY = `"m"."priority" ASC, "m"."name" ASC, "m"."id" ASC`;
const SEARCH_DOCUMENT = `("m"."name" || ' ' || "m"."model_name" || ' ' || coalesce("m"."description", ''))`;

/**
 * ModelsRepository.findPage as TypeORM sends it (checked against the server's statement log):
 * the page, then COUNT(1) with the same filter whenever the page is full.
 * @param {{ where?: string, values?: unknown[], order?: string, offset?: number }} filter
 * @returns {Query[]}
 */
function adminQueries({
  where = '',
  values = [],
  order = BY_PRIORITY,
  offset = 0,
}) {
  const filter = where ? ` WHERE ${where}` : '';
  return [
    {
      kind: 'page',
      text: `SELECT ${selectList('m')} FROM "models" "m"${filter} ORDER BY ${order} LIMIT 25 OFFSET ${offset}`,
      values,
    },
    {
      kind: 'count',
      text: `SELECT COUNT(1) AS "cnt" FROM "models" "m"${filter}`,
      values,
    },
  ];
}

/**
 * ModelsRepository.findActiveForScope: the scope's models first, then global ones.
 * @param {string} type
 * @param {string} scope
 * @returns {Query[]}
 */
function publicListQueries(type, scope) {
  const where = `"m"."type" = $1 AND "m"."status" = 'active' AND "m"."scope" IN ($2, $3)`;
  return [
    {
      kind: 'page',
      text: `SELECT ${selectList('m')} FROM "models" "m" WHERE ${where} ORDER BY CASE WHEN "m"."scope" = $4 THEN 0 ELSE 1 END ASC, ${BY_PRIORITY} LIMIT 25 OFFSET 0`,
      values: [type, scope, 'global', scope],
    },
    {
      kind: 'count',
      text: `SELECT COUNT(1) AS "cnt" FROM "models" "m" WHERE ${where}`,
      values: [type, scope, 'global'],
    },
  ];
}

/**
 * ModelsRepository.findDefault (findOneBy); the scope has its own default, so one query.
 * @param {string} type
 * @param {string} scope
 * @returns {Query[]}
 */
function defaultQueries(type, scope) {
  const a = 'ModelEntity';
  return [
    {
      kind: 'lookup',
      text: `SELECT ${selectList(a)} FROM "models" "${a}" WHERE (("${a}"."type" = $1) AND ("${a}"."scope" = $2) AND ("${a}"."is_default" = $3)) LIMIT 1`,
      values: [type, scope, true],
    },
  ];
}

/** @returns {Scenario[]} */
function scenarios() {
  const admin = '/api/v1/admin/models';
  return [
    {
      name: 'admin list (priority,name)',
      path: admin,
      sql: adminQueries({}),
    },
    {
      name: 'type=embedding&status=active',
      path: `${admin}?type=embedding&status=active`,
      sql: adminQueries({
        where: `"m"."type" = $1 AND "m"."status" = $2`,
        values: ['embedding', 'active'],
      }),
    },
    {
      name: `q=${SEARCH_WORD}`,
      path: `${admin}?q=${SEARCH_WORD}`,
      sql: adminQueries({
        where: `${SEARCH_DOCUMENT} ILIKE $1`,
        values: [`%${SEARCH_WORD}%`],
      }),
    },
    {
      name: 'sort=updatedAt&order=desc',
      path: `${admin}?sort=updatedAt&order=desc`,
      sql: adminQueries({ order: `"m"."updated_at" DESC, "m"."id" ASC` }),
    },
    {
      name: 'page=1000&pageSize=25',
      path: `${admin}?page=1000&pageSize=25`,
      sql: adminQueries({ offset: 999 * 25 }),
    },
    {
      name: `scope=${BENCH_SCOPE}`,
      path: `${admin}?scope=${BENCH_SCOPE}`,
      sql: adminQueries({
        where: `"m"."scope" = $1`,
        values: [BENCH_SCOPE],
      }),
    },
    {
      name: `public generation?scope=${BENCH_SCOPE}`,
      path: `/api/v1/models/generation?scope=${BENCH_SCOPE}`,
      sql: publicListQueries('generation', BENCH_SCOPE),
    },
    {
      name: `public generation/default?scope=…`,
      path: `/api/v1/models/generation/default?scope=${BENCH_SCOPE}`,
      sql: defaultQueries('generation', BENCH_SCOPE),
    },
  ];
}

/**
 * Fails early if a scenario answers an error or an empty page, which would be misleadingly fast.
 * @param {Api} api
 * @param {Scenario} scenario
 * @returns {Promise<number>}
 */
async function checkScenario(api, scenario) {
  const { json } = await getJson(api.url + scenario.path);
  if (Array.isArray(json.items)) {
    if (json.items.length === 0) {
      throw new BenchError(`${scenario.name} returned no models.`);
    }
    return json.total;
  }
  return 1; // the default endpoint answers one model
}

// ---------------------------------------------------------------- EXPLAIN

/**
 * Walks a plan tree and names how it reads `models`: indexes used, or Seq Scan.
 * @param {PlanNode} node
 * @param {string[]} [found]
 */
function accessPaths(node, found = []) {
  const type = node['Node Type'];
  if (type === 'Seq Scan' && node['Relation Name'] === 'models') {
    found.push('SEQ SCAN on models');
  } else if (node['Index Name']) {
    found.push(`${type} using ${node['Index Name']}`);
  }
  for (const child of node.Plans ?? []) accessPaths(child, found);
  return found;
}

/**
 * @param {PlanNode} node
 * @param {string[]} [found]
 */
function sortNodes(node, found = []) {
  if (/Sort$/.test(node['Node Type'])) found.push(node['Node Type']);
  for (const child of node.Plans ?? []) sortNodes(child, found);
  return found;
}

// ANALYZE runs the (read-only) query once, so the plan comes with its real execution time.
/**
 * @param {pg.Client} db
 * @param {Query} query
 */
async function explain(db, query) {
  const { rows } = await db.query(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${query.text}`,
    query.values,
  );
  /** @type {[{ Plan: PlanNode, 'Execution Time': number }]} */
  const [result] = rows[0]['QUERY PLAN'];
  const paths = accessPaths(result.Plan);
  return {
    kind: query.kind,
    paths,
    sorts: sortNodes(result.Plan),
    seqScan: paths.some((p) => p.startsWith('SEQ SCAN')),
    ms: result['Execution Time'],
  };
}

// ---------------------------------------------------------------- report

/**
 * @param {number} n
 * @param {number} [digits]
 */
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/**
 * @param {string[]} headers
 * @param {Array<Array<string | number>>} rows
 */
function printTable(headers, rows) {
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => String(r[i]).length)),
  );
  /** @param {Array<string | number>} cells */
  const line = (cells) =>
    `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  console.log(line(headers));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const row of rows) console.log(line(row));
}

/**
 * Ratios use the mean of the baseline measured before and after the scenarios, to damp drift.
 * @param {Stats[]} baselines
 * @param {MeasuredScenario[]} results
 */
function printFigures(baselines, results) {
  const base = {
    p50: (baselines[0].p50 + baselines[1].p50) / 2,
    rps: (baselines[0].rps + baselines[1].rps) / 2,
  };
  const reference = results[0].stats; // the default admin list
  /**
   * @param {string} name
   * @param {number | string} total
   * @param {Stats} s
   * @param {boolean} vsDefault
   */
  const row = (name, total, s, vsDefault) => [
    name,
    total,
    fmt(s.p50, 2),
    fmt(s.p95, 2),
    fmt(s.rps, 0),
    `${fmt(s.p50 / base.p50)}x`,
    fmt(s.rps / base.rps, 2),
    vsDefault ? `${fmt(s.p50 / reference.p50)}x` : '',
    s.failures + (s.capped ? ' (capped)' : ''),
  ];
  const rows = [
    row('baseline, before (node:http)', '', baselines[0], false),
    row('baseline, after (node:http)', '', baselines[1], false),
    ...results.map((r) => row(r.name, r.total, r.stats, true)),
  ];
  printTable(
    [
      'scenario',
      'matches',
      'p50 ms',
      'p95 ms',
      'req/s',
      'p50 / baseline',
      'req/s / baseline',
      'p50 / default list',
      'errors',
    ],
    rows,
  );
}

/** @param {MeasuredScenario[]} results */
function printPlans(results) {
  /** @type {string[][]} */
  const rows = [];
  for (const r of results) {
    for (const plan of r.plans) {
      rows.push([
        r.name,
        plan.kind,
        plan.paths.join(' + ') || '(no scan of models)',
        plan.sorts.join(', ') || '-',
        fmt(plan.ms, 2),
      ]);
    }
  }
  printTable(
    ['scenario', 'query', 'reads models via', 'sort', 'exec ms'],
    rows,
  );
}

/** @param {MeasuredScenario[]} results */
function printWarnings(results) {
  const reference = results[0].stats.p50;
  const warnings = [];
  for (const r of results) {
    for (const plan of r.plans.filter((p) => p.seqScan)) {
      warnings.push(
        `${r.name}: the ${plan.kind} query reads models with a Seq Scan.`,
      );
    }
    if (r.stats.p50 > 10 * reference) {
      warnings.push(`${r.name}: p50 is more than 10x the default list's.`);
    }
  }
  if (warnings.length === 0) {
    console.log(
      'No Seq Scan on models, no scenario above 10x the default list.',
    );
  }
  for (const warning of warnings) console.log(`! ${warning}`);
}

// ---------------------------------------------------------------- main

/**
 * A fresh database with the schema and the models; dropped by the cleanup.
 * @param {Cleanup} cleanup
 */
async function prepareDatabase(cleanup) {
  const adminUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  requireLoopback(adminUrl);
  const name = `llmr_bench_${randomBytes(6).toString('hex')}`;
  await createDatabase(adminUrl, name);
  cleanup.add(() => dropDatabase(adminUrl, name));
  const databaseUrl = databaseUrlFor(adminUrl, name);
  console.log(`Database ${name}: migrating, inserting ${MODEL_COUNT} models…`);
  await migrate(databaseUrl);

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  cleanup.add(() => db.end());
  const data = await seedModels(db);
  console.log(
    `  ${data.models} models, ${data.scopes} scopes, ${data.active} active, ` +
      `${data.defaults} defaults, ${data.hits} match q=${SEARCH_WORD}; ` +
      (VACUUM ? 'VACUUM (ANALYZE) done' : 'ANALYZE only (as loaded)'),
  );
  return { db, databaseUrl };
}

/**
 * The API, and a baseline serving the API's own first page so both send the same bytes.
 * @param {string} databaseUrl
 * @param {Cleanup} cleanup
 */
async function startServers(databaseUrl, cleanup) {
  const api = await startApi(databaseUrl);
  cleanup.add(() => api.stop());
  const page = await getJson(`${api.url}/api/v1/admin/models`);
  const baseline = await startBaseline(page.body);
  cleanup.add(() => baseline.stop());
  return { api, baseline, bodyBytes: page.body.length };
}

/**
 * @param {pg.Client} db
 * @param {Awaited<ReturnType<typeof startServers>>} servers
 * @returns {Promise<{ baselines: Stats[], list: MeasuredScenario[] }>}
 */
async function measureAll(db, { api, baseline, bodyBytes }) {
  const list = scenarios();
  for (const scenario of list) {
    scenario.total = await checkScenario(api, scenario);
  }
  console.log(
    `Load: ${WARMUP_REQUESTS} warm-up + ${REQUESTS} requests per scenario, ` +
      `concurrency ${CONCURRENCY}, cap ${SCENARIO_CAP_MS / 1000} s; ` +
      `baseline body ${bodyBytes} bytes (the API's first page).`,
  );
  // A first full round warms this process's fetch path; otherwise the first figures pay for it.
  await load(baseline.url, REQUESTS);
  const baselines = [await measure(baseline.url)];
  for (const scenario of list) {
    scenario.stats = await measure(api.url + scenario.path);
    scenario.plans = [];
    for (const query of scenario.sql) {
      scenario.plans.push(await explain(db, query));
    }
  }
  baselines.push(await measure(baseline.url));
  // Every scenario now has its total, stats and plans.
  return { baselines, list: /** @type {MeasuredScenario[]} */ (list) };
}

/**
 * @param {pg.Client} db
 * @param {Awaited<ReturnType<typeof measureAll>>} results
 */
async function report(db, { baselines, list }) {
  const { rows } = await db.query('SHOW server_version');
  console.log(
    `\nNode ${process.version}, PostgreSQL ${rows[0].server_version}, ` +
      `${cpus().length} CPUs (${cpus()[0]?.model.trim()}), ${new Date().toISOString()}\n`,
  );
  printFigures(baselines, list);
  console.log('');
  printPlans(list);
  console.log('');
  printWarnings(list);
}

/** @param {Cleanup} cleanup */
async function run(cleanup) {
  const { db, databaseUrl } = await prepareDatabase(cleanup);
  const servers = await startServers(databaseUrl, cleanup);
  const results = await measureAll(db, servers);
  await report(db, results);
  const all = [...results.baselines, ...results.list.map((s) => s.stats)];
  return all.some((s) => s.failures > 0) ? 1 : 0;
}

async function main() {
  requireBuild();
  const cleanup = new Cleanup();
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      console.error(`\n${signal}: cleaning up.`);
      cleanup.run().finally(() => process.exit(130));
    });
  }
  let code = 1;
  try {
    code = await run(cleanup);
    if (code !== 0)
      console.error('Some requests failed; the figures are not comparable.');
  } catch (error) {
    console.error(error instanceof BenchError ? error.message : error);
  } finally {
    await cleanup.run();
  }
  process.exit(code);
}

await main();
