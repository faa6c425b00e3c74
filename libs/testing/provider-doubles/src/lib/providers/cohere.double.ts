import type { DoubleModel } from '../provider-double.types';
import { bearerKey, checkKey } from '../server/auth';
import {
  type DoubleDefinition,
  DoubleFailure,
  type DoubleRequest,
  EventStream,
  type InferenceCall,
  type InferenceRoute,
  type JsonObject,
  ok,
  optionalField,
  type RouteResult,
} from '../server/double-definition';
import {
  complete,
  type Completion,
  documentText,
  embed,
  float32Base64,
  rerank,
  streams,
  textsOf,
} from '../server/inference';
import { pagedListRoute, tokenPage } from '../server/pagination';

const ENDPOINTS: Record<NonNullable<DoubleModel['kind']>, string[]> = {
  chat: ['generate', 'chat', 'summarize'],
  embedding: ['embed'],
  rerank: ['rerank'],
  other: ['classify'],
};

/** Cohere: Bearer key, snake_case wire, errors are a bare `{"message"}`. */
export const cohereDouble: DoubleDefinition = {
  basePath: '',
  defaultModels: [
    { id: 'command-a-03-2025', kind: 'chat', contextWindow: 256000 },
    { id: 'embed-v4.0', kind: 'embedding', contextWindow: 128000 },
    { id: 'rerank-v3.5', kind: 'rerank', contextWindow: 4096 },
  ],
  routes: (settings) => [
    pagedListRoute(
      {
        path: '/v1/models',
        sizeParam: 'page_size',
        limits: { default: 20, max: 1000 },
        page: modelsPage,
      },
      settings,
    ),
    { kind: 'chat', method: 'POST', path: '/v1/chat', handle: chatV1 },
    { kind: 'chat', method: 'POST', path: '/v2/chat', handle: chatV2 },
    {
      kind: 'embedding',
      method: 'POST',
      path: '/v1/embed',
      handle: (call) => embedTexts(call, 1),
    },
    {
      kind: 'embedding',
      method: 'POST',
      path: '/v2/embed',
      handle: (call) => embedTexts(call, 2),
    },
    ...['/v1/rerank', '/v2/rerank'].map(
      (path): InferenceRoute => ({
        kind: 'rerank',
        method: 'POST',
        path,
        handle: rerankDocuments,
      }),
    ),
  ],
  refuse: (request, apiKey) => {
    switch (checkKey(bearerKey(request), apiKey)) {
      case 'ok':
        return null;
      case 'missing':
        return new DoubleFailure(401, 'no api key supplied');
      case 'wrong':
        return new DoubleFailure(401, 'invalid api token');
    }
  },
  errorBody: (failure) => ({ message: failure.message }),
  unknownRoute: () => new DoubleFailure(404, 'Not Found'),
  failures: {
    unauthorized: new DoubleFailure(401, 'invalid api token'),
    notFound: (modelId) =>
      new DoubleFailure(
        404,
        `model '${modelId}' not found, make sure the correct model ID was used and that you have access to the model.`,
      ),
    rateLimited: new DoubleFailure(
      429,
      'You are past the per minute request limit, please wait and try again later.',
    ),
    quota: new DoubleFailure(
      402,
      'Please add or update your payment method to continue using the API.',
    ),
    serverError: new DoubleFailure(500, 'internal server error'),
  },
};

const GENERATION_ID = 'b7f5e1e4-double';

function meta(version: 1 | 2, billedUnits: JsonObject): JsonObject {
  return {
    api_version: { version: String(version) },
    billed_units: billedUnits,
  };
}

function tokensOf(reply: Completion): JsonObject {
  return { input_tokens: reply.inputTokens, output_tokens: reply.outputTokens };
}

function finishReason(reply: Completion): string {
  return reply.truncated ? 'MAX_TOKENS' : 'COMPLETE';
}

/** v1 chat, as ChatCohere calls it; with `stream: true` an NDJSON of stream-start, text-generation, stream-end. */
function chatV1({ body }: InferenceCall): RouteResult {
  const reply = complete(body['message'], body['max_tokens']);
  const response = {
    response_id: 'double-response',
    text: reply.text,
    generation_id: GENERATION_ID,
    chat_history: [
      ...((body['chat_history'] as unknown[] | undefined) ?? []),
      { role: 'USER', message: body['message'] },
      { role: 'CHATBOT', message: reply.text },
    ],
    finish_reason: finishReason(reply),
    meta: { ...meta(1, tokensOf(reply)), tokens: tokensOf(reply) },
  };
  if (!streams(body)) return ok(response);
  return ok(
    new EventStream('ndjson', [
      {
        data: {
          is_finished: false,
          event_type: 'stream-start',
          generation_id: GENERATION_ID,
        },
      },
      {
        data: {
          is_finished: false,
          event_type: 'text-generation',
          text: reply.text,
        },
      },
      {
        data: {
          is_finished: true,
          event_type: 'stream-end',
          finish_reason: response.finish_reason,
          response,
        },
      },
    ]),
  );
}

function chatV2({ body }: InferenceCall): RouteResult {
  const reply = complete(body['messages'], body['max_tokens']);
  return ok({
    id: GENERATION_ID,
    finish_reason: finishReason(reply),
    message: {
      role: 'assistant',
      content: [{ type: 'text', text: reply.text }],
    },
    usage: { billed_units: tokensOf(reply), tokens: tokensOf(reply) },
  });
}

/**
 * v1 without `embedding_types` answers a bare list (`embeddings_floats`); otherwise, and always in v2,
 * one list per requested type.
 */
function embedTexts(call: InferenceCall, version: 1 | 2): RouteResult {
  const { body } = call;
  const texts = textsOf(body['texts'] ?? []);
  const vectors = texts.map((text) =>
    embed(text, call.embeddingSize(body['output_dimension'])),
  );
  const types = body['embedding_types'] as string[] | undefined;
  const common = {
    id: 'double-embed',
    texts,
    meta: meta(version, { input_tokens: texts.length }),
  };
  if (version === 1 && !types) {
    return ok({
      ...common,
      response_type: 'embeddings_floats',
      embeddings: vectors,
    });
  }
  return ok({
    ...common,
    response_type: 'embeddings_by_type',
    embeddings: Object.fromEntries(
      (types ?? ['float']).map((type) => [
        type,
        vectors.map((vector) => asType(vector, type)),
      ]),
    ),
  });
}

/** A float vector in one of Cohere's embedding types (binary types pack eight signs a byte). */
function asType(vector: number[], type: string): unknown {
  switch (type) {
    case 'int8':
      return vector.map((value) => Math.round(value * 254));
    case 'uint8':
      return vector.map((value) => Math.round((value + 0.5) * 255));
    case 'binary':
    case 'ubinary':
      return packSigns(vector, type === 'binary' ? 128 : 0);
    case 'base64':
      return float32Base64(vector);
    default:
      return vector;
  }
}

function packSigns(vector: number[], offset: number): number[] {
  const bytes: number[] = [];
  for (let start = 0; start < vector.length; start += 8) {
    const bits = vector
      .slice(start, start + 8)
      .reduce(
        (byte, value, bit) => byte | ((value > 0 ? 1 : 0) << (7 - bit)),
        0,
      );
    bytes.push(bits - offset);
  }
  return bytes;
}

function rerankDocuments({ body }: InferenceCall): RouteResult {
  const documents = ((body['documents'] as unknown[] | undefined) ?? []).map(
    documentText,
  );
  const ranked = rerank(String(body['query'] ?? ''), documents, body['top_n']);
  return ok({
    id: 'double-rerank',
    results: ranked.map((result) => ({
      ...(body['return_documents'] === true
        ? { document: { text: documents[result.index] } }
        : {}),
      ...result,
    })),
    meta: meta(2, { search_units: 1 }),
  });
}

function modelsPage(
  request: DoubleRequest,
  models: DoubleModel[],
  size: number,
): RouteResult {
  const page = tokenPage(models, request.query.get('page_token'), size);
  if (!page)
    return new DoubleFailure(400, 'invalid request: invalid page_token');
  return ok({
    models: page.items.map((model) => ({
      name: model.id,
      endpoints: ENDPOINTS[model.kind ?? 'chat'],
      default_endpoints: [],
      finetuned: false,
      ...optionalField('context_length', model.contextWindow),
      tokenizer_url: `https://storage.googleapis.com/cohere-public/tokenizers/${model.id}.json`,
      is_deprecated: false,
      features: [],
    })),
    ...optionalField('next_page_token', page.nextPageToken ?? undefined),
  });
}
