import type { DoubleModel } from '../provider-double.types';
import { checkKey } from '../server/auth';
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
import { complete, embed } from '../server/inference';
import { pagedListRoute, tokenPage } from '../server/pagination';

const API_KEY_INVALID = 'API_KEY_INVALID';

const GRPC_STATUSES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
};

/** `/v1beta/models/{model}:{method}` (or `/v1/…`). */
const MODEL_METHOD = /^\/v1(?:beta)?\/models\/([^/:]+):(\w+)$/;

const METHODS: Record<NonNullable<DoubleModel['kind']>, string[]> = {
  chat: ['generateContent', 'countTokens', 'createCachedContent'],
  embedding: ['embedContent', 'batchEmbedContents'],
  rerank: ['predict'],
  other: ['predict'],
};

/** The Gemini API: key in `x-goog-api-key` or `?key=`; a bad key is a 400 with reason API_KEY_INVALID. */
export const geminiDouble: DoubleDefinition = {
  basePath: '/v1beta',
  defaultModels: [
    {
      id: 'gemini-2.5-flash',
      displayName: 'Gemini 2.5 Flash',
      contextWindow: 1048576,
      capabilities: ['thinking'],
    },
    {
      id: 'gemini-embedding-001',
      displayName: 'Gemini Embedding 001',
      kind: 'embedding',
      contextWindow: 2048,
    },
    {
      id: 'imagen-4.0-generate-001',
      displayName: 'Imagen 4',
      kind: 'other',
      contextWindow: 480,
    },
  ],
  routes: (settings) => [
    pagedListRoute(
      {
        path: '/v1beta/models',
        sizeParam: 'pageSize',
        limits: { default: 50, max: 1000 },
        page: modelsPage,
      },
      settings,
    ),
    modelMethod('chat', 'generateContent', (call) => ok(generate(call)[0])),
    modelMethod('chat', 'streamGenerateContent', streamGenerate),
    modelMethod('embedding', 'embedContent', ({ body, ...call }) =>
      ok({ embedding: embedding(body, call) }),
    ),
    modelMethod('embedding', 'batchEmbedContents', ({ body, ...call }) =>
      ok({
        embeddings: ((body['requests'] as JsonObject[] | undefined) ?? []).map(
          (request) => embedding(request, call),
        ),
      }),
    ),
  ],
  refuse: (request, apiKey) => {
    const sent = request.headers['x-goog-api-key'] ?? request.query.get('key');
    switch (checkKey(sent ?? undefined, apiKey)) {
      case 'ok':
        return null;
      case 'missing':
        return new DoubleFailure(
          403,
          "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
        );
      case 'wrong':
        return new DoubleFailure(
          400,
          'API key not valid. Please pass a valid API key.',
          API_KEY_INVALID,
        );
    }
  },
  errorBody: (failure) => ({
    error: {
      code: failure.status,
      message: failure.message,
      status: GRPC_STATUSES[failure.status] ?? 'INTERNAL',
      ...optionalField('details', failure.code && [errorInfo(failure.code)]),
    },
  }),
  unknownRoute: (request) =>
    new DoubleFailure(404, `Method not found: ${request.path}`),
  failures: {
    unauthorized: new DoubleFailure(
      400,
      'API key not valid. Please pass a valid API key.',
      API_KEY_INVALID,
    ),
    notFound: (modelId) =>
      new DoubleFailure(
        404,
        `models/${modelId} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`,
      ),
    rateLimited: new DoubleFailure(
      429,
      'Resource has been exhausted (e.g. check quota).',
    ),
    quota: new DoubleFailure(
      429,
      'You exceeded your current quota, please check your plan and billing details.',
    ),
    serverError: new DoubleFailure(
      500,
      'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
    ),
  },
};

function modelMethod(
  kind: InferenceRoute['kind'],
  method: string,
  handle: InferenceRoute['handle'],
): InferenceRoute {
  return {
    kind,
    method: 'POST',
    path: new RegExp(`/v1(?:beta)?/models/[^/:]+:${method}`),
    modelId: (request) => MODEL_METHOD.exec(request.path)?.[1],
    handle,
  };
}

/** A GenerateContentResponse; `streamed` splits it into the text, then a chunk that finishes it. */
function generate(
  { body, modelId }: InferenceCall,
  streamed = false,
): JsonObject[] {
  const config = body['generationConfig'] as JsonObject | undefined;
  const reply = complete(body['contents'], config?.['maxOutputTokens']);
  const chunk = (text: string, finished: boolean) => ({
    candidates: [
      {
        content: { role: 'model', parts: [{ text }] },
        ...optionalField(
          'finishReason',
          finished ? (reply.truncated ? 'MAX_TOKENS' : 'STOP') : undefined,
        ),
        index: 0,
      },
    ],
    usageMetadata: {
      promptTokenCount: reply.inputTokens,
      candidatesTokenCount: reply.outputTokens,
      totalTokenCount: reply.inputTokens + reply.outputTokens,
    },
    modelVersion: modelId,
    responseId: 'double-response',
  });
  return streamed
    ? [chunk(reply.text, false), chunk('', true)]
    : [chunk(reply.text, true)];
}

/** With `?alt=sse` (as the SDKs ask) SSE `data:` events with no terminator, else one JSON array. */
function streamGenerate(call: InferenceCall): RouteResult {
  const chunks = generate(call, true);
  return ok(
    call.request.query.get('alt') === 'sse'
      ? new EventStream(
          'sse',
          chunks.map((data) => ({ data })),
        )
      : chunks,
  );
}

/** `{ values }` for one EmbedContentRequest (`content.parts[].text`, `outputDimensionality`). */
function embedding(
  request: JsonObject,
  call: Pick<InferenceCall, 'embeddingSize'>,
): JsonObject {
  const content = request['content'] as { parts?: { text?: string }[] };
  const text = (content?.parts ?? []).map((part) => part.text ?? '').join('');
  return {
    values: embed(text, call.embeddingSize(request['outputDimensionality'])),
  };
}

function errorInfo(reason: string): Record<string, unknown> {
  return {
    '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
    reason,
    domain: 'googleapis.com',
    metadata: { service: 'generativelanguage.googleapis.com' },
  };
}

function modelsPage(
  request: DoubleRequest,
  models: DoubleModel[],
  size: number,
): RouteResult {
  const page = tokenPage(models, request.query.get('pageToken'), size);
  if (!page) return new DoubleFailure(400, 'Invalid page token.');
  // Google leaves out empty lists and absent tokens.
  return ok({
    ...optionalField(
      'models',
      page.items.length ? page.items.map(toWire) : undefined,
    ),
    ...optionalField('nextPageToken', page.nextPageToken ?? undefined),
  });
}

function toWire(model: DoubleModel): Record<string, unknown> {
  return {
    name: `models/${model.id}`,
    version: '001',
    displayName: model.displayName ?? model.id,
    description: '',
    ...optionalField('inputTokenLimit', model.contextWindow),
    outputTokenLimit: 8192,
    supportedGenerationMethods: METHODS[model.kind ?? 'chat'],
    ...(model.capabilities?.includes('thinking') ? { thinking: true } : {}),
  };
}
