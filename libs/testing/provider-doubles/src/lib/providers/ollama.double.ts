import { createHash } from 'node:crypto';
import type { DoubleModel } from '../provider-double.types';
import { bearerKey, checkKey } from '../server/auth';
import {
  type DoubleDefinition,
  DoubleFailure,
  type DoubleRequest,
  EventStream,
  type InferenceCall,
  type JsonObject,
  ok,
  optionalField,
  type RouteResult,
} from '../server/double-definition';
import {
  complete,
  CREATED_AT,
  embed,
  streams,
  textsOf,
  tokenCount,
} from '../server/inference';

const MODIFIED_AT = CREATED_AT;
/** Durations are nanoseconds. */
const TIMINGS = {
  total_duration: 120_000_000,
  load_duration: 20_000_000,
  prompt_eval_duration: 30_000_000,
  eval_duration: 70_000_000,
};
const VERSION = '0.12.3';

const CAPABILITIES: Record<NonNullable<DoubleModel['kind']>, string[]> = {
  chat: ['completion'],
  embedding: ['embedding'],
  rerank: ['completion'],
  other: [],
};

/** Ollama's native API: no auth locally (Bearer on Ollama Cloud), errors are `{"error": "…"}`. */
export const ollamaDouble: DoubleDefinition = {
  basePath: '',
  defaultModels: [
    {
      id: 'llama3.2:latest',
      contextWindow: 131072,
      embeddingLength: 3072,
      capabilities: ['completion', 'tools'],
    },
    {
      id: 'qwen3:8b',
      contextWindow: 40960,
      embeddingLength: 4096,
      capabilities: ['completion', 'tools', 'thinking'],
    },
    {
      id: 'nomic-embed-text:latest',
      kind: 'embedding',
      contextWindow: 2048,
      embeddingLength: 768,
    },
  ],
  routes: ({ models }) => [
    {
      method: 'GET',
      path: '/api/tags',
      handle: () => ok({ models: models.map(toTag) }),
    },
    {
      method: 'POST',
      path: '/api/show',
      handle: (request) => show(request, models),
    },
    {
      method: 'GET',
      path: '/api/version',
      handle: () => ok({ version: VERSION }),
    },
    {
      kind: 'chat',
      method: 'POST',
      path: '/api/chat',
      handle: (call) =>
        generation(call, call.body['messages'], (text) => ({
          message: { role: 'assistant', content: text },
        })),
    },
    {
      kind: 'chat',
      method: 'POST',
      path: '/api/generate',
      handle: (call) =>
        generation(call, call.body['prompt'], (text) => ({ response: text })),
    },
    { kind: 'embedding', method: 'POST', path: '/api/embed', handle: embedAll },
    {
      kind: 'embedding',
      method: 'POST',
      path: '/api/embeddings',
      handle: (call) =>
        ok({
          embedding: embed(
            String(call.body['prompt'] ?? ''),
            call.embeddingSize(),
          ),
        }),
    },
  ],
  refuse: (request, apiKey) =>
    checkKey(bearerKey(request), apiKey) === 'ok'
      ? null
      : new DoubleFailure(401, 'unauthorized'),
  errorBody: (failure) => ({ error: failure.message }),
  // Ollama's router (gin) answers unknown paths in plain text, not JSON.
  unknownRoute: () => ({ status: 404, body: '404 page not found' }),
  namesModel: (model, id) => tagged(model.id) === tagged(id),
  // A local Ollama has no keys or limits; these are Ollama Cloud's (messages unconfirmed).
  failures: {
    unauthorized: new DoubleFailure(401, 'unauthorized'),
    notFound: (modelId) =>
      new DoubleFailure(404, `model '${modelId}' not found`),
    rateLimited: new DoubleFailure(429, 'too many requests'),
    quota: new DoubleFailure(
      429,
      'you have reached your usage limit, please upgrade to continue',
    ),
    serverError: new DoubleFailure(500, 'llama runner process has terminated'),
  },
};

/**
 * `/api/chat` and `/api/generate`: NDJSON unless `"stream": false`, the last object `done: true` with the stats;
 * `content` puts the text where the route has it (`message` or `response`).
 */
function generation(
  call: InferenceCall,
  prompt: unknown,
  content: (text: string) => JsonObject,
): RouteResult {
  const { body, modelId } = call;
  const options = body['options'] as JsonObject | undefined;
  const reply = complete(prompt, options?.['num_predict']);
  const head = { model: modelId, created_at: CREATED_AT };
  const last = {
    ...head,
    done: true,
    done_reason: reply.truncated ? 'length' : 'stop',
    ...TIMINGS,
    prompt_eval_count: reply.inputTokens,
    eval_count: reply.outputTokens,
  };
  if (!streams(body, true))
    return ok({ ...head, ...content(reply.text), ...last });
  return ok(
    new EventStream('ndjson', [
      { data: { ...head, ...content(reply.text), done: false } },
      { data: { ...content(''), ...last } },
    ]),
  );
}

function embedAll(call: InferenceCall): RouteResult {
  const texts = textsOf(call.body['input']);
  const size = call.embeddingSize(call.body['dimensions']);
  return ok({
    model: call.modelId,
    embeddings: texts.map((text) => embed(text, size)),
    total_duration: TIMINGS.total_duration,
    load_duration: TIMINGS.load_duration,
    prompt_eval_count: tokenCount(texts.join(' ')),
  });
}

/** Ollama names always carry a tag; `llama3.2` means `llama3.2:latest`. */
function tagged(name: string): string {
  return name.includes(':') ? name : `${name}:latest`;
}

function architectureOf(model: DoubleModel): string {
  return model.kind === 'embedding' ? 'nomic-bert' : 'llama';
}

function detailsOf(model: DoubleModel): Record<string, unknown> {
  const family = architectureOf(model);
  return {
    parent_model: '',
    format: 'gguf',
    family,
    families: [family],
    parameter_size: '8.0B',
    quantization_level: 'Q4_K_M',
  };
}

function toTag(model: DoubleModel): Record<string, unknown> {
  const name = tagged(model.id);
  return {
    name,
    model: name,
    modified_at: MODIFIED_AT,
    size: 4_920_753_328,
    digest: createHash('sha256').update(name).digest('hex'),
    details: detailsOf(model),
  };
}

function show(request: DoubleRequest, models: DoubleModel[]): RouteResult {
  const name = requestedModel(request.body);
  if (!name) return new DoubleFailure(400, 'model is required');
  const model = models.find((m) => tagged(m.id) === tagged(name));
  if (!model) return new DoubleFailure(404, `model '${name}' not found`);
  const architecture = architectureOf(model);
  return ok({
    license: '',
    modelfile: `FROM ${tagged(model.id)}`,
    parameters: '',
    template: '{{ .Prompt }}',
    details: detailsOf(model),
    model_info: {
      'general.architecture': architecture,
      'general.parameter_count': 8_030_261_248,
      ...optionalField(`${architecture}.context_length`, model.contextWindow),
      ...optionalField(
        `${architecture}.embedding_length`,
        model.embeddingLength,
      ),
    },
    capabilities: model.capabilities ?? CAPABILITIES[model.kind ?? 'chat'],
    modified_at: MODIFIED_AT,
  });
}

/** `{"model": …}`, or `{"name": …}` as older clients send it. */
function requestedModel(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { model?: unknown; name?: unknown };
    const name = parsed.model ?? parsed.name;
    return typeof name === 'string' && name !== '' ? name : null;
  } catch {
    return null;
  }
}
