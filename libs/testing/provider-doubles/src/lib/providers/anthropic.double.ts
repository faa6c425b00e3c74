import { randomUUID } from 'node:crypto';
import type { DoubleModel } from '../provider-double.types';
import { checkKey } from '../server/auth';
import {
  type DoubleDefinition,
  DoubleFailure,
  type DoubleRequest,
  EventStream,
  type InferenceCall,
  ok,
  optionalField,
  type RouteResult,
} from '../server/double-definition';
import { complete, streams } from '../server/inference';
import { pagedListRoute } from '../server/pagination';

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
  500: 'api_error',
};

/** Anthropic: `x-api-key` plus a required `anthropic-version`; lists page by `after_id`. */
export const anthropicDouble: DoubleDefinition = {
  basePath: '',
  defaultModels: [
    {
      id: 'claude-sonnet-4-5-20250929',
      displayName: 'Claude Sonnet 4.5',
      contextWindow: 200000,
    },
    {
      id: 'claude-haiku-4-5-20251001',
      displayName: 'Claude Haiku 4.5',
      contextWindow: 200000,
    },
    {
      id: 'claude-opus-4-1-20250805',
      displayName: 'Claude Opus 4.1',
      contextWindow: 200000,
    },
  ],
  routes: (settings) => [
    pagedListRoute(
      {
        path: '/v1/models',
        sizeParam: 'limit',
        limits: { default: 20, max: 1000 },
        page: modelsPage,
      },
      settings,
    ),
    { kind: 'chat', method: 'POST', path: '/v1/messages', handle: message },
  ],
  refuse: (request, apiKey) => {
    switch (checkKey(request.headers['x-api-key'], apiKey)) {
      case 'missing':
        return new DoubleFailure(401, 'x-api-key header is required');
      case 'wrong':
        return new DoubleFailure(401, 'invalid x-api-key');
      case 'ok':
        return request.headers['anthropic-version']
          ? null
          : new DoubleFailure(400, 'anthropic-version: header is required');
    }
  },
  errorBody: (failure) => ({
    type: 'error',
    error: {
      type: failure.code ?? ERROR_TYPES[failure.status] ?? 'api_error',
      message: failure.message,
    },
    request_id: `req_${randomUUID().replaceAll('-', '')}`,
  }),
  unknownRoute: () => new DoubleFailure(404, 'Not Found'),
  failures: {
    unauthorized: new DoubleFailure(401, 'invalid x-api-key'),
    notFound: (modelId) => new DoubleFailure(404, `model: ${modelId}`),
    rateLimited: new DoubleFailure(
      429,
      'Number of request tokens has exceeded your per-minute rate limit.',
    ),
    quota: new DoubleFailure(
      402,
      'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
    ),
    serverError: new DoubleFailure(500, 'Internal server error'),
  },
};

/** `POST /v1/messages`; with `stream: true` the SSE events the SDK expects, in order. */
function message({ body, modelId }: InferenceCall): RouteResult {
  if (typeof body['max_tokens'] !== 'number') {
    return new DoubleFailure(400, 'max_tokens: Field required');
  }
  const reply = complete(body['messages'], body['max_tokens']);
  const stopReason = reply.truncated ? 'max_tokens' : 'end_turn';
  const usage = {
    input_tokens: reply.inputTokens,
    output_tokens: reply.outputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
  };
  const head = {
    id: 'msg_double',
    type: 'message',
    role: 'assistant',
    model: modelId,
  };
  if (!streams(body)) {
    return ok({
      ...head,
      content: [{ type: 'text', text: reply.text }],
      stop_reason: stopReason,
      stop_sequence: null,
      usage,
    });
  }
  const events: [string, Record<string, unknown>][] = [
    [
      'message_start',
      {
        message: {
          ...head,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { ...usage, output_tokens: 1 },
        },
      },
    ],
    [
      'content_block_start',
      { index: 0, content_block: { type: 'text', text: '' } },
    ],
    [
      'content_block_delta',
      { index: 0, delta: { type: 'text_delta', text: reply.text } },
    ],
    ['content_block_stop', { index: 0 }],
    [
      'message_delta',
      {
        delta: { stop_reason: stopReason, stop_sequence: null },
        usage: { output_tokens: reply.outputTokens },
      },
    ],
    ['message_stop', {}],
  ];
  return ok(
    new EventStream(
      'sse',
      events.map(([type, data]) => ({ event: type, data: { type, ...data } })),
    ),
  );
}

/** Pages by `after_id`, the id of the previous page's last model. */
function modelsPage(
  request: DoubleRequest,
  models: DoubleModel[],
  size: number,
): RouteResult {
  const afterId = request.query.get('after_id');
  const after =
    afterId === null ? -1 : models.findIndex((m) => m.id === afterId);
  if (afterId !== null && after === -1) {
    return new DoubleFailure(400, `after_id: no model ${afterId}`);
  }
  const page = models.slice(after + 1, after + 1 + size);
  return ok({
    data: page.map((model) => ({
      type: 'model',
      id: model.id,
      display_name: model.displayName ?? model.id,
      created_at: '2025-01-01T00:00:00Z',
      // Older API versions omit it; so does a model that sets none.
      ...optionalField('max_input_tokens', model.contextWindow),
    })),
    has_more: after + 1 + size < models.length,
    first_id: page[0]?.id ?? null,
    last_id: page.at(-1)?.id ?? null,
  });
}
