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
import { pagedListRoute, tokenPage } from '../server/pagination';

const API_KEY_INVALID = 'API_KEY_INVALID';

const GRPC_STATUSES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
};

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
};

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
