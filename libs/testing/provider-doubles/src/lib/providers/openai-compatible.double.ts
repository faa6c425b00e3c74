import { bearerKey, checkKey } from '../server/auth';
import {
  type DoubleDefinition,
  DoubleFailure,
  ok,
} from '../server/double-definition';
import {
  OPENAI_NO_RETRY,
  openAiInferenceRoutes,
  openAiModelList,
} from './openai.double';

/** vLLM always reports a context length; this stands in when a model sets none. */
const DEFAULT_MAX_MODEL_LEN = 4096;
/** Marks the answer of vLLM's auth middleware, which has its own body. */
const UNAUTHORIZED = 'unauthorized';
/** vLLM's flat error `type`s by status. */
const ERROR_TYPES: Record<number, string> = {
  400: 'BadRequestError',
  404: 'NotFoundError',
  429: 'RateLimitError',
  500: 'InternalServerError',
};

/** An OpenAI-compatible server as vLLM is one: `max_model_len` in the list, flat errors. */
export const openAiCompatibleDouble: DoubleDefinition = {
  basePath: '/v1',
  defaultModels: [
    { id: 'Qwen/Qwen2.5-0.5B-Instruct', kind: 'chat', contextWindow: 32768 },
    {
      id: 'nomic-ai/nomic-embed-text-v1.5',
      kind: 'embedding',
      contextWindow: 8192,
    },
  ],
  routes: ({ models }) => [
    {
      method: 'GET',
      path: '/v1/models',
      handle: () =>
        ok(
          openAiModelList(models, 'vllm', (model) => ({
            root: model.id,
            parent: null,
            max_model_len: model.contextWindow ?? DEFAULT_MAX_MODEL_LEN,
            permission: [],
          })),
        ),
    },
    ...openAiInferenceRoutes(),
  ],
  // Started with --api-key, vLLM wants exactly `Bearer <key>` and says no more than "Unauthorized".
  refuse: (request, apiKey) =>
    checkKey(bearerKey(request), apiKey) === 'ok'
      ? null
      : new DoubleFailure(401, 'Unauthorized', UNAUTHORIZED),
  errorBody: (failure) =>
    failure.code === UNAUTHORIZED
      ? { error: failure.message }
      : {
          object: 'error',
          message: failure.message,
          type: ERROR_TYPES[failure.status] ?? 'BadRequestError',
          param: null,
          code: failure.status,
        },
  // FastAPI's own answer for a path no route has.
  unknownRoute: () => ({ status: 404, body: { detail: 'Not Found' } }),
  // vLLM itself neither rate-limits nor bills; these are what a gateway in front of it would pass on.
  failures: {
    unauthorized: new DoubleFailure(401, 'Unauthorized', UNAUTHORIZED),
    notFound: (modelId) =>
      new DoubleFailure(404, `The model \`${modelId}\` does not exist.`),
    rateLimited: new DoubleFailure(
      429,
      'Too many requests',
      undefined,
      OPENAI_NO_RETRY,
    ),
    quota: new DoubleFailure(
      429,
      'You exceeded your current quota.',
      undefined,
      OPENAI_NO_RETRY,
    ),
    serverError: new DoubleFailure(500, 'Internal Server Error'),
  },
};
