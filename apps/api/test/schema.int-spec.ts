import { SEED_MODELS } from '../src/modules/registry/seed/seed-models';
import { SeedService } from '../src/modules/registry/seed/seed.service';
import { pendingSchemaChanges } from '../src/database/schema-drift';
import { testBackends } from './support/backends';
import { startTestApp, type TestApp } from './support/test-app';

describe.each(testBackends())('schema and seed on %s', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(backend, { seedOnStart: true });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('has migrations that describe the entities exactly (an entity change without a migration fails here)', async () => {
    const pending = await pendingSchemaChanges(t.dataSource);
    expect(pending.up).toEqual([]);
  });

  it('keeps the indexes the entities do not describe', async () => {
    const rows: Array<{ indexname: string }> = await t.dataSource.query(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'models' ORDER BY indexname`,
    );
    expect(rows.map((r) => r.indexname)).toEqual(
      expect.arrayContaining([
        'IDX_models_search_trgm',
        'UQ_models_default_per_type_scope',
        'UQ_models_scope_name',
      ]),
    );
  });

  it('seeds the original catalogue into an empty database on first start, with local Ollama models as defaults', async () => {
    const generation = await t.request({
      method: 'GET',
      url: '/api/v1/models/generation?pageSize=50',
    });
    expect(generation.body.items.map((m: { name: string }) => m.name)).toEqual([
      'OpenAI GPT-4',
      'OpenAI GPT-3.5 Turbo',
      'Ollama Llama2',
    ]);
    const all = await t.request({
      method: 'GET',
      url: '/api/v1/admin/models?pageSize=50',
    });
    expect(all.body.total).toBe(SEED_MODELS.length);
    expect(
      (
        await t.request({
          method: 'GET',
          url: '/api/v1/models/generation/default',
        })
      ).body.modelName,
    ).toBe('llama2');
    const embeddingDefault = (
      await t.request({
        method: 'GET',
        url: '/api/v1/models/embedding/default',
      })
    ).body;
    expect(embeddingDefault).toMatchObject({
      modelName: 'nomic-embed-text',
      params: { dimensions: 768 },
    });
  });

  it('does not seed again on the next start, even when admins deleted every model', async () => {
    await t.dataSource.query('DELETE FROM models');
    const result = await t.app.get(SeedService).seedOnce();
    expect(result).toEqual({ inserted: [], skipped: true });
    expect(await t.dataSource.query('SELECT id FROM models')).toEqual([]);
  });

  it('re-runs the seed command idempotently without taking over an admin-chosen default', async () => {
    await t.dataSource.query('DELETE FROM models');
    const chosen = await t.request({
      method: 'POST',
      url: '/api/v1/admin/models',
      body: {
        name: 'Chosen',
        type: 'generation',
        provider: 'openai',
        modelName: 'gpt-4o',
        isDefault: true,
      },
    });
    const seed = t.app.get(SeedService);
    expect((await seed.seedMissing()).inserted).toHaveLength(
      SEED_MODELS.length,
    );
    expect((await seed.seedMissing()).inserted).toEqual([]);
    const [{ count }] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM models',
    );
    expect(count).toBe(SEED_MODELS.length + 1);
    expect(
      (
        await t.request({
          method: 'GET',
          url: '/api/v1/models/generation/default',
        })
      ).body.id,
    ).toBe(chosen.body.id);
  });
});
