import { randomUUID } from 'node:crypto';
import type { DoubleModel } from '../provider-double.types';
import { checkKey } from '../server/auth';
import {
  type DoubleDefinition,
  DoubleFailure,
  type DoubleRequest,
  ok,
  optionalField,
  type RouteResult,
} from '../server/double-definition';
import { pagedListRoute } from '../server/pagination';

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
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
};

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
