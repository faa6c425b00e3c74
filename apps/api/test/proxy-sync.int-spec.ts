import { randomBytes, randomUUID } from 'node:crypto';
import { type INestApplicationContext } from '@nestjs/common';
import pino from 'pino';
import { type Model, type ProxySyncStatus } from '@llm-registry/contracts';
import { type ProxySyncConfig } from '../src/config/app-config';
import { createWorker } from '../src/worker.factory';
import { queueCases } from './support/backends';
import { generationModel } from './support/fixtures';
import {
  startLiteLLMDouble,
  type LiteLLMDouble,
  type RecordedCall,
} from '@llm-registry/testing/litellm-double';
import {
  drained,
  PROXY_SYNC,
  reconcileNow,
  waitForMirror,
  waitForRun,
} from './support/proxy-sync';
import { waitFor } from './support/eventually';
import { queueContents } from './support/queue-contents';
import {
  startTestApp,
  type RequestOptions,
  type TestApp,
  type TestResponse,
} from './support/test-app';

const MODELS = '/api/v1/admin/models';
const PROVIDERS = '/api/v1/admin/providers';
/** Unique per run: found anywhere but in LiteLLM's own table, it leaked. */
const KEY = `sk-mirror${randomBytes(12).toString('hex')}`;
const ROTATED_KEY = `sk-rotated${randomBytes(12).toString('hex')}`;
const VLLM = 'http://vllm.internal:8000/v1';

function mirrorConfig(double: LiteLLMDouble): ProxySyncConfig {
  return {
    litellm: { url: double.url, masterKey: double.masterKey },
    reconcileIntervalMs: 3_600_000,
    concurrency: 4,
    timeoutMs: 2000,
    attempts: 3,
    retryDelayMs: 50,
  };
}

/** The calls LiteLLM received about one model, as `METHOD path`. */
function callsAbout(double: LiteLLMDouble, id: string): string[] {
  return double.calls
    .filter((call) => JSON.stringify(call).includes(id))
    .map((call) => `${call.method} ${call.path}`);
}

function writesSince(double: LiteLLMDouble, mark: number): RecordedCall[] {
  return double.calls.slice(mark).filter((call) => call.method !== 'GET');
}

describe.each(queueCases())('LiteLLM mirror on the $name queue', (queue) => {
  let t: TestApp;
  let litellm: LiteLLMDouble;
  let vllmConnection: string;
  let cohereConnection: string;
  /** Every response the API gave, to look for the key in. */
  const answers: string[] = [];

  async function send(options: RequestOptions): Promise<TestResponse> {
    const response = await t.request(options);
    answers.push(response.text);
    return response;
  }

  async function createModel(body: object): Promise<string> {
    const response = await send({ method: 'POST', url: MODELS, body });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  const vllmModel = (overrides: object = {}) =>
    generationModel({
      provider: 'openai_compatible',
      modelName: 'qwen2.5-7b',
      providerConnectionId: vllmConnection,
      params: { temperature: 0.3 },
      ...overrides,
    });

  async function versionOf(id: string): Promise<number> {
    return (await send({ method: 'GET', url: `${MODELS}/${id}` })).body
      .version as number;
  }

  /** No model job left: what LiteLLM holds is what the jobs left. */
  const settled = () => drained(t);

  beforeAll(async () => {
    litellm = await startLiteLLMDouble();
    t = await startTestApp(queue.backend, {
      ...queue.overrides,
      proxySync: mirrorConfig(litellm),
    });
    vllmConnection = (
      await send({
        method: 'POST',
        url: PROVIDERS,
        body: {
          name: 'vLLM',
          provider: 'openai_compatible',
          baseUrl: VLLM,
          apiKey: KEY,
        },
      })
    ).body.id;
    cohereConnection = (
      await send({
        method: 'POST',
        url: PROVIDERS,
        body: { name: 'Cohere', provider: 'cohere', apiKey: KEY },
      })
    ).body.id;
    // The startup run: nothing to do yet.
    await waitFor(
      async () =>
        (await send({ method: 'GET', url: PROXY_SYNC }))
          .body as ProxySyncStatus,
      {
        description: 'the startup reconcile',
        until: (status) => status.lastRun?.finishedAt != null,
      },
    );
  });

  afterAll(async () => {
    await t?.close();
    await litellm?.close();
  });

  it('registers each new active model as db-<uuid>, with its mode, our name and type, and the key', async () => {
    const chat = await createModel(vllmModel({ name: 'Qwen chat' }));
    const embedding = await createModel({
      name: 'Qwen embed',
      type: 'embedding',
      provider: 'openai_compatible',
      modelName: 'bge-m3',
      providerConnectionId: vllmConnection,
      params: { dimensions: 1024 },
    });
    const rerank = await createModel({
      name: 'Cohere rerank',
      type: 'rerank',
      provider: 'cohere',
      modelName: 'rerank-v3.5',
      providerConnectionId: cohereConnection,
    });
    for (const id of [chat, embedding, rerank]) await waitForMirror(t, id);

    expect(litellm.deployments.get(chat)).toEqual({
      model_name: `db-${chat}`,
      litellm_params: {
        model: 'openai/qwen2.5-7b',
        api_base: VLLM,
        api_key: KEY,
        temperature: 0.3,
      },
      model_info: {
        id: chat,
        mode: 'chat',
        registry_name: 'Qwen chat',
        registry_type: 'generation',
        db_model: false,
      },
    });
    expect(litellm.deployments.get(embedding)?.model_info).toMatchObject({
      mode: 'embedding',
      registry_type: 'embedding',
    });
    expect(litellm.deployments.get(rerank)).toMatchObject({
      litellm_params: { model: 'cohere/rerank-v3.5', api_key: KEY },
      model_info: { mode: 'rerank', registry_type: 'rerank' },
    });
    // Not there yet: one look, one create.
    expect(callsAbout(litellm, chat)).toEqual([
      'GET /model/info',
      'POST /model/new',
    ]);

    const model = (await send({ method: 'GET', url: `${MODELS}/${chat}` }))
      .body as Model;
    expect(model.proxySync).toEqual({
      state: 'synced',
      lastError: null,
      lastSyncedAt: expect.any(String),
    });
    const publicList = await send({
      method: 'GET',
      url: '/api/v1/models/generation',
    });
    expect(publicList.text).not.toContain('proxySync');
  });

  it('updates a changed model with PATCH, re-creates it when a param must go, and writes nothing for a change LiteLLM does not hold', async () => {
    const id = await createModel(vllmModel());
    await waitForMirror(t, id);

    let mark = litellm.calls.length;
    await send({
      method: 'PATCH',
      url: `${MODELS}/${id}`,
      body: { priority: 7, version: await versionOf(id) },
    });
    await waitForMirror(t, id);
    expect(litellm.calls.slice(mark)).toEqual([]);

    mark = litellm.calls.length;
    await send({
      method: 'PATCH',
      url: `${MODELS}/${id}`,
      body: {
        params: { temperature: 0.9, top_p: 0.5 },
        version: await versionOf(id),
      },
    });
    await waitFor(
      async () => litellm.deployments.get(id)?.litellm_params['temperature'],
      {
        description: 'the new temperature in LiteLLM',
        until: (temperature) => temperature === 0.9,
      },
    );
    await waitForMirror(t, id);
    expect(writesSince(litellm, mark).map((c) => c.path)).toEqual([
      `/model/${id}/update`,
    ]);

    // PATCH cannot remove top_p (null deletes nothing): the deployment is made again without it.
    mark = litellm.calls.length;
    await send({
      method: 'PATCH',
      url: `${MODELS}/${id}`,
      body: { params: { temperature: 0.9 }, version: await versionOf(id) },
    });
    await waitFor(async () => litellm.deployments.get(id)?.litellm_params, {
      description: 'top_p gone from LiteLLM',
      until: (params) => params !== undefined && !('top_p' in params),
    });
    await waitForMirror(t, id);
    expect(writesSince(litellm, mark).map((c) => c.path)).toEqual([
      '/model/delete',
      '/model/new',
    ]);
    expect(litellm.deployments.get(id)?.litellm_params).toEqual({
      model: 'openai/qwen2.5-7b',
      api_base: VLLM,
      api_key: KEY,
      temperature: 0.9,
    });
  });

  it('unregisters deactivated and deleted models, and counts a deployment already gone as done', async () => {
    const [deactivated, deleted, bulkA, bulkB, goneAlready] = [
      await createModel(vllmModel()),
      await createModel(vllmModel()),
      await createModel(vllmModel()),
      await createModel(vllmModel()),
      await createModel(vllmModel()),
    ];
    for (const id of [deactivated, deleted, bulkA, bulkB, goneAlready])
      await waitForMirror(t, id);

    await send({
      method: 'PATCH',
      url: `${MODELS}/${deactivated}/status`,
      body: { status: 'inactive' },
    });
    await send({ method: 'DELETE', url: `${MODELS}/${deleted}` });
    const bulk = await send({
      method: 'POST',
      url: `${MODELS}/bulk`,
      body: { action: 'deactivate', ids: [bulkA, bulkB] },
    });
    expect(bulk.body.succeeded).toBe(2);
    litellm.deployments.delete(goneAlready);
    await send({ method: 'DELETE', url: `${MODELS}/${goneAlready}` });

    await waitFor(
      async () =>
        [deactivated, deleted, bulkA, bulkB].filter((id) =>
          litellm.deployments.has(id),
        ),
      {
        description: 'the deployments removed',
        until: (left) => left.length === 0,
      },
    );
    for (const id of [deactivated, bulkA, bulkB])
      expect((await waitForMirror(t, id)).proxySync?.lastError).toBeNull();
    // Known to be gone: editing the inactive model calls LiteLLM no more.
    await drained(t);
    const beforeEdit = litellm.calls.length;
    await send({
      method: 'PATCH',
      url: `${MODELS}/${deactivated}`,
      body: { description: 'retired', version: await versionOf(deactivated) },
    });
    await waitForMirror(t, deactivated);
    await drained(t);
    expect(litellm.calls.slice(beforeEdit)).toEqual([]);
    await waitFor(
      async () => litellm.calls.filter((c) => c.path === '/model/delete'),
      {
        description: 'the delete of a deployment already gone',
        until: (deletes) =>
          deletes.some(
            (c) =>
              c.status === 400 && JSON.stringify(c.body).includes(goneAlready),
          ),
      },
    );
  });

  it('keeps a deprecated model served until it is deactivated: its knowledge bases still call it', async () => {
    const id = await createModel(vllmModel());
    await waitForMirror(t, id);
    await send({
      method: 'PATCH',
      url: `${MODELS}/${id}/status`,
      body: { status: 'deprecated' },
    });
    await drained(t);
    expect(litellm.deployments.has(id)).toBe(true);
    await send({
      method: 'PATCH',
      url: `${MODELS}/${id}/status`,
      body: { status: 'inactive' },
    });
    await waitFor(async () => litellm.deployments.has(id), {
      description: 'the deprecated model unregistered once inactive',
      until: (present) => !present,
    });
  });

  it('counts "saved but not live" as saved: no retry, no double, served once the router reloads', async () => {
    await settled();
    litellm.failNextCreateSavedButNotLive();
    const id = await createModel(vllmModel());
    const model = await waitForMirror(t, id);
    expect(model.proxySync?.lastError).toBeNull();
    expect(callsAbout(litellm, id)).toEqual([
      'GET /model/info',
      'POST /model/new',
    ]);
    expect(
      [...litellm.deployments.values()].filter(
        (d) => d.model_name === `db-${id}`,
      ),
    ).toHaveLength(1);
    litellm.reloadRouter();
    const run = await reconcileNow(t);
    expect(run).toMatchObject({ status: 'succeeded', writes: 0 });
  });

  it('looks after a 500 on create before retrying, and PATCHes a row stored but not live in the pod that answers', async () => {
    await settled();
    const id = await createModel(vllmModel());
    await waitForMirror(t, id);
    // Another pod answers now, one that has not loaded the row: the listing and the lookup miss it.
    litellm.hideFromRouter(id);
    const mark = litellm.calls.length;
    const run = await reconcileNow(t);
    expect(run).toMatchObject({
      status: 'succeeded',
      driftFound: { missing: 1 },
      driftFixed: 1,
      error: null,
    });
    expect(
      litellm.calls
        .slice(mark)
        .filter((c) => JSON.stringify(c).includes(id))
        .map((c) => `${c.method} ${c.path} ${c.status}`),
    ).toEqual([
      'POST /model/new 500',
      'GET /model/info 400',
      `PATCH /model/${id}/update 200`,
    ]);
    expect(
      [...litellm.deployments.values()].filter(
        (d) => d.model_name === `db-${id}`,
      ),
    ).toHaveLength(1);
    expect((await waitForMirror(t, id)).proxySync?.lastError).toBeNull();
  });

  it('converges once LiteLLM is back, with nothing lost and nothing doubled', async () => {
    const [kept, updated, deleted, deactivated] = [
      await createModel(vllmModel()),
      await createModel(vllmModel()),
      await createModel(vllmModel()),
      await createModel(vllmModel()),
    ];
    for (const id of [kept, updated, deleted, deactivated])
      await waitForMirror(t, id);

    await litellm.down('refused');
    const created = await createModel(
      vllmModel({ name: 'Created while down' }),
    );
    await send({
      method: 'PATCH',
      url: `${MODELS}/${updated}`,
      body: { modelName: 'qwen3-8b', version: await versionOf(updated) },
    });
    await send({ method: 'DELETE', url: `${MODELS}/${deleted}` });
    await send({
      method: 'PATCH',
      url: `${MODELS}/${deactivated}/status`,
      body: { status: 'inactive' },
    });
    // Every attempt failed: the models say so, without the key.
    for (const id of [created, updated, deactivated]) {
      const model = await waitForMirror(t, id, 'error');
      expect(model.proxySync?.lastError).toMatch(
        /^LiteLLM could not be reached/,
      );
    }
    await drained(t);
    const failedRun = await reconcileNow(t);
    expect(failedRun).toMatchObject({ status: 'failed', writes: 0 });
    expect(failedRun.error).toMatch(/^LiteLLM could not be reached/);

    await litellm.up();
    const run = await reconcileNow(t);
    expect(run).toMatchObject({
      status: 'succeeded',
      driftFound: { missing: 1, changed: 1, foreign: 2 },
      driftFixed: 4,
      failedModels: 0,
      error: null,
    });
    expect(litellm.deployments.get(created)?.model_name).toBe(`db-${created}`);
    expect(litellm.deployments.get(updated)?.litellm_params['model']).toBe(
      'openai/qwen3-8b',
    );
    expect(litellm.deployments.has(kept)).toBe(true);
    expect(litellm.deployments.has(deleted)).toBe(false);
    expect(litellm.deployments.has(deactivated)).toBe(false);
    const names = [...litellm.deployments.values()].map((d) => d.model_name);
    expect(new Set(names).size).toBe(names.length);
    for (const id of [created, updated, deactivated, kept])
      expect((await waitForMirror(t, id)).proxySync?.lastError).toBeNull();
  });

  it('finds and fixes drift made behind its back, and leaves what is not ours alone', async () => {
    await settled();
    const [removed, repointed] = [
      await createModel(vllmModel()),
      await createModel(vllmModel()),
    ];
    for (const id of [removed, repointed]) await waitForMirror(t, id);
    const foreign = randomUUID();
    litellm.deployments.delete(removed);
    (
      litellm.deployments.get(repointed) as { litellm_params: object }
    ).litellm_params = {
      ...litellm.deployments.get(repointed)?.litellm_params,
      api_base: 'http://attacker.example/v1',
    };
    // Stored through the API by someone else, under our naming: not a model we own, so it goes.
    litellm.deployments.set(foreign, {
      model_name: `db-${foreign}`,
      litellm_params: { model: 'openai/gpt-4o', api_key: 'sk-other' },
      model_info: { id: foreign },
    });
    // Not even a uuid: nothing of ours, though named like it.
    litellm.deployments.set('handmade', {
      model_name: 'db-handmade',
      litellm_params: { model: 'openai/gpt-4o' },
      model_info: { id: 'handmade' },
    });
    // From the proxy's config file: the API cannot delete it (db_model false), so it is left alone.
    const configured = randomUUID();
    litellm.deployments.set(configured, {
      model_name: `db-${configured}`,
      litellm_params: { model: 'openai/gpt-4o' },
      model_info: { id: configured },
      config: true,
    });
    litellm.deployments.set('team-gpt', {
      model_name: 'team-gpt',
      litellm_params: { model: 'openai/gpt-4o' },
      model_info: { id: 'team-gpt' },
    });

    const run = await reconcileNow(t);
    expect(run).toMatchObject({
      status: 'succeeded',
      reads: 1,
      driftFound: { missing: 1, changed: 1, foreign: 2 },
      driftFixed: 4,
    });
    expect(litellm.deployments.get(removed)?.model_name).toBe(`db-${removed}`);
    expect(litellm.deployments.get(repointed)?.litellm_params).toMatchObject({
      api_base: VLLM,
      api_key: KEY,
    });
    expect(litellm.deployments.has(foreign)).toBe(false);
    expect(litellm.deployments.has('handmade')).toBe(false);
    expect(litellm.deployments.has('team-gpt')).toBe(true);
    expect(litellm.deployments.has(configured)).toBe(true);
    litellm.deployments.delete(configured);
    litellm.deployments.delete('team-gpt');
  });

  it('leaves no deployment behind for a model deleted while a reconcile was re-creating it', async () => {
    await settled();
    const id = await createModel(vllmModel());
    await waitForMirror(t, id);
    litellm.deployments.delete(id);
    const release = litellm.holdCreates();
    const accepted = await send({
      method: 'POST',
      url: `${PROXY_SYNC}/reconcile`,
    });
    try {
      // The run has planned the create and sent it; the model goes before LiteLLM applies it.
      await waitFor(async () => litellm.heldCreates, {
        description: 'the reconcile’s create',
        until: (held) => held === 1,
      });
      await send({ method: 'DELETE', url: `${MODELS}/${id}` });
      await waitFor(
        async () => callsAbout(litellm, id).filter((c) => c.endsWith('delete')),
        {
          description: 'the model job’s delete',
          until: (deletes) => deletes.length === 1,
        },
      );
    } finally {
      release();
    }
    await waitForRun(t, accepted.body.id as string);
    await settled();
    expect(litellm.deployments.has(id)).toBe(false);
  });

  it('makes no write and one read pass when nothing changed', async () => {
    await settled();
    await reconcileNow(t);
    const mark = litellm.calls.length;
    const [before] = await t.dataSource.query(
      `SELECT count(*)::int AS n, max(proxy_synced_at) AS last FROM models`,
    );

    const run = await reconcileNow(t);

    expect(run).toMatchObject({
      status: 'succeeded',
      reads: 1,
      writes: 0,
      driftFound: { missing: 0, changed: 0, foreign: 0 },
      driftFixed: 0,
    });
    expect(
      litellm.calls.slice(mark).map((c) => `${c.method} ${c.path}`),
    ).toEqual(['GET /v2/model/info']);
    const [after] = await t.dataSource.query(
      `SELECT count(*)::int AS n, max(proxy_synced_at) AS last FROM models`,
    );
    expect(after).toEqual(before);
  });

  it('pages through /v2/model/info, one read per hundred deployments', async () => {
    await settled();
    for (let i = 0; i < 120; i++)
      litellm.deployments.set(`config-${i}`, {
        model_name: `team-model-${i}`,
        litellm_params: { model: 'openai/gpt-4o-mini' },
        model_info: { id: `config-${i}` },
        config: true,
      });
    try {
      const run = await reconcileNow(t);
      expect(run).toMatchObject({ reads: 2, writes: 0 });
    } finally {
      for (let i = 0; i < 120; i++) litellm.deployments.delete(`config-${i}`);
    }
  });

  it('writes nothing while LiteLLM has no database, and says why', async () => {
    await settled();
    const id = await createModel(vllmModel());
    await waitForMirror(t, id);
    litellm.deployments.delete(id);
    litellm.dbConnected = false;
    try {
      const mark = litellm.calls.length;
      const run = await reconcileNow(t);
      expect(run).toMatchObject({ status: 'failed', reads: 0, writes: 0 });
      expect(run.error).toMatch(/database is disconnected/);
      expect(litellm.calls.slice(mark)).toEqual([]);
    } finally {
      litellm.dbConnected = true;
    }
    const repaired = await reconcileNow(t);
    expect(repaired).toMatchObject({
      status: 'succeeded',
      driftFound: { missing: 1 },
    });
    expect(litellm.deployments.has(id)).toBe(true);
  });

  it('reads a proxy without /v2/model/info through one /model/info', async () => {
    await settled();
    litellm.withoutV2Listing = true;
    try {
      const mark = litellm.calls.length;
      const run = await reconcileNow(t);
      expect(run).toMatchObject({ status: 'succeeded', reads: 2, writes: 0 });
      expect(
        litellm.calls
          .slice(mark)
          .map((c) => `${c.method} ${c.path} ${c.status}`),
      ).toEqual(['GET /v2/model/info 404', 'GET /model/info 200']);
    } finally {
      litellm.withoutV2Listing = false;
    }
  });

  it('compares what LiteLLM masks by fingerprint only: a masked token or max_tokens is no drift and never written back', async () => {
    await settled();
    const bedrock = (
      await send({
        method: 'POST',
        url: PROVIDERS,
        body: {
          name: 'Bedrock',
          provider: 'bedrock',
          region: 'eu-west-1',
          accessKeyId: 'AKIAMIRRORTEST000001',
          secretAccessKey: KEY,
          sessionToken: `session-${KEY}`,
        },
      })
    ).body;
    const ids = [
      await createModel(
        vllmModel({ params: { temperature: 0.3, max_output_tokens: 4096 } }),
      ),
      await createModel(
        generationModel({
          provider: 'bedrock',
          modelName: 'anthropic.claude-3-5-haiku-20241022-v1:0',
          providerConnectionId: bedrock.id,
          params: { max_output_tokens: 1024 },
        }),
      ),
    ];
    for (const id of ids) await waitForMirror(t, id);
    const listed = JSON.stringify(
      (await fetch(`${litellm.url}/v2/model/info?size=500`, {
        headers: { authorization: `Bearer ${litellm.masterKey}` },
      }).then((r) => r.json())) as unknown,
    );
    // LiteLLM shows these masked: comparing them in clear would call every run a drift.
    expect(listed).toContain('"max_tokens":"****"');
    expect(listed).toMatch(/"aws_session_token":"sess\*\*\*\*/);
    await reconcileNow(t);
    const run = await reconcileNow(t);
    expect(run).toMatchObject({ writes: 0, driftFound: { changed: 0 } });

    // A new session token reaches LiteLLM as itself, never as what LiteLLM showed.
    const rotated = `session-${ROTATED_KEY}`;
    await send({
      method: 'PATCH',
      url: `${PROVIDERS}/${bedrock.id}`,
      body: {
        accessKeyId: 'AKIAMIRRORTEST000001',
        secretAccessKey: KEY,
        sessionToken: rotated,
        version: bedrock.version,
      },
    });
    await waitFor(async () => litellm.deployments.get(ids[1])?.litellm_params, {
      description: 'the new session token in LiteLLM',
      until: (params) => params?.['aws_session_token'] === rotated,
    });
    await settled();
  });

  it('sends a rotated key to LiteLLM for every model of the connection', async () => {
    const id = await createModel(vllmModel());
    await waitForMirror(t, id);
    const connection = await send({
      method: 'GET',
      url: `${PROVIDERS}/${vllmConnection}`,
    });
    await send({
      method: 'PATCH',
      url: `${PROVIDERS}/${vllmConnection}`,
      body: { apiKey: ROTATED_KEY, version: connection.body.version },
    });
    await waitFor(
      async () => litellm.deployments.get(id)?.litellm_params['api_key'],
      {
        description: 'the rotated key in LiteLLM',
        until: (key) => key === ROTATED_KEY,
      },
    );
    await settled();
    const keys = [...litellm.deployments.values()]
      .filter((d) => d.litellm_params['api_base'] === VLLM)
      .map((d) => d.litellm_params['api_key']);
    expect(new Set(keys)).toEqual(new Set([ROTATED_KEY]));
  });

  it('puts a model it cannot describe in error and leaves LiteLLM alone', async () => {
    const id = await createModel(vllmModel({ providerConnectionId: null }));
    const model = await waitForMirror(t, id, 'error');
    expect(model.proxySync?.lastError).toMatch(/no provider connection/);
    expect(litellm.deployments.has(id)).toBe(false);
  });

  it('shows its state and last run, and audits every run', async () => {
    const run = await reconcileNow(t);
    const status = await send({ method: 'GET', url: PROXY_SYNC });
    expect(status.body).toMatchObject({
      enabled: true,
      litellmUrl: litellm.url,
      reconcileIntervalSeconds: 3600,
      lastRun: { id: run.id, trigger: 'manual', status: 'succeeded' },
    });
    expect(status.body.models.synced).toBeGreaterThan(5);
    expect(status.body.models.error).toBe(1);

    const events = await send({
      method: 'GET',
      url: `/api/v1/admin/audit-events?entityType=proxy_sync_run&entityId=${run.id}`,
    });
    expect(
      events.body.items.map(
        (e: { action: string; actor: { type: string } }) => [
          e.action,
          e.actor.type,
        ],
      ),
    ).toEqual([
      ['proxy_sync.reconciled', 'system'],
      ['proxy_sync.requested', 'user'],
    ]);
    const [{ runs, audited }] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM proxy_sync_runs WHERE finished_at IS NOT NULL) AS runs,
              (SELECT count(*)::int FROM audit_events WHERE action = 'proxy_sync.reconciled') AS audited`,
    );
    expect(audited).toBe(runs);

    for (const url of [
      `${PROXY_SYNC}/runs/${randomUUID()}`,
      `${PROXY_SYNC}/runs/x`,
    ])
      expect([404, 400]).toContain((await send({ method: 'GET', url })).status);
    const viewer = await t.userToken('viewer');
    expect(
      (await t.request({ method: 'GET', url: PROXY_SYNC, token: viewer }))
        .status,
    ).toBe(200);
    expect(
      (
        await t.request({
          method: 'POST',
          url: `${PROXY_SYNC}/reconcile`,
          token: viewer,
        })
      ).status,
    ).toBe(403);
  });

  it('never writes a masked value back, and the key goes to LiteLLM only', async () => {
    await settled();
    const writes = litellm.calls.filter((c) => c.method !== 'GET');
    expect(writes.length).toBeGreaterThan(10);
    for (const write of writes) {
      expect(JSON.stringify(write.body)).not.toContain('****');
      const key = (write.body as { litellm_params?: { api_key?: string } })
        ?.litellm_params?.api_key;
      if (key !== undefined)
        expect([KEY, ROTATED_KEY, 'sk-other']).toContain(key);
      const token = (
        write.body as { litellm_params?: { aws_session_token?: string } }
      )?.litellm_params?.aws_session_token;
      if (token !== undefined)
        expect([`session-${KEY}`, `session-${ROTATED_KEY}`]).toContain(token);
    }
    const [rows] = await t.dataSource.query(
      `SELECT (SELECT string_agg(row_to_json(m)::text, '') FROM models m)
           || (SELECT string_agg(row_to_json(r)::text, '') FROM proxy_sync_runs r)
           || (SELECT string_agg(changes::text || context::text, '') FROM audit_events) AS text`,
    );
    const stored = `${rows.text}\n${await queueContents(t)}\n${answers.join('\n')}`;
    for (const secret of [KEY, ROTATED_KEY, litellm.masterKey])
      expect(stored).not.toContain(secret);
    // The masked values LiteLLM listed were there to be written back, and never were.
    expect(
      writes.some((w) => JSON.stringify(w.body).includes('session-')),
    ).toBe(true);
  });
});

describe('LiteLLM mirror across processes', () => {
  const [, redis] = queueCases();
  let litellm: LiteLLMDouble;
  let api: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    // Slow enough that a startup reconcile cannot be over before the API answers.
    litellm = await startLiteLLMDouble({ latencyMs: 1500 });
    api = await startTestApp(redis.backend, {
      ...redis.overrides,
      runProcessors: false,
      proxySync: mirrorConfig(litellm),
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
    await litellm?.close();
  });

  it('is ready before the startup reconcile has finished', async () => {
    expect(
      (await api.request({ method: 'GET', url: '/health/ready' })).status,
    ).toBe(200);
    const status = (await api.request({ method: 'GET', url: PROXY_SYNC }))
      .body as ProxySyncStatus;
    expect(status.lastRun?.finishedAt ?? null).toBeNull();
    const finished = await waitFor(
      async () =>
        (await api.request({ method: 'GET', url: PROXY_SYNC }))
          .body as ProxySyncStatus,
      {
        description: 'the startup reconcile',
        until: (s) => s.lastRun?.finishedAt != null,
      },
    );
    expect(finished.lastRun).toMatchObject({
      trigger: 'startup',
      status: 'succeeded',
    });
  });

  it('mirrors, in the worker, what an API without processors queued', async () => {
    litellm.latencyMs = 0;
    const connection = await api.request({
      method: 'POST',
      url: PROVIDERS,
      body: { name: 'ollama', provider: 'ollama', baseUrl: 'http://gpu:11434' },
    });
    const model = await api.request({
      method: 'POST',
      url: MODELS,
      body: generationModel({
        provider: 'ollama',
        modelName: 'llama3.1',
        params: {},
        providerConnectionId: connection.body.id,
      }),
    });
    await waitForMirror(api, model.body.id);
    expect(litellm.deployments.get(model.body.id)?.litellm_params).toEqual({
      model: 'ollama_chat/llama3.1',
      api_base: 'http://gpu:11434',
      api_key: 'not-needed',
    });
  });
});

describe('LiteLLM mirror on a schedule', () => {
  let litellm: LiteLLMDouble;
  let t: TestApp;

  beforeAll(async () => {
    litellm = await startLiteLLMDouble();
    // Embedded: no notification wakes an idle worker, so a due tick must do it.
    t = await startTestApp('pglite', {
      proxySync: { ...mirrorConfig(litellm), reconcileIntervalMs: 300 },
    });
  });

  afterAll(async () => {
    await t?.close();
    await litellm?.close();
  });

  it('reconciles on its interval, and at once when asked in between', async () => {
    const scheduled = await waitFor(
      async () =>
        (await t.dataSource.query(
          `SELECT count(*)::int AS n FROM proxy_sync_runs
            WHERE trigger = 'scheduled' AND status = 'succeeded'`,
        )) as { n: number }[],
      { description: 'scheduled runs', until: ([{ n }]) => n >= 2 },
    );
    expect(scheduled[0].n).toBeGreaterThanOrEqual(2);
    expect((await reconcileNow(t)).status).toBe('succeeded');
  });
});

describe('LiteLLM mirror turned off', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('pglite');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('says so, refuses a reconcile, and leaves models unmirrored', async () => {
    const status = await t.request({ method: 'GET', url: PROXY_SYNC });
    expect(status.body).toMatchObject({
      enabled: false,
      litellmUrl: null,
      lastRun: null,
    });
    const refused = await t.request({
      method: 'POST',
      url: `${PROXY_SYNC}/reconcile`,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PROXY_SYNC_DISABLED');
    const model = await t.request({
      method: 'POST',
      url: MODELS,
      body: generationModel(),
    });
    expect(model.body.proxySync).toBeNull();
    expect(
      (await t.request({ method: 'GET', url: `${MODELS}/${model.body.id}` }))
        .body.proxySync,
    ).toBeNull();
  });
});
