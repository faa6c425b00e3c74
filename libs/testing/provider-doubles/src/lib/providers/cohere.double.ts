import type { DoubleModel } from '../provider-double.types';
import { bearerKey, checkKey } from '../server/auth';
import {
  type DoubleDefinition,
  DoubleFailure,
  type DoubleRequest,
  ok,
  optionalField,
  type RouteResult,
} from '../server/double-definition';
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
};

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
