import { expect } from '@playwright/test';
import type {
  AuditEventPage,
  ConnectionTest,
  ConnectionTestAccepted,
  CreateUserRequest,
  KnowledgeBaseWithModels,
  Model,
  Page as ListPage,
  ProviderConnection,
} from '@llm-registry/contracts';
import type { ProviderDouble } from '@llm-registry/testing/provider-doubles';
import type { Registry } from './registry';

/** The double's key: it must never reach the browser, only its masked hint. */
export const DOUBLE_KEY = 'sk-e2e-double-secret-9f3c';
/** The double's embedding model: it answers vectors of the size the request asks for. */
export const DOUBLE_EMBEDDING = 'e2e-embed-small';
export const DOUBLE_CHAT = 'e2e-chat-mini';

let serial = 0;
// Embedding sizes no seeded model has, one per model set, so no other test's model is ever a fitting
// replacement (the delete dialog offers models of the same dimensions).
let nextDimensions = 400;

/** A name no other test of this worker's registry uses. */
export function uniqueName(prefix: string): string {
  serial += 1;
  // Fixed width: no name is the start of another, so a search finds exactly one.
  return `${prefix} ${process.pid.toString(36)}x${String(serial).padStart(4, '0')}`;
}

export function uniqueDimensions(): number {
  nextDimensions += 1;
  return nextDimensions;
}

/** Data the tests need, made through the API (as the bootstrap admin) where the UI is not under test. */
export class TestData {
  constructor(
    private readonly registry: Registry,
    private readonly double: ProviderDouble,
  ) {}

  /** An OpenAI-compatible connection to the provider double. */
  async connection(name: string): Promise<ProviderConnection> {
    const created = await this.registry.api<ProviderConnection>(
      'POST',
      '/api/v1/admin/providers',
      {
        name,
        provider: 'openai_compatible',
        baseUrl: this.double.baseUrl,
        apiKey: DOUBLE_KEY,
      },
    );
    expect(created.status).toBe(201);
    return created.body;
  }

  /** An active embedding model of the double's, on `connectionId`. */
  async embeddingModel(
    name: string,
    connectionId: string,
    dimensions: number,
  ): Promise<Model> {
    const created = await this.registry.api<Model>(
      'POST',
      '/api/v1/admin/models',
      {
        name,
        type: 'embedding',
        provider: 'openai_compatible',
        providerConnectionId: connectionId,
        modelName: DOUBLE_EMBEDDING,
        params: { dimensions },
        status: 'active',
      },
    );
    expect(created.status).toBe(201);
    return created.body;
  }

  async makeDefault(model: Model): Promise<void> {
    const changed = await this.registry.api(
      'PATCH',
      `/api/v1/admin/models/${model.id}/default`,
      { version: model.version },
    );
    expect(changed.status).toBe(200);
  }

  /** Deletes a model, moving its knowledge bases to `reassignTo`. */
  async deleteModel(model: Model, reassignTo: Model): Promise<void> {
    const deleted = await this.registry.api(
      'DELETE',
      `/api/v1/admin/models/${model.id}?reassignTo=${reassignTo.id}`,
    );
    expect(deleted.status).toBe(204);
  }

  /** Declares a knowledge base bound to `embeddingModelId`, as a RAG service does. */
  async knowledgeBase(
    id: string,
    name: string,
    embeddingModelId: string,
  ): Promise<void> {
    const bound = await this.registry.api(
      'PUT',
      `/api/v1/knowledge-bases/${id}`,
      { name, embeddingModelId },
    );
    expect(bound.status).toBe(201);
  }

  async knowledgeBaseById(id: string): Promise<KnowledgeBaseWithModels> {
    const list = await this.registry.api<ListPage<KnowledgeBaseWithModels>>(
      'GET',
      `/api/v1/admin/knowledge-bases?q=${encodeURIComponent(id)}`,
    );
    const found = list.body.items.find((kb) => kb.id === id);
    if (!found) throw new Error(`no knowledge base ${id}`);
    return found;
  }

  async user(request: CreateUserRequest): Promise<void> {
    const created = await this.registry.api(
      'POST',
      '/api/v1/admin/users',
      request,
    );
    expect(created.status).toBe(201);
  }

  async modelByName(name: string): Promise<Model> {
    const list = await this.registry.api<ListPage<Model>>(
      'GET',
      `/api/v1/admin/models?q=${encodeURIComponent(name)}`,
    );
    const model = list.body.items.find((m) => m.name === name);
    if (!model) throw new Error(`no model named ${name}`);
    return model;
  }

  /** Tests an unsaved embedding model through a saved connection, and waits for its result. */
  async draftTest(connectionId: string, dimensions: number): Promise<void> {
    const accepted = await this.registry.api<ConnectionTestAccepted>(
      'POST',
      '/api/v1/admin/models/test',
      {
        type: 'embedding',
        provider: 'openai_compatible',
        modelName: DOUBLE_EMBEDDING,
        params: { dimensions },
        providerConnectionId: connectionId,
      },
    );
    expect(accepted.status).toBe(202);
    await expect
      .poll(
        async () =>
          (
            await this.registry.api<ConnectionTest>(
              'GET',
              `/api/v1/admin/connection-tests/${accepted.body.id}`,
            )
          ).body.finishedAt,
      )
      .not.toBeNull();
  }

  async auditActions(filter: string): Promise<string[]> {
    const audit = await this.registry.api<AuditEventPage>(
      'GET',
      `/api/v1/admin/audit-events?${filter}`,
    );
    return audit.body.items.map((e) => e.action);
  }
}
