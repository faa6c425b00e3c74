import type { DoubleModel } from '../provider-double.types';
import { bearerKey, checkKey } from '../server/auth';
import {
  type DoubleDefinition,
  DoubleFailure,
  EventStream,
  type InferenceCall,
  type InferenceRoute,
  ok,
  type RouteResult,
} from '../server/double-definition';
import {
  complete,
  CREATED_SECONDS,
  embed,
  float32Base64,
  streams,
  textsOf,
  tokenCount,
} from '../server/inference';

const CREATED = 1_721_172_741;

/** The body of `GET /v1/models`; compatible servers add their own fields to each model. */
export function openAiModelList(
  models: DoubleModel[],
  ownedBy: string,
  extraFields: (model: DoubleModel) => Record<string, unknown> = () => ({}),
): unknown {
  return {
    object: 'list',
    data: models.map((model) => ({
      id: model.id,
      object: 'model',
      created: CREATED,
      owned_by: ownedBy,
      ...extraFields(model),
    })),
  };
}

/** `POST /v1/chat/completions` and `POST /v1/embeddings`, as OpenAI and compatible servers answer them. */
export function openAiInferenceRoutes(): InferenceRoute[] {
  return [
    {
      kind: 'chat',
      method: 'POST',
      path: '/v1/chat/completions',
      handle: chatCompletion,
    },
    {
      kind: 'embedding',
      method: 'POST',
      path: '/v1/embeddings',
      handle: embeddings,
    },
  ];
}

/** OpenAI's 429s; `x-should-retry: false` keeps openai-node from retrying them. */
export const OPENAI_NO_RETRY = { 'x-should-retry': 'false' };

/** OpenAI: `GET /v1/models` lists bare ids; errors are `{"error":{message,type,param,code}}`. */
export const openAiDouble: DoubleDefinition = {
  basePath: '/v1',
  defaultModels: [
    { id: 'gpt-4o-mini', kind: 'chat' },
    { id: 'text-embedding-3-small', kind: 'embedding' },
    { id: 'whisper-1', kind: 'other' },
  ],
  routes: ({ models }) => [
    {
      method: 'GET',
      path: '/v1/models',
      handle: () => ok(openAiModelList(models, 'system')),
    },
    ...openAiInferenceRoutes(),
  ],
  refuse: (request, apiKey) => {
    switch (checkKey(bearerKey(request), apiKey)) {
      case 'ok':
        return null;
      case 'missing':
        return new DoubleFailure(
          401,
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        );
      case 'wrong':
        // The real message quotes the key, masked; the double does not quote it at all.
        return new DoubleFailure(
          401,
          'Incorrect API key provided.',
          'invalid_api_key',
        );
    }
  },
  errorBody: (failure) => ({
    error: {
      message: failure.message,
      type: errorType(failure),
      param: null,
      code: failure.code ?? null,
    },
  }),
  unknownRoute: (request) =>
    new DoubleFailure(404, `Invalid URL (${request.method} ${request.path})`),
  failures: {
    unauthorized: new DoubleFailure(
      401,
      'Incorrect API key provided.',
      'invalid_api_key',
    ),
    notFound: (modelId) =>
      new DoubleFailure(
        404,
        `The model \`${modelId}\` does not exist or you do not have access to it.`,
        'model_not_found',
      ),
    rateLimited: new DoubleFailure(
      429,
      'Rate limit reached for requests. Please try again in 1s.',
      'rate_limit_exceeded',
      OPENAI_NO_RETRY,
    ),
    quota: new DoubleFailure(
      429,
      'You exceeded your current quota, please check your plan and billing details.',
      'insufficient_quota',
      OPENAI_NO_RETRY,
    ),
    serverError: new DoubleFailure(
      500,
      'The server had an error while processing your request. Sorry about that!',
    ),
  },
};

function errorType(failure: DoubleFailure): string {
  if (failure.code === 'insufficient_quota') return 'insufficient_quota';
  if (failure.status === 429) return 'requests';
  return failure.status >= 500 ? 'server_error' : 'invalid_request_error';
}

function chatCompletion(call: InferenceCall): RouteResult {
  const { body, modelId } = call;
  const reply = complete(
    body['messages'],
    body['max_completion_tokens'] ?? body['max_tokens'],
  );
  const finishReason = reply.truncated ? 'length' : 'stop';
  const usage = {
    prompt_tokens: reply.inputTokens,
    completion_tokens: reply.outputTokens,
    total_tokens: reply.inputTokens + reply.outputTokens,
  };
  const head = {
    id: 'chatcmpl-double',
    created: CREATED_SECONDS,
    model: modelId,
  };
  if (!streams(body)) {
    return ok({
      ...head,
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: reply.text, refusal: null },
          logprobs: null,
          finish_reason: finishReason,
        },
      ],
      usage,
    });
  }
  const withUsage =
    (body['stream_options'] as { include_usage?: unknown } | undefined)
      ?.include_usage === true;
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({
    data: {
      ...head,
      object: 'chat.completion.chunk',
      choices,
      ...(withUsage ? { usage: null } : {}),
      ...extra,
    },
  });
  const choice = (delta: unknown, finish: string | null) => ({
    index: 0,
    delta,
    logprobs: null,
    finish_reason: finish,
  });
  return ok(
    new EventStream('sse', [
      chunk([choice({ role: 'assistant', content: '', refusal: null }, null)]),
      chunk([choice({ content: reply.text }, null)]),
      chunk([choice({}, finishReason)]),
      ...(withUsage ? [chunk([], { usage })] : []),
      { data: '[DONE]' },
    ]),
  );
}

function embeddings(call: InferenceCall): RouteResult {
  const { body, modelId } = call;
  const texts = textsOf(body['input']);
  const size = call.embeddingSize(body['dimensions']);
  const asFloats = body['encoding_format'] === 'float';
  return ok({
    object: 'list',
    data: texts.map((text, index) => {
      const vector = embed(text, size);
      return {
        object: 'embedding',
        index,
        embedding: asFloats ? vector : float32Base64(vector),
      };
    }),
    model: modelId,
    usage: {
      prompt_tokens: tokenCount(texts.join(' ')),
      total_tokens: tokenCount(texts.join(' ')),
    },
  });
}
