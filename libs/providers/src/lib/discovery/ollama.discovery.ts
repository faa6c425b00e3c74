import type { ModelCapability, ModelType } from '@llm-registry/contracts';
import { ollamaDialect } from '../dialects/ollama.dialect';
import {
  expectArray,
  expectRecord,
  expectString,
  isRecord,
  optionalCount,
  optionalString,
  stringList,
} from '../http/json-shape';
import type { ProviderHttp } from '../http/provider-http';
import { ProviderRequestError } from '../http/provider-request-error';
import type { DiscoveryAdapter } from './discovery-adapter';
import { mapLimited } from './map-limited';
import { type ModelFacts, type RemoteModel, remoteModel } from './remote-model';

/** One show per model: enough in parallel for a large library, few enough for a small server. */
const SHOW_CONCURRENCY = 4;

// A Map, so names such as `constructor` cannot match an object's prototype.
const CAPABILITIES = new Map<string, ModelCapability>([
  ['tools', 'tools'],
  ['vision', 'vision'],
  ['thinking', 'reasoning'],
]);

/** `GET /api/tags` for the names, then `POST /api/show` per model for type, context and size. */
export const ollamaDiscovery: DiscoveryAdapter = {
  dialect: ollamaDialect,
  listModels: async (http) => {
    const names = await http.get('/api/tags', parseTags);
    return mapLimited(names, SHOW_CONCURRENCY, (name) => describe(http, name));
  },
};

async function describe(
  http: ProviderHttp,
  name: string,
): Promise<RemoteModel> {
  // A model that cannot be shown is still listed, with a guess by its name.
  const facts = await http
    .post('/api/show', { model: name }, parseShow)
    .catch((error: unknown) => {
      if (error instanceof ProviderRequestError) return {};
      throw error;
    });
  return remoteModel(name, facts);
}

function parseTags(body: unknown): string[] {
  const models = expectArray(
    expectRecord(body, 'the body')['models'],
    'models',
  );
  return models.map((entry) =>
    expectString(expectRecord(entry, 'a model')['name'], 'a model name'),
  );
}

function parseShow(body: unknown): ModelFacts {
  const show = expectRecord(body, 'the body');
  const info = isRecord(show['model_info']) ? show['model_info'] : {};
  // Keys are prefixed by the architecture: `llama.context_length`, `bert.embedding_length`.
  const architecture = optionalString(info['general.architecture']);
  const facts: ModelFacts = {
    contextWindow: architecture
      ? optionalCount(info[`${architecture}.context_length`])
      : null,
    dimensions: architecture
      ? optionalCount(info[`${architecture}.embedding_length`])
      : null,
  };
  // Older Ollama versions send no capabilities; then the name is the only hint.
  if (!Array.isArray(show['capabilities'])) return facts;
  const capabilities = stringList(show['capabilities']);
  return {
    ...facts,
    type: typeFromCapabilities(capabilities),
    capabilities: capabilities.flatMap((name) => {
      const capability = CAPABILITIES.get(name);
      return capability ? [capability] : [];
    }),
  };
}

function typeFromCapabilities(capabilities: string[]): ModelType | null {
  if (capabilities.includes('embedding')) return 'embedding';
  if (capabilities.includes('completion')) return 'generation';
  return null;
}
