import type { DoubleModel } from '../provider-double.types';
import { bearerKey, checkKey } from '../server/auth';
import {
  type DoubleDefinition,
  DoubleFailure,
  ok,
} from '../server/double-definition';

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
      type: failure.status >= 500 ? 'server_error' : 'invalid_request_error',
      param: null,
      code: failure.code ?? null,
    },
  }),
  unknownRoute: (request) =>
    new DoubleFailure(404, `Invalid URL (${request.method} ${request.path})`),
};
