import {
  PROBLEM_CONTENT_TYPE,
  type BulkItemResult,
  type CreateModelRequest,
  type KnowledgeBaseWithModels,
  type Model,
  type ModelDependents,
  type UpsertKnowledgeBaseRequest,
} from '@llm-registry/contracts';
import { testBackends } from './support/backends';
import { embeddingModel, generationModel } from './support/fixtures';
import {
  startTestApp,
  type TestApp,
  type TestResponse,
} from './support/test-app';

const MODELS = '/api/v1/admin/models';
const KBS = '/api/v1/knowledge-bases';
const ADMIN_KBS = '/api/v1/admin/knowledge-bases';

describe.each(testBackends())(
  'knowledge-base dependencies on %s',
  (backend) => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp(backend);
    });

    afterAll(async () => {
      await t?.close();
    });

    beforeEach(async () => {
      await t.dataSource.query('DELETE FROM knowledge_bases');
      await t.dataSource.query('DELETE FROM models');
    });

    async function model(body: CreateModelRequest): Promise<Model> {
      const response = await t.request({ method: 'POST', url: MODELS, body });
      expect(response.status).toBe(201);
      return response.body as Model;
    }

    const embedding = (dimensions = 768, overrides = {}) =>
      model(embeddingModel({ params: { dimensions }, ...overrides }));

    function bind(
      kbId: string,
      body: UpsertKnowledgeBaseRequest,
      token?: string,
    ): Promise<TestResponse> {
      return t.request({ method: 'PUT', url: `${KBS}/${kbId}`, body, token });
    }

    async function bound(
      kbId: string,
      body: UpsertKnowledgeBaseRequest,
    ): Promise<void> {
      const response = await bind(kbId, body);
      expect([200, 201]).toContain(response.status);
    }

    async function knowledgeBase(
      kbId: string,
    ): Promise<KnowledgeBaseWithModels> {
      const list = await t.request({
        method: 'GET',
        url: `${ADMIN_KBS}?q=${kbId}`,
      });
      expect(list.status).toBe(200);
      const found = (list.body.items as KnowledgeBaseWithModels[]).find(
        (kb) => kb.id === kbId,
      );
      if (!found) throw new Error(`knowledge base ${kbId} not listed`);
      return found;
    }

    /** The raw body with the id and the correlation id blanked: what else could tell two answers apart. */
    function sameApartFromIds(response: TestResponse, id: string): string {
      return response.text
        .split(id)
        .join('<id>')
        .replace(String(response.body.correlationId), '<correlation>');
    }

    async function get(id: string): Promise<TestResponse> {
      return t.request({ method: 'GET', url: `${MODELS}/${id}` });
    }

    const remove = (id: string, query = '') =>
      t.request({ method: 'DELETE', url: `${MODELS}/${id}${query}` });

    const setStatus = (id: string, body: object) =>
      t.request({ method: 'PATCH', url: `${MODELS}/${id}/status`, body });

    /** What a refused change must leave alone. */
    const snapshot = async () => ({
      models: await t.dataSource.query(
        'SELECT id, status, is_default, version FROM models ORDER BY id',
      ),
      knowledgeBases: await t.dataSource.query(
        'SELECT * FROM knowledge_bases ORDER BY id',
      ),
    });

    function expectGuard(
      response: TestResponse,
      code: string,
      knowledgeBaseIds: string[],
    ): void {
      expect(response.status).toBe(409);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect(response.body.code).toBe(code);
      expect(
        (response.body.dependents as { knowledgeBaseId: string }[])
          .map((d) => d.knowledgeBaseId)
          .sort(),
      ).toEqual(knowledgeBaseIds);
      expect(response.body.dependentsTotal).toBe(knowledgeBaseIds.length);
    }

    describe('bindings', () => {
      it('creates with 201, answers an identical declaration with 200 and no new version, and updates', async () => {
        const embedder = await embedding();
        const generator = await model(generationModel());
        const body = { name: 'Support FAQ', embeddingModelId: embedder.id };
        const created = await bind('support-faq', body);
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({
          id: 'support-faq',
          scope: 'global',
          embeddingModelId: embedder.id,
          generationModelId: null,
          version: 1,
        });
        const again = await bind('support-faq', body);
        expect(again.status).toBe(200);
        expect(again.body.version).toBe(1);
        const changed = await bind('support-faq', {
          ...body,
          generationModelId: generator.id,
        });
        expect(changed.status).toBe(200);
        expect(changed.body).toMatchObject({
          generationModelId: generator.id,
          version: 2,
        });
        const events = await t.dataSource.query(
          `SELECT action FROM audit_events WHERE entity_id = 'support-faq' ORDER BY seq`,
        );
        expect(events.map((e: { action: string }) => e.action)).toEqual([
          'knowledge_base.created',
          'knowledge_base.updated',
        ]);
      });

      it('lists each knowledge base with its bound models and the defaults it falls back to', async () => {
        const embedder = await embedding(1536);
        const fallback = await model(generationModel({ isDefault: true }));
        await bound('handbook', {
          name: 'Handbook',
          embeddingModelId: embedder.id,
        });
        const kb = await knowledgeBase('handbook');
        expect(kb.models).toEqual([
          expect.objectContaining({
            role: 'embedding',
            via: 'binding',
            id: embedder.id,
            dimensions: 1536,
          }),
          expect.objectContaining({
            role: 'generation',
            via: 'default',
            id: fallback.id,
          }),
        ]);
        expect(kb.toMigrate).toEqual([]);
        const byModel = await t.request({
          method: 'GET',
          url: `${ADMIN_KBS}?modelId=${fallback.id}`,
        });
        expect(byModel.body.total).toBe(0);
      });

      it('refuses models of the wrong type, inactive, unknown or of another scope, naming the field and writing nothing', async () => {
        const embedder = await embedding();
        const generator = await model(generationModel());
        const inactive = await model(generationModel({ status: 'inactive' }));
        const foreign = await embedding(768, { scope: 'team-b' });
        const before = await snapshot();
        const cases: [UpsertKnowledgeBaseRequest, string, RegExp][] = [
          [
            { name: 'x', embeddingModelId: generator.id },
            'embeddingModelId',
            /must name a model of type embedding/,
          ],
          [
            {
              name: 'x',
              embeddingModelId: embedder.id,
              generationModelId: inactive.id,
            },
            'generationModelId',
            /must name an active model/,
          ],
          [
            {
              name: 'x',
              embeddingModelId: embedder.id,
              rerankModelId: '00000000-0000-4000-8000-000000000000',
            },
            'rerankModelId',
            /names no model/,
          ],
          [
            { name: 'x', embeddingModelId: foreign.id, scope: 'team-a' },
            'embeddingModelId',
            /scope team-b/,
          ],
        ];
        for (const [body, field, message] of cases) {
          const response = await bind('refused', body);
          expect(response.status).toBe(400);
          expect(response.headers['content-type']).toContain(
            PROBLEM_CONTENT_TYPE,
          );
          expect(response.body.errors).toEqual([
            { field, message: expect.stringMatching(message) },
          ]);
        }
        const badId = await bind('not ok!', {
          name: 'x',
          embeddingModelId: embedder.id,
        });
        expect(badId.status).toBe(400);
        expect(badId.body.errors[0].field).toBe('kbId');
        expect(await snapshot()).toEqual(before);
      });

      it('lets a scoped API key manage only its own scope, viewers none', async () => {
        const shared = await embedding();
        const own = await embedding(768, { scope: 'team-a' });
        const keyA = await t.apiKey('team-a');
        const keyB = await t.apiKey('team-b');
        const created = await bind(
          'a-docs',
          { name: 'A docs', embeddingModelId: own.id },
          keyA,
        );
        expect(created.status).toBe(201);
        expect(created.body.scope).toBe('team-a');
        const elsewhere = await bind(
          'a-other',
          { name: 'x', embeddingModelId: shared.id, scope: 'team-b' },
          keyA,
        );
        expect(elsewhere.status).toBe(400);
        expect(elsewhere.body.errors[0].field).toBe('scope');
        // Another scope's knowledge base answers exactly as a missing one: no existence oracle.
        const missing = await t.request({
          method: 'DELETE',
          url: `${KBS}/never-declared`,
          token: keyB,
        });
        expect(missing.status).toBe(404);
        const takeover = await bind(
          'a-docs',
          { name: 'mine now', embeddingModelId: shared.id },
          keyB,
        );
        const foreignDelete = await t.request({
          method: 'DELETE',
          url: `${KBS}/a-docs`,
          token: keyB,
        });
        for (const foreign of [takeover, foreignDelete]) {
          expect(foreign.status).toBe(404);
          expect(sameApartFromIds(foreign, 'a-docs')).toBe(
            sameApartFromIds(missing, 'never-declared'),
          );
        }
        // Another scope's model reads as an unknown one too.
        const foreignModel = await embedding(768, { scope: 'team-b' });
        const namedForeign = await bind(
          'a-more',
          { name: 'x', embeddingModelId: foreignModel.id },
          keyA,
        );
        const namedUnknown = await bind(
          'a-more',
          {
            name: 'x',
            embeddingModelId: '00000000-0000-4000-8000-000000000000',
          },
          keyA,
        );
        expect(namedForeign.status).toBe(400);
        expect(namedForeign.body.errors).toEqual(namedUnknown.body.errors);
        expect(namedForeign.text).not.toContain('team-b');
        const viewer = await t.userToken('viewer');
        expect(
          (await bind('v', { name: 'v', embeddingModelId: shared.id }, viewer))
            .status,
        ).toBe(403);
        const gone = await t.request({
          method: 'DELETE',
          url: `${KBS}/a-docs`,
          token: keyA,
        });
        expect(gone.status).toBe(204);
        const again = await t.request({
          method: 'DELETE',
          url: `${KBS}/a-docs`,
          token: keyA,
        });
        expect(again.status).toBe(404);
      });

      it('keeps the scope of an existing knowledge base when a declaration leaves it out', async () => {
        const embedder = await embedding();
        await bound('team-docs', {
          name: 'Team docs',
          embeddingModelId: embedder.id,
          scope: 'team-a',
        });
        const renamed = await bind('team-docs', {
          name: 'Team docs, renamed',
          embeddingModelId: embedder.id,
        });
        expect(renamed.status).toBe(200);
        expect(renamed.body).toMatchObject({ scope: 'team-a', version: 2 });
        const moved = await bind('team-docs', {
          name: 'Team docs, renamed',
          embeddingModelId: embedder.id,
          scope: 'global',
        });
        expect(moved.body.scope).toBe('global');
      });

      it('reads ids in any case: an uppercase id names the same model and an equal declaration changes nothing', async () => {
        const embedder = await embedding();
        const shouted = await bind('caps', {
          name: 'Caps',
          embeddingModelId: embedder.id.toUpperCase(),
        });
        expect(shouted.status).toBe(201);
        expect(shouted.body.embeddingModelId).toBe(embedder.id);
        const again = await bind('caps', {
          name: 'Caps',
          embeddingModelId: embedder.id,
        });
        expect(again.status).toBe(200);
        expect(again.body.version).toBe(1);
      });

      it('answers concurrent first declarations of one id with one 201 and 200s, never a 500', async () => {
        const embedder = await embedding();
        const responses = await Promise.all(
          [1, 2, 3, 4].map((n) =>
            bind('raced', {
              name: n === 1 ? 'First' : 'Later',
              embeddingModelId: embedder.id,
            }),
          ),
        );
        expect(responses.map((r) => r.status).sort()).toEqual([
          200, 200, 200, 201,
        ]);
        const created = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = 'raced' AND action = 'knowledge_base.created'`,
        );
        expect(created[0].n).toBe(1);
      });

      it('keeps an existing binding to a deprecated model but refuses a new one', async () => {
        const old = await embedding();
        await bound('legacy', { name: 'Legacy', embeddingModelId: old.id });
        expect((await setStatus(old.id, { status: 'deprecated' })).status).toBe(
          200,
        );
        const same = await bind('legacy', {
          name: 'Legacy renamed',
          embeddingModelId: old.id,
        });
        expect(same.status).toBe(200);
        const fresh = await bind('newcomer', {
          name: 'New',
          embeddingModelId: old.id,
        });
        expect(fresh.status).toBe(400);
        expect(fresh.body.errors[0].message).toMatch(/deprecated/);
      });
    });

    describe('dependents', () => {
      it('lists bindings, knowledge bases relying on the default, and same-dimension replacements', async () => {
        const embedder = await embedding(1536);
        const sameSize = await embedding(1536);
        await embedding(768);
        const fallback = await model(generationModel({ isDefault: true }));
        await bound('b', { name: 'B', embeddingModelId: embedder.id });
        await bound('a', { name: 'A', embeddingModelId: embedder.id });

        const ofEmbedder = await t.request({
          method: 'GET',
          url: `${MODELS}/${embedder.id}/dependents`,
        });
        expect(ofEmbedder.status).toBe(200);
        const body = ofEmbedder.body as ModelDependents;
        expect(body).toMatchObject({
          state: 'in_use',
          total: 2,
          type: 'embedding',
        });
        expect(body.dependents.map((d) => [d.knowledgeBaseId, d.via])).toEqual([
          ['a', 'binding'],
          ['b', 'binding'],
        ]);
        expect(body.replacements.map((r) => r.id)).toEqual([sameSize.id]);

        const ofDefault = await t.request({
          method: 'GET',
          url: `${MODELS}/${fallback.id}/dependents`,
        });
        expect(ofDefault.body.dependents).toEqual([
          expect.objectContaining({
            knowledgeBaseId: 'a',
            role: 'generation',
            via: 'default',
          }),
          expect.objectContaining({
            knowledgeBaseId: 'b',
            role: 'generation',
            via: 'default',
          }),
        ]);
        const unknown = await t.request({
          method: 'GET',
          url: `${MODELS}/00000000-0000-4000-8000-000000000000/dependents`,
        });
        expect(unknown.status).toBe(404);
      });
    });

    describe('delete and deactivate', () => {
      it('refuses to delete a model in use with 409 listing the dependents, and changes nothing', async () => {
        const embedder = await embedding();
        await bound('kb-1', { name: 'One', embeddingModelId: embedder.id });
        const before = await snapshot();
        const refused = await remove(embedder.id);
        expectGuard(refused, 'MODEL_IN_USE', ['kb-1']);
        expect(refused.body.detail).toMatch(/reassignTo/);
        expect(await snapshot()).toEqual(before);
      });

      it('deletes with reassignTo: moves the dependents to the replacement in the same transaction and audits the impact', async () => {
        const embedder = await embedding(1536);
        const replacement = await embedding(1536);
        await bound('kb-1', { name: 'One', embeddingModelId: embedder.id });
        await bound('kb-2', { name: 'Two', embeddingModelId: embedder.id });
        const deleted = await remove(
          embedder.id,
          `?reassignTo=${replacement.id}`,
        );
        expect(deleted.status).toBe(204);
        expect((await get(embedder.id)).status).toBe(404);
        for (const kbId of ['kb-1', 'kb-2']) {
          const kb = await knowledgeBase(kbId);
          expect(kb.embeddingModelId).toBe(replacement.id);
          expect(kb.version).toBe(2);
        }
        const [event] = await t.dataSource.query(
          `SELECT changes FROM audit_events WHERE action = 'model.deleted' AND entity_id = $1`,
          [embedder.id],
        );
        expect(event.changes['knowledgeBases.embeddingModelId']).toEqual({
          before: { 'kb-1': embedder.id, 'kb-2': embedder.id },
          after: { 'kb-1': replacement.id, 'kb-2': replacement.id },
        });
      });

      it('refuses a replacement of other dimensions as re-indexing needed', async () => {
        const embedder = await embedding(1536);
        const smaller = await embedding(768);
        await bound('kb-1', { name: 'One', embeddingModelId: embedder.id });
        const before = await snapshot();
        const refused = await remove(embedder.id, `?reassignTo=${smaller.id}`);
        expectGuard(refused, 'REINDEX_NEEDED', ['kb-1']);
        expect(refused.body.detail).toMatch(/Re-indexing needed/);
        expect(refused.body.errors).toEqual([
          {
            field: 'reassignTo',
            message: expect.stringMatching(/768 dimensions/),
          },
        ]);
        expect(await snapshot()).toEqual(before);
      });

      it('refuses replacements of another type, inactive, the model itself or unknown, naming reassignTo', async () => {
        const embedder = await embedding();
        const generator = await model(generationModel());
        const inactive = await embedding(768, { status: 'inactive' });
        await bound('kb-1', { name: 'One', embeddingModelId: embedder.id });
        for (const target of [
          generator.id,
          inactive.id,
          embedder.id,
          '00000000-0000-4000-8000-000000000000',
        ]) {
          const refused = await remove(embedder.id, `?reassignTo=${target}`);
          expect(refused.status).toBe(400);
          expect(refused.body.errors[0].field).toBe('reassignTo');
        }
        const malformed = await remove(embedder.id, '?reassignTo=nope');
        expect(malformed.status).toBe(400);
        expect(malformed.body.errors[0].field).toBe('reassignTo');
        expect((await get(embedder.id)).status).toBe(200);
      });

      it('refuses a replacement of another scope that the dependents cannot use', async () => {
        const embedder = await embedding();
        const scoped = await embedding(768, { scope: 'team-b' });
        await bound('kb-1', { name: 'One', embeddingModelId: embedder.id });
        const refused = await remove(embedder.id, `?reassignTo=${scoped.id}`);
        expect(refused.status).toBe(400);
        expect(refused.body.errors[0].message).toMatch(/scope team-b/);
      });

      it('applies the same rule to deactivation', async () => {
        const generator = await model(generationModel());
        const other = await model(generationModel());
        const embedder = await embedding();
        await bound('kb-1', {
          name: 'One',
          embeddingModelId: embedder.id,
          generationModelId: generator.id,
        });
        expectGuard(
          await setStatus(generator.id, { status: 'inactive' }),
          'MODEL_IN_USE',
          ['kb-1'],
        );
        expect((await get(generator.id)).body.status).toBe('active');
        const moved = await setStatus(generator.id, {
          status: 'inactive',
          reassignTo: other.id,
        });
        expect(moved.status).toBe(200);
        expect(moved.body.status).toBe('inactive');
        expect((await knowledgeBase('kb-1')).generationModelId).toBe(other.id);
        const activating = await setStatus(generator.id, {
          status: 'active',
          reassignTo: other.id,
        });
        expect(activating.status).toBe(400);
      });

      it('refuses a deactivation onto a replacement of other dimensions as re-indexing needed', async () => {
        const embedder = await embedding(768);
        const wider = await embedding(1024);
        await bound('kb-1', { name: 'One', embeddingModelId: embedder.id });
        const before = await snapshot();
        const refused = await setStatus(embedder.id, {
          status: 'inactive',
          reassignTo: wider.id,
        });
        expectGuard(refused, 'REINDEX_NEEDED', ['kb-1']);
        expect(refused.body.errors).toEqual([
          {
            field: 'reassignTo',
            message: 'has 1024 dimensions, not 768: re-indexing needed',
          },
        ]);
        expect(await snapshot()).toEqual(before);
      });

      it('leaves deprecated models without the successor it deletes, and says so in the audit event', async () => {
        const old = await embedding();
        const successor = await embedding();
        expect(
          (
            await setStatus(old.id, {
              status: 'deprecated',
              successorId: successor.id,
            })
          ).status,
        ).toBe(200);
        expect((await remove(successor.id)).status).toBe(204);
        const after = (await get(old.id)).body as Model;
        expect(after.deprecation).toMatchObject({ successorId: null });
        expect(after.version).toBe(3);
        const [event] = await t.dataSource.query(
          `SELECT changes FROM audit_events WHERE action = 'model.deleted' AND entity_id = $1`,
          [successor.id],
        );
        expect(event.changes['deprecatedModels.successorId']).toEqual({
          before: { [old.id]: successor.id },
          after: { [old.id]: null },
        });
      });

      it('frees a model once its knowledge base is removed', async () => {
        const embedder = await embedding();
        await bound('kb-1', { name: 'One', embeddingModelId: embedder.id });
        expect((await remove(embedder.id)).status).toBe(409);
        expect(
          (await t.request({ method: 'DELETE', url: `${KBS}/kb-1` })).status,
        ).toBe(204);
        expect((await remove(embedder.id)).status).toBe(204);
      });
    });

    describe('pinned embeddings', () => {
      it('refuses changing dimensions, provider, modelName or connection while bound; other fields change', async () => {
        const embedder = await embedding(768);
        await bound('kb-1', { name: 'One', embeddingModelId: embedder.id });
        const before = await snapshot();
        const dims = await t.request({
          method: 'PATCH',
          url: `${MODELS}/${embedder.id}`,
          body: { version: 1, params: { dimensions: 1024 } },
        });
        expectGuard(dims, 'EMBEDDING_MODEL_PINNED', ['kb-1']);
        expect(dims.body.errors).toEqual([
          {
            field: 'params.dimensions',
            message: 'is pinned by knowledge bases',
          },
        ]);
        const renamed = await t.request({
          method: 'PATCH',
          url: `${MODELS}/${embedder.id}`,
          body: { version: 1, modelName: 'mxbai-embed-large' },
        });
        expectGuard(renamed, 'EMBEDDING_MODEL_PINNED', ['kb-1']);
        expect(await snapshot()).toEqual(before);
        const described = await t.request({
          method: 'PATCH',
          url: `${MODELS}/${embedder.id}`,
          body: { version: 1, description: 'the FAQ index', priority: 5 },
        });
        expect(described.status).toBe(200);
      });

      it('refuses moving a bound embedding model to another provider or connection', async () => {
        const connection = async (name: string) => {
          const created = await t.request({
            method: 'POST',
            url: '/api/v1/admin/providers',
            body: { name, provider: 'ollama', baseUrl: 'http://127.0.0.1:1' },
          });
          expect(created.status).toBe(201);
          return created.body.id as string;
        };
        const first = await connection('Ollama A');
        const second = await connection('Ollama B');
        const embedder = await embedding(768, { providerConnectionId: first });
        await bound('kb-1', { name: 'One', embeddingModelId: embedder.id });
        const before = await snapshot();
        const moved = await t.request({
          method: 'PATCH',
          url: `${MODELS}/${embedder.id}`,
          body: { version: 1, providerConnectionId: second },
        });
        expectGuard(moved, 'EMBEDDING_MODEL_PINNED', ['kb-1']);
        expect(moved.body.errors).toEqual([
          {
            field: 'providerConnectionId',
            message: 'is pinned by knowledge bases',
          },
        ]);
        const otherProvider = await t.request({
          method: 'PATCH',
          url: `${MODELS}/${embedder.id}`,
          body: {
            version: 1,
            provider: 'openai',
            providerConnectionId: null,
            modelName: 'text-embedding-3-small',
          },
        });
        expectGuard(otherProvider, 'EMBEDDING_MODEL_PINNED', ['kb-1']);
        expect(
          (otherProvider.body.errors as { field: string }[])
            .map((e) => e.field)
            .sort(),
        ).toEqual(['modelName', 'provider', 'providerConnectionId']);
        expect(await snapshot()).toEqual(before);
      });

      it('lets an unbound embedding model change its dimensions', async () => {
        const embedder = await embedding(768);
        const changed = await t.request({
          method: 'PATCH',
          url: `${MODELS}/${embedder.id}`,
          body: { version: 1, params: { dimensions: 1024 } },
        });
        expect(changed.status).toBe(200);
      });
    });

    describe('retirement', () => {
      it('deprecates with a sunset and successor: dependents are to migrate, public lists flag it, nothing switches', async () => {
        const old = await embedding(768);
        const successor = await embedding(1024);
        await bound('kb-1', { name: 'One', embeddingModelId: old.id });
        await bound('kb-2', { name: 'Two', embeddingModelId: successor.id });
        const sunsetAt = new Date(Date.now() - 60_000).toISOString();
        const deprecated = await setStatus(old.id, {
          status: 'deprecated',
          sunsetAt,
          successorId: successor.id,
        });
        expect(deprecated.status).toBe(200);
        expect(deprecated.body.deprecation).toEqual({
          sunsetAt,
          successorId: successor.id,
        });

        const kb = await knowledgeBase('kb-1');
        expect(kb.embeddingModelId).toBe(old.id);
        expect(kb.toMigrate).toEqual([
          expect.objectContaining({
            id: old.id,
            status: 'deprecated',
            deprecation: { sunsetAt, successorId: successor.id },
          }),
        ]);
        const toMigrate = await t.request({
          method: 'GET',
          url: `${ADMIN_KBS}?toMigrate=true`,
        });
        expect(toMigrate.body.items.map((k: { id: string }) => k.id)).toEqual([
          'kb-1',
        ]);
        const upToDate = await t.request({
          method: 'GET',
          url: `${ADMIN_KBS}?toMigrate=false`,
        });
        expect(upToDate.body.items.map((k: { id: string }) => k.id)).toEqual([
          'kb-2',
        ]);
        const dependents = await t.request({
          method: 'GET',
          url: `${MODELS}/${old.id}/dependents`,
        });
        expect(dependents.body.state).toBe('to_migrate');

        const publicList = await t.request({
          method: 'GET',
          url: '/api/v1/models/embedding',
        });
        expect(
          publicList.body.items.map((m: Model) => [m.id, m.deprecation]),
        ).toEqual([
          [successor.id, null],
          [old.id, { sunsetAt, successorId: successor.id }],
        ]);
      });

      it('refuses a successor of another type or inactive, and retirement fields on other statuses', async () => {
        const old = await embedding();
        const generator = await model(generationModel());
        const wrongType = await setStatus(old.id, {
          status: 'deprecated',
          successorId: generator.id,
        });
        expect(wrongType.status).toBe(400);
        expect(wrongType.body.errors[0].field).toBe('successorId');
        const notDeprecated = await setStatus(old.id, {
          status: 'inactive',
          sunsetAt: new Date().toISOString(),
        });
        expect(notDeprecated.status).toBe(400);
        expect(notDeprecated.body.errors[0].field).toBe('sunsetAt');
        expect((await get(old.id)).body).toMatchObject({
          status: 'active',
          deprecation: null,
        });
      });
    });

    describe('defaults', () => {
      it('refuses removing a default knowledge bases rely on unless a new default is named', async () => {
        const embedder = await embedding();
        const current = await model(generationModel({ isDefault: true }));
        const next = await model(generationModel());
        await bound('kb-1', { name: 'One', embeddingModelId: embedder.id });
        const refused = await remove(current.id);
        expectGuard(refused, 'MODEL_IN_USE', ['kb-1']);
        expect(refused.body.dependents[0].via).toBe('default');
        expect(refused.body.detail).toMatch(/newDefaultId/);
        expectGuard(
          await setStatus(current.id, { status: 'inactive' }),
          'MODEL_IN_USE',
          ['kb-1'],
        );

        const handedOver = await remove(current.id, `?newDefaultId=${next.id}`);
        expect(handedOver.status).toBe(204);
        expect((await get(next.id)).body.isDefault).toBe(true);
        expect((await knowledgeBase('kb-1')).models[1]).toMatchObject({
          role: 'generation',
          via: 'default',
          id: next.id,
        });
      });

      it('lets a default knowledge bases rely on be deprecated only with a new default', async () => {
        const embedder = await embedding();
        const current = await model(generationModel({ isDefault: true }));
        const next = await model(generationModel());
        await bound('kb-1', { name: 'One', embeddingModelId: embedder.id });
        expectGuard(
          await setStatus(current.id, { status: 'deprecated' }),
          'MODEL_IN_USE',
          ['kb-1'],
        );
        const deprecated = await setStatus(current.id, {
          status: 'deprecated',
          successorId: next.id,
          newDefaultId: next.id,
        });
        expect(deprecated.status).toBe(200);
        expect(deprecated.body).toMatchObject({
          isDefault: false,
          status: 'deprecated',
        });
        expect((await get(next.id)).body.isDefault).toBe(true);
      });

      it('allows removing a default nobody relies on, and ignores knowledge bases whose scope has its own default', async () => {
        const embedder = await embedding();
        const globalDefault = await model(generationModel({ isDefault: true }));
        await model(generationModel({ isDefault: true, scope: 'team-a' }));
        await bound('scoped', {
          name: 'Scoped',
          embeddingModelId: embedder.id,
          scope: 'team-a',
        });
        expect(
          (await setStatus(globalDefault.id, { status: 'inactive' })).status,
        ).toBe(200);
      });

      it('refuses a new default of another scope or type, or for a model that is not a default', async () => {
        const current = await model(generationModel({ isDefault: true }));
        const scoped = await model(generationModel({ scope: 'team-a' }));
        const plain = await model(generationModel());
        const wrongScope = await remove(
          current.id,
          `?newDefaultId=${scoped.id}`,
        );
        expect(wrongScope.status).toBe(400);
        expect(wrongScope.body.errors[0]).toEqual({
          field: 'newDefaultId',
          message: expect.stringMatching(/scope global/),
        });
        const notDefault = await remove(
          plain.id,
          `?newDefaultId=${current.id}`,
        );
        expect(notDefault.status).toBe(400);
        expect(notDefault.body.errors[0].message).toMatch(/not a default/);
      });
    });

    describe('bulk', () => {
      it('applies the guard per id and reports refusals with their dependents', async () => {
        const used = await embedding(768);
        const free = await embedding(768);
        await bound('kb-1', { name: 'One', embeddingModelId: used.id });
        const response = await t.request({
          method: 'POST',
          url: `${MODELS}/bulk`,
          body: { action: 'delete', ids: [used.id, free.id] },
        });
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ succeeded: 1, failed: 1 });
        expect(response.body.results).toEqual([
          {
            id: used.id,
            ok: false,
            status: 409,
            code: 'MODEL_IN_USE',
            error: expect.stringMatching(/reassignTo/),
            dependents: [
              expect.objectContaining({
                knowledgeBaseId: 'kb-1',
                role: 'embedding',
              }),
            ],
          },
          { id: free.id, ok: true, status: 204 },
        ]);
        expect((await get(used.id)).status).toBe(200);
      });

      it('refuses bulk deactivations per id: in use, re-indexing needed, a default relied on', async () => {
        const used = await embedding(768);
        const mismatched = await embedding(768);
        const wider = await embedding(1024);
        const free = await embedding(768);
        const fallback = await model(generationModel({ isDefault: true }));
        await bound('kb-1', { name: 'One', embeddingModelId: used.id });
        await bound('kb-2', { name: 'Two', embeddingModelId: mismatched.id });
        const before = await snapshot();
        const response = await t.request({
          method: 'POST',
          url: `${MODELS}/bulk`,
          body: {
            action: 'deactivate',
            ids: [used.id, mismatched.id, fallback.id, free.id],
            reassignTo: { [mismatched.id]: wider.id },
          },
        });
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ succeeded: 1, failed: 3 });
        const byId: Record<string, BulkItemResult> = Object.fromEntries(
          (response.body.results as BulkItemResult[]).map((r) => [r.id, r]),
        );
        expect(byId[used.id]).toMatchObject({
          ok: false,
          status: 409,
          code: 'MODEL_IN_USE',
          dependents: [expect.objectContaining({ knowledgeBaseId: 'kb-1' })],
        });
        expect(byId[mismatched.id]).toMatchObject({
          ok: false,
          status: 409,
          code: 'REINDEX_NEEDED',
          dependents: [expect.objectContaining({ knowledgeBaseId: 'kb-2' })],
        });
        expect(byId[fallback.id]).toMatchObject({
          ok: false,
          status: 409,
          code: 'MODEL_IN_USE',
          error: expect.stringMatching(/newDefaultId/),
        });
        expect(
          (byId[fallback.id]?.dependents ?? [])
            .map((d) => `${d.knowledgeBaseId}:${d.via}`)
            .sort(),
        ).toEqual(['kb-1:default', 'kb-2:default']);
        expect(byId[free.id]).toMatchObject({ ok: true, status: 200 });
        // Only the free model changed.
        const after = await snapshot();
        expect(after.knowledgeBases).toEqual(before.knowledgeBases);
        expect(
          after.models.filter(
            (m: { status: string }) => m.status === 'inactive',
          ),
        ).toEqual([expect.objectContaining({ id: free.id })]);
      });

      it('reassigns per id when told where to, for deactivate and delete', async () => {
        const a = await embedding(768);
        const b = await embedding(768);
        const target = await embedding(768);
        await bound('kb-a', { name: 'A', embeddingModelId: a.id });
        await bound('kb-b', { name: 'B', embeddingModelId: b.id });
        const deactivated = await t.request({
          method: 'POST',
          url: `${MODELS}/bulk`,
          body: {
            action: 'deactivate',
            ids: [a.id],
            reassignTo: { [a.id]: target.id },
          },
        });
        expect(deactivated.body.results).toEqual([
          { id: a.id, ok: true, status: 200 },
        ]);
        const deleted = await t.request({
          method: 'POST',
          url: `${MODELS}/bulk`,
          body: {
            action: 'delete',
            ids: [b.id],
            reassignTo: { [b.id]: target.id },
          },
        });
        expect(deleted.body.results).toEqual([
          { id: b.id, ok: true, status: 204 },
        ]);
        expect((await knowledgeBase('kb-a')).embeddingModelId).toBe(target.id);
        expect((await knowledgeBase('kb-b')).embeddingModelId).toBe(target.id);
        const stray = await t.request({
          method: 'POST',
          url: `${MODELS}/bulk`,
          body: {
            action: 'delete',
            ids: [target.id],
            reassignTo: { [a.id]: b.id },
          },
        });
        expect(stray.status).toBe(400);
        expect(stray.body.errors[0].field).toBe(`reassignTo.${a.id}`);
      });
    });

    describe('concurrency', () => {
      it('never leaves a binding pointing at a deleted model when reassign, delete and new bindings race', async () => {
        for (let round = 0; round < 8; round += 1) {
          await t.dataSource.query('DELETE FROM knowledge_bases');
          await t.dataSource.query('DELETE FROM models');
          const x = await embedding(768);
          const y = await embedding(768);
          await bound(`seed-${round}`, {
            name: 'Seed',
            embeddingModelId: x.id,
          });
          const responses = await Promise.all([
            remove(x.id, `?reassignTo=${y.id}`),
            remove(y.id),
            bind(`late-x-${round}`, { name: 'Late X', embeddingModelId: x.id }),
            bind(`late-y-${round}`, { name: 'Late Y', embeddingModelId: y.id }),
          ]);
          for (const response of responses)
            expect(response.status).toBeLessThan(500);
          const dangling = await t.dataSource.query(
            `SELECT kb.id FROM knowledge_bases kb
             LEFT JOIN models m ON m.id = kb.embedding_model_id
            WHERE m.id IS NULL OR m.status <> 'active'`,
          );
          expect(dangling).toEqual([]);
          const [xGone, yGone] = [
            responses[0].status === 204,
            responses[1].status === 204,
          ];
          // Whatever the interleaving, the seed knowledge base survived on a model that still exists.
          const seed = await knowledgeBase(`seed-${round}`);
          expect(seed.embeddingModelId).toBe(xGone ? y.id : x.id);
          if (yGone) expect(xGone).toBe(false);
        }
      });
    });

    describe('concurrency, existing declarations', () => {
      it('neither deadlocks nor dangles when a knowledge base is re-declared while its model is deleted or deactivated onto a replacement', async () => {
        for (let round = 0; round < 8; round += 1) {
          await t.dataSource.query('DELETE FROM knowledge_bases');
          await t.dataSource.query('DELETE FROM models');
          const x = await embedding(768);
          const y = await embedding(768);
          const kbId = `kb-${round}`;
          await bound(kbId, { name: 'Seed', embeddingModelId: x.id });
          const retire =
            round % 2 === 0
              ? remove(x.id, `?reassignTo=${y.id}`)
              : setStatus(x.id, { status: 'inactive', reassignTo: y.id });
          const responses = await Promise.all([
            retire,
            bind(kbId, { name: 'Renamed', embeddingModelId: x.id }),
            bind(kbId, { name: 'Renamed again', embeddingModelId: x.id }),
          ]);
          for (const response of responses)
            expect(response.status).toBeLessThan(500);
          // The retirement always wins or waits: the re-declarations either came first (and were moved
          // with the rest) or came after and were refused for naming a retired model.
          expect([200, 204]).toContain(responses[0].status);
          expect((await knowledgeBase(kbId)).embeddingModelId).toBe(y.id);
          // Never a deadlock PostgreSQL had to break (409 CONCURRENT_CHANGE): the locks come in one order.
          for (const declaration of responses.slice(1)) {
            expect([200, 400]).toContain(declaration.status);
            if (declaration.status === 400)
              expect(declaration.body.errors[0].field).toBe('embeddingModelId');
          }
        }
      });
    });

    describe('OpenAPI', () => {
      it('documents the dependents and the refusals with examples', async () => {
        const docs = await t.request({
          method: 'GET',
          url: '/api/docs-json',
          token: null,
        });
        expect(docs.status).toBe(200);
        const paths = docs.body.paths;
        expect(
          paths['/api/v1/admin/models/{id}/dependents'].get.responses['200'],
        ).toBeDefined();
        const conflict =
          paths['/api/v1/admin/models/{id}'].delete.responses['409'].content[
            PROBLEM_CONTENT_TYPE
          ];
        expect(conflict.schema.$ref).toMatch(/ModelGuardProblemDto$/);
        expect(Object.keys(conflict.examples)).toEqual([
          'inUse',
          'defaultInUse',
          'reindex',
        ]);
        expect(conflict.examples.reindex.value.detail).toMatch(
          /Re-indexing needed/,
        );
        expect(conflict.examples.defaultInUse.value.dependents[0].via).toBe(
          'default',
        );
        expect(
          Object.keys(
            paths['/api/v1/admin/models/{id}/status'].patch.responses['409']
              .content[PROBLEM_CONTENT_TYPE].examples,
          ),
        ).toEqual(['inUse', 'defaultInUse', 'reindex']);
        expect(
          conflict.examples.inUse.value.dependents[0].knowledgeBaseId,
        ).toBeDefined();
        const pinned =
          paths['/api/v1/admin/models/{id}'].patch.responses['409'].content[
            PROBLEM_CONTENT_TYPE
          ];
        expect(Object.keys(pinned.examples)).toEqual(['pinned']);
        expect(
          docs.body.components.schemas.ModelGuardProblemDto.properties
            .dependents,
        ).toBeDefined();
        const refusedBinding =
          paths['/api/v1/knowledge-bases/{kbId}'].put.responses['400'].content[
            PROBLEM_CONTENT_TYPE
          ];
        expect(refusedBinding.examples.notActive.value.errors[0].field).toBe(
          'embeddingModelId',
        );
        expect(paths['/api/v1/admin/knowledge-bases'].get).toBeDefined();
      });
    });
  },
);
