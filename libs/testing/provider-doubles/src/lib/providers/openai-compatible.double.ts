import { bearerKey, checkKey } from '../server/auth';
import {
  type DoubleDefinition,
  DoubleFailure,
  ok,
} from '../server/double-definition';
import { openAiModelList } from './openai.double';

/** vLLM always reports a context length; this stands in when a model sets none. */
const DEFAULT_MAX_MODEL_LEN = 4096;
/** Marks the answer of vLLM's auth middleware, which has its own body. */
const UNAUTHORIZED = 'unauthorized';

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
          type: failure.status === 404 ? 'NotFoundError' : 'BadRequestError',
          param: null,
          code: failure.status,
        },
  // FastAPI's own answer for a path no route has.
  unknownRoute: () => ({ status: 404, body: { detail: 'Not Found' } }),
};
