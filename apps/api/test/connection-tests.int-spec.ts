import { type ConnectionTest } from '@llm-registry/contracts';
import { getQueueToken } from '@nestjs/bullmq';
import { type INestApplicationContext } from '@nestjs/common';
import { type Queue } from 'bullmq';
import pino from 'pino';
import {
  DOUBLE_MODELS,
  DOUBLE_PROVIDERS,
  startProviderDouble,
  type DoubleBehaviour,
  type DoubleProvider,
  type ProviderDouble,
} from '@llm-registry/testing/provider-doubles';
import { ConnectionTestsProcessor } from '../src/modules/connection-tests/connection-tests.processor';
import {
  CONNECTION_TESTS_QUEUE,
  JOB,
} from '../src/modules/connection-tests/connection-tests.queue';
import { createWorker } from '../src/worker.factory';
import { queueCases } from './support/backends';
import { CONNECTION_TESTS, waitForTests } from './support/connection-tests';
import { waitFor } from './support/eventually';
import { nextJob, workerOf } from './support/job-events';
import { queueContents } from './support/queue-contents';
import { startTestApp, type TestApp } from './support/test-app';

const MODELS = '/api/v1/admin/models';
const PROVIDERS = '/api/v1/admin/providers';
const KEY = 'sk-conntest-secret-4f8a1e9b27c3';

interface Probe {
  provider: DoubleProvider;
  type: 'generation' | 'embedding' | 'rerank';
  modelId: string;
  dimensions?: number;
}

/** What each failure mode of the doubles must become: category, and the start of the message. */
const FAILURES: Array<[DoubleBehaviour, string, RegExp]> = [
  ['unauthorized', 'auth', /^The provider rejected the credentials/],
  ['not_found', 'not_found', /^The provider does not know this model/],
  ['rate_limited', 'rate_limited', /^The provider is rate limiting/],
  ['quota', 'quota', /^The account has no quota or credit left/],
  ['slow', 'timeout', /^The provider did not answer in time/],
  ['malformed', 'bad_response', /^The provider sent/],
  [
    'server_error',
    'bad_response',
    /^The provider sent an answer that could not be used/,
  ],
];

/** Transient failures are tried again: the test config allows two attempts. */
const RETRIED = new Set<DoubleBehaviour>([
  'rate_limited',
  'slow',
  'server_error',
]);

describe.each(queueCases())('connection tests on the $name queue', (queue) => {
  let t: TestApp;
  const doubles = new Map<DoubleProvider, ProviderDouble>();
  const connections = new Map<DoubleProvider, string>();
  const probes: Probe[] = [];

  beforeAll(async () => {
    for (const provider of DOUBLE_PROVIDERS)
      doubles.set(
        provider,
        await startProviderDouble(provider, { apiKey: KEY, slowMs: 8000 }),
      );
    t = await startTestApp(queue.backend, {
      ...queue.overrides,
      connectionTests: {
        concurrency: 8,
        rateLimit: 0,
        rateWindowMs: 60_000,
        // Roomy for a loaded CI machine, yet well under the doubles' `slow` answer.
        timeoutMs: 4000,
        attempts: 2,
      },
    });
    for (const provider of DOUBLE_PROVIDERS) {
      const connection = await t.request({
        method: 'POST',
        url: PROVIDERS,
        body: {
          name: `${provider} double`,
          provider,
          baseUrl: doubles.get(provider)?.baseUrl,
          apiKey: KEY,
        },
      });
      expect(connection.status).toBe(201);
      connections.set(provider, connection.body.id);
      const { chat, embedding, dimensions, rerank } = DOUBLE_MODELS[provider];
      const wanted = [
        { type: 'generation' as const, modelName: chat, params: {} },
        ...(embedding
          ? [
              {
                type: 'embedding' as const,
                modelName: embedding,
                params: { dimensions },
              },
            ]
          : []),
        ...(rerank
          ? [{ type: 'rerank' as const, modelName: rerank, params: {} }]
          : []),
      ];
      for (const model of wanted) {
        const created = await t.request({
          method: 'POST',
          url: MODELS,
          body: {
            ...model,
            name: `${provider} ${model.type}`,
            provider,
            providerConnectionId: connection.body.id,
          },
        });
        expect(created.status).toBe(201);
        probes.push({
          provider,
          type: model.type,
          modelId: created.body.id,
          dimensions: model.type === 'embedding' ? dimensions : undefined,
        });
      }
    }
  });

  afterAll(async () => {
    await t?.close();
    await Promise.all([...doubles.values()].map((d) => d.close()));
  });

  function setBehaviour(behaviour: DoubleBehaviour) {
    for (const double of doubles.values()) double.behaviour = behaviour;
  }

  async function testAll(): Promise<ConnectionTest[]> {
    const ids: string[] = [];
    for (const probe of probes) {
      const accepted = await t.request({
        method: 'POST',
        url: `${MODELS}/${probe.modelId}/test`,
      });
      expect(accepted.status).toBe(202);
      expect(Object.keys(accepted.body)).toEqual(['id']);
      ids.push(accepted.body.id);
    }
    // `slow` costs two timeouts and a backoff per probe, in rounds of `concurrency`.
    return waitForTests(t, ids, 90_000);
  }

  it('passes every probe type on every double, with what each returned', async () => {
    setBehaviour('ok');
    const results = await testAll();
    results.forEach((result, i) => {
      const probe = probes[i];
      expect({
        probe: `${probe.provider} ${probe.type}`,
        ...result,
      }).toMatchObject({
        status: 'passed',
        category: null,
        attempts: 1,
        subject: 'model',
        modelId: probe.modelId,
      });
      expect(result.latencyMs).toBeGreaterThanOrEqual(0);
      expect(Date.parse(result.startedAt as string)).toBeLessThanOrEqual(
        Date.parse(result.finishedAt as string),
      );
      if (probe.type === 'embedding')
        expect(result.details.dimensions).toBe(probe.dimensions);
      if (probe.type === 'rerank')
        expect(result.details.documentsRanked).toBe(2);
    });
  });

  it.each(FAILURES)(
    'reports %s as %s with a clear message, for every probe type on every double',
    async (behaviour, category, message) => {
      setBehaviour(behaviour);
      const results = await testAll();
      const label = (i: number) => `${probes[i].provider} ${probes[i].type}`;
      const expected = (i: number) =>
        behaviour === 'quota' && probes[i].provider === 'openai_compatible'
          ? // vLLM itself never bills; the gateway 429 the double sends reaches openai-node without its body.
            ['rate_limited', 2]
          : [category, RETRIED.has(behaviour) ? 2 : 1];
      expect(
        results.map((r, i) => [label(i), r.status, r.category, r.attempts]),
      ).toEqual(results.map((_, i) => [label(i), 'failed', ...expected(i)]));
      for (const result of results) {
        if (result.category === category)
          expect(result.message).toMatch(message);
        expect(result.message).not.toContain(KEY);
        expect(result.message).not.toMatch(/\n\s+at /);
      }
    },
  );

  it('fails embeddings of the wrong size with the sizes in the message', async () => {
    setBehaviour('wrong_dimensions');
    const results = await testAll();
    results.forEach((result, i) => {
      const probe = probes[i];
      if (probe.type !== 'embedding') {
        expect(result.status).toBe('passed');
        return;
      }
      expect(result).toMatchObject({
        status: 'failed',
        category: 'dimension_mismatch',
        details: { expectedDimensions: probe.dimensions },
      });
      expect(result.message).toContain(
        `expected ${probe.dimensions}, got ${result.details.dimensions}`,
      );
    });
  });

  it("keeps each model's history and shows its last result", async () => {
    setBehaviour('ok');
    const probe = probes[0];
    const [result] = await waitForTests(t, [
      (
        await t.request({
          method: 'POST',
          url: `${MODELS}/${probe.modelId}/test`,
        })
      ).body.id,
    ]);
    const model = await t.request({
      method: 'GET',
      url: `${MODELS}/${probe.modelId}`,
    });
    expect(model.body.lastTest).toMatchObject({
      testId: result.id,
      status: 'passed',
      category: null,
      testedAt: result.finishedAt,
    });
    const history = await t.request({
      method: 'GET',
      url: `${MODELS}/${probe.modelId}/tests?pageSize=100`,
    });
    expect(history.status).toBe(200);
    expect(history.body.items[0].id).toBe(result.id);
    // One per earlier case, and this one.
    expect(history.body.total).toBe(FAILURES.length + 3);
    const failedOnly = await t.request({
      method: 'GET',
      url: `${MODELS}/${probe.modelId}/tests?status=failed`,
    });
    expect(failedOnly.body.total).toBe(FAILURES.length);
  });

  it('tests a draft with its own key before saving, and keeps the key out of the queue', async () => {
    setBehaviour('ok');
    const double = doubles.get('openai') as ProviderDouble;
    const draftKey = `sk-draft-${Date.now()}-9c1d7e`;
    const otherDouble = await startProviderDouble('openai', {
      apiKey: draftKey,
    });
    try {
      const accepted = await t.request({
        method: 'POST',
        url: `${MODELS}/test`,
        body: {
          type: 'embedding',
          provider: 'openai',
          modelName: DOUBLE_MODELS.openai.embedding,
          params: { dimensions: 256 },
          connection: { baseUrl: otherDouble.baseUrl, apiKey: draftKey },
        },
      });
      expect(accepted.status).toBe(202);
      const [result] = await waitForTests(t, [accepted.body.id]);
      expect(result).toMatchObject({
        status: 'passed',
        subject: 'draft',
        modelId: null,
        details: { dimensions: 256 },
      });
      expect(otherDouble.requests.at(-1)?.headers['authorization']).toBe(
        `Bearer ${draftKey}`,
      );
      expect(
        double.requests.some((r) =>
          r.headers['authorization']?.includes(draftKey),
        ),
      ).toBe(false);

      const [row] = await t.dataSource.query(
        'SELECT row_to_json(t)::text AS json, draft_secret_id FROM connection_tests t WHERE id = $1',
        [result.id],
      );
      expect(row.draft_secret_id).toBeNull();
      expect(row.json).not.toContain(draftKey);
      expect(await queueContents(t)).not.toContain(draftKey);
      expect(await queueContents(t)).toContain(result.id);
    } finally {
      await otherDouble.close();
    }
  });

  it('tests a draft through a saved connection, with the saved key', async () => {
    setBehaviour('ok');
    const accepted = await t.request({
      method: 'POST',
      url: `${MODELS}/test`,
      body: {
        type: 'generation',
        provider: 'anthropic',
        modelName: DOUBLE_MODELS.anthropic.chat,
        providerConnectionId: connections.get('anthropic'),
      },
    });
    expect(accepted.status).toBe(202);
    const [result] = await waitForTests(t, [accepted.body.id]);
    expect(result).toMatchObject({
      status: 'passed',
      providerConnectionId: connections.get('anthropic'),
    });
  });

  it('refuses a bad draft with 400 naming the field, and queues nothing', async () => {
    const before = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM connection_tests',
    );
    for (const [body, field] of [
      [
        {
          type: 'generation',
          provider: 'openai',
          modelName: 'x',
          params: { temperature: 9 },
        },
        'params.temperature',
      ],
      [{ type: 'rerank', provider: 'openai', modelName: 'x' }, 'provider'],
      [
        {
          type: 'generation',
          provider: 'openai',
          modelName: 'x',
          connection: { apiKey: 'sk-…abcd' },
        },
        'connection.apiKey',
      ],
      [
        {
          type: 'generation',
          provider: 'openai',
          modelName: 'x',
          connection: { baseUrl: 'ftp://x' },
        },
        'connection.baseUrl',
      ],
      [
        {
          type: 'generation',
          provider: 'openai',
          modelName: 'x',
          providerConnectionId: connections.get('cohere'),
        },
        'providerConnectionId',
      ],
    ] as const) {
      const response = await t.request({
        method: 'POST',
        url: `${MODELS}/test`,
        body,
      });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain(
        'application/problem+json',
      );
      expect(
        response.body.errors.map((e: { field: string }) => e.field),
      ).toContain(field);
    }
    const after = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM connection_tests',
    );
    expect(after[0].n).toBe(before[0].n);
  });

  it('tests a provider connection by listing its models, and records it on the connection', async () => {
    setBehaviour('ok');
    const id = connections.get('gemini') as string;
    const accepted = await t.request({
      method: 'POST',
      url: `${PROVIDERS}/${id}/test`,
    });
    expect(accepted.status).toBe(202);
    const [result] = await waitForTests(t, [accepted.body.id]);
    expect(result).toMatchObject({
      status: 'passed',
      subject: 'provider',
      providerConnectionId: id,
    });
    expect(result.details.remoteModelCount).toBeGreaterThan(0);
    const connection = await t.request({
      method: 'GET',
      url: `${PROVIDERS}/${id}`,
    });
    expect(connection.body.lastTest).toMatchObject({
      testId: result.id,
      status: 'passed',
    });
    const history = await t.request({
      method: 'GET',
      url: `${PROVIDERS}/${id}/tests`,
    });
    expect(history.body.items.map((i: { id: string }) => i.id)).toContain(
      result.id,
    );
  });

  it('fails a connection it cannot list or probe as unsupported, naming what to do', async () => {
    const created = await t.request({
      method: 'POST',
      url: PROVIDERS,
      body: {
        name: `azure ${queue.name}`,
        provider: 'azure_openai',
        baseUrl: 'https://example.openai.azure.com',
        apiKey: KEY,
      },
    });
    const accepted = await t.request({
      method: 'POST',
      url: `${PROVIDERS}/${created.body.id}/test`,
    });
    const [result] = await waitForTests(t, [accepted.body.id]);
    expect(result).toMatchObject({ status: 'failed', category: 'unsupported' });
    expect(result.message).toMatch(/no active model to probe/);
  });

  it('answers 404 for unknown tests, models and connections, and 400 for a bad id', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', `${CONNECTION_TESTS}/${unknown}`],
      ['POST', `${MODELS}/${unknown}/test`],
      ['GET', `${MODELS}/${unknown}/tests`],
      ['POST', `${PROVIDERS}/${unknown}/test`],
    ] as const)
      expect((await t.request({ method, url })).status).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: `${CONNECTION_TESTS}/nope` }))
        .status,
    ).toBe(400);
  });
});

describe('the worker process', () => {
  const [, redis] = queueCases();
  let api: TestApp;
  let worker: INestApplicationContext;
  let double: ProviderDouble;

  beforeAll(async () => {
    double = await startProviderDouble('ollama');
    api = await startTestApp(redis.backend, {
      ...redis.overrides,
      runProcessors: false,
    });
    worker = await createWorker({
      config: api.config,
      database: api.database,
      logger: pino({ level: 'silent' }),
      environment: {},
    });
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await double?.close();
  });

  it('runs the tests an API without processors queued on Redis', async () => {
    const connection = await api.request({
      method: 'POST',
      url: PROVIDERS,
      body: {
        name: 'ollama for the worker',
        provider: 'ollama',
        baseUrl: double.baseUrl,
      },
    });
    const model = await api.request({
      method: 'POST',
      url: MODELS,
      body: {
        name: 'worker model',
        type: 'generation',
        provider: 'ollama',
        modelName: DOUBLE_MODELS.ollama.chat,
        providerConnectionId: connection.body.id,
      },
    });
    const accepted = await api.request({
      method: 'POST',
      url: `${MODELS}/${model.body.id}/test`,
    });
    const [result] = await waitForTests(api, [accepted.body.id]);
    expect(result.status).toBe('passed');
    expect(double.requests.length).toBeGreaterThan(0);
  });
});

describe('scheduled health checks', () => {
  let t: TestApp;
  let double: ProviderDouble;

  beforeAll(async () => {
    double = await startProviderDouble('ollama');
    t = await startTestApp('pglite', {
      healthChecks: { enabled: true, sweepIntervalMs: 200 },
    });
  });

  afterAll(async () => {
    await t?.close();
    await double?.close();
  });

  const scheduled = async (modelId: string) =>
    (
      await t.request({
        method: 'GET',
        url: `${MODELS}/${modelId}/tests?trigger=scheduled`,
      })
    ).body.items as ConnectionTest[];

  /**
   * As if the last scheduled check ran long enough ago for the interval to have passed, but never
   * before today's UTC midnight: the daily cap counts from there, and a check moved into yesterday
   * would free a slot. Needs the clock at least one interval (5 minutes) past midnight.
   */
  const intervalPasses = (modelId: string) =>
    t.dataSource.query(
      `UPDATE connection_tests
          SET created_at = GREATEST(created_at - interval '6 minutes', date_trunc('day', now(), 'UTC'))
        WHERE model_id = $1 AND trigger = 'scheduled'`,
      [modelId],
    );

  /** The result of the next sweep to start: it sees every change made before the call. */
  const nextSweep = () =>
    nextJob<{ queued: number }>(
      workerOf(t, ConnectionTestsProcessor),
      JOB.healthSweep,
      { description: 'the next health sweep' },
    );

  it(
    'probes a model on its interval and never beyond its daily cap',
    async () => {
      // Real clock time: in the first five minutes of a UTC day no check can be an interval old and
      // still count for today, so wait for that to pass (only a run started just after midnight waits).
      const sinceMidnightMs = Date.now() % 86_400_000;
      const interval = 5 * 60_000;
      if (sinceMidnightMs < interval)
        await new Promise((resolve) =>
          setTimeout(resolve, interval - sinceMidnightMs + 1_000),
        );
      const connection = await t.request({
        method: 'POST',
        url: PROVIDERS,
        body: {
          name: 'ollama scheduled',
          provider: 'ollama',
          baseUrl: double.baseUrl,
        },
      });
      const model = await t.request({
        method: 'POST',
        url: MODELS,
        body: {
          name: 'scheduled model',
          type: 'generation',
          provider: 'ollama',
          modelName: DOUBLE_MODELS.ollama.chat,
          providerConnectionId: connection.body.id,
          healthCheck: { intervalMinutes: 5, dailyCap: 2 },
        },
      });
      expect(model.body.healthCheck).toEqual({
        intervalMinutes: 5,
        dailyCap: 2,
      });
      const id = model.body.id as string;

      const first = await waitFor(() => scheduled(id), {
        description: 'the first scheduled check to finish',
        until: (items) => items.length === 1 && !!items[0].finishedAt,
      });
      expect(first[0]).toMatchObject({
        trigger: 'scheduled',
        status: 'passed',
      });
      // Within the interval: a sweep that looks after the first check queues no second one.
      await expect(nextSweep()).resolves.toEqual({ queued: 0 });
      expect(await scheduled(id)).toHaveLength(1);

      await intervalPasses(id);
      await waitFor(() => scheduled(id), {
        description: 'the second scheduled check',
        until: (items) => items.length === 2,
      });
      // The cap of 2 a day holds even when the interval has passed again.
      await intervalPasses(id);
      await expect(nextSweep()).resolves.toEqual({ queued: 0 });
      expect(await scheduled(id)).toHaveLength(2);

      const unscheduled = await t.request({
        method: 'GET',
        url: `${MODELS}/${id}`,
      });
      expect(unscheduled.body.lastTest).toMatchObject({ status: 'passed' });
    },
    8 * 60_000, // room for the wait past midnight above
  );

  it('refuses a half-set or out-of-range schedule, naming the field', async () => {
    const response = await t.request({
      method: 'POST',
      url: MODELS,
      body: {
        name: 'bad schedule',
        type: 'generation',
        provider: 'ollama',
        modelName: 'x',
        healthCheck: { intervalMinutes: 1 },
      },
    });
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'healthCheck.intervalMinutes',
        'healthCheck.dailyCap',
      ]),
    );
  });
});

describe('manual tests while the next health sweep is far off', () => {
  let t: TestApp;
  let double: ProviderDouble;

  beforeAll(async () => {
    double = await startProviderDouble('ollama');
    // Embedded: no NOTIFY reaches the worker, so only polling finds a new job before the sweep is due.
    t = await startTestApp('pglite', {
      healthChecks: { enabled: true, sweepIntervalMs: 600_000 },
    });
  });

  afterAll(async () => {
    await t?.close();
    await double?.close();
  });

  it('runs a manual test at once, not when the delayed sweep comes due', async () => {
    const connection = await t.request({
      method: 'POST',
      url: PROVIDERS,
      body: {
        name: 'ollama manual',
        provider: 'ollama',
        baseUrl: double.baseUrl,
      },
    });
    const model = await t.request({
      method: 'POST',
      url: MODELS,
      body: {
        name: 'Manual probe',
        type: 'generation',
        provider: 'ollama',
        providerConnectionId: connection.body.id,
        modelName: DOUBLE_MODELS.ollama.chat,
        params: { context_window: 8192, max_output_tokens: 1024 },
      },
    });
    expect(model.status).toBe(201);
    // Once the first sweep (run at start) is done, the idle worker waits for the next one, ten minutes
    // ahead; a test queued before that would be picked up on the way and prove nothing.
    const queue = t.app.get<Queue>(getQueueToken(CONNECTION_TESTS_QUEUE));
    await waitFor(() => queue.getJobCounts('active', 'waiting', 'delayed'), {
      description: 'only the next sweep left in the queue',
      until: (counts) =>
        counts['active'] === 0 &&
        counts['waiting'] === 0 &&
        counts['delayed'] === 1,
    });
    const accepted = await t.request({
      method: 'POST',
      url: `${MODELS}/${model.body.id}/test`,
    });
    const [result] = await waitForTests(t, [accepted.body.id], 20_000);
    expect(result.status).toBe('passed');
  });
});
