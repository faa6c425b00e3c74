import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import {
  MODEL_GUARD_CODES,
  PROBLEM_CONTENT_TYPE,
} from '@llm-registry/contracts';
import { ProblemDto } from '../openapi/problem.dto';
import { problemType } from '../problem/problem';
import { ModelGuardProblemDto } from './model-guard-problem.dto';
import { bindingProblem, guardMessages } from './guard-messages';

const BOUND = {
  knowledgeBaseId: 'support-faq',
  knowledgeBaseName: 'Support FAQ',
  scope: 'global',
  role: 'embedding',
  via: 'binding',
};

const RELYING_ON_DEFAULT = {
  knowledgeBaseId: 'support-faq',
  knowledgeBaseName: 'Support FAQ',
  scope: 'global',
  role: 'generation',
  via: 'default',
};

function example(
  code: (typeof MODEL_GUARD_CODES)[keyof typeof MODEL_GUARD_CODES],
  title: string,
  detail: string,
  dependent: typeof BOUND,
  errors?: { field: string; message: string }[],
) {
  return {
    summary: title,
    value: {
      type: problemType(code),
      title,
      status: 409,
      detail,
      code,
      correlationId: '8d6b2c1e-3f4a-4b5c-9d8e-7f6a5b4c3d2e',
      ...(errors ? { errors } : {}),
      dependents: [dependent],
      dependentsTotal: 1,
    },
  };
}

// The details are the guard's own words (guardMessages), with example names and numbers.
const EXAMPLES = {
  inUse: example(
    MODEL_GUARD_CODES.inUse,
    'Model in use',
    guardMessages.inUse('delete', 'text-embedding-3-small', [
      guardMessages.bindingsReason(1, 'embedding'),
    ]),
    BOUND,
  ),
  defaultInUse: example(
    MODEL_GUARD_CODES.inUse,
    'Default in use',
    guardMessages.inUse('deactivate', 'gpt-4o-mini', [
      guardMessages.defaultReason('generation', 'global', 1),
    ]),
    RELYING_ON_DEFAULT,
  ),
  pinned: example(
    MODEL_GUARD_CODES.embeddingPinned,
    'Embedding model pinned',
    guardMessages.pinned(['params.dimensions'], 'text-embedding-3-small', 1),
    BOUND,
    [{ field: 'params.dimensions', message: guardMessages.pinnedField }],
  ),
  reindex: example(
    MODEL_GUARD_CODES.reindexNeeded,
    'Re-indexing needed',
    guardMessages.reindex('nomic-embed-text', 768, 1536),
    BOUND,
    [{ field: 'reassignTo', message: guardMessages.reindexField(768, 1536) }],
  ),
};

/**
 * Documents the 409s of the knowledge-base guards (with their dependents) alongside a stale version.
 * Put it above `ApiProblems`/`ApiVersionedUpdate` so its 409 is the one documented.
 */
export function ApiModelGuards(
  guards: (keyof typeof EXAMPLES)[],
): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ModelGuardProblemDto),
    ApiResponse({
      status: 409,
      description:
        'Conflict: knowledge bases rely on the model (`dependents` lists them), or a stale `version`.',
      content: {
        [PROBLEM_CONTENT_TYPE]: {
          schema: { $ref: getSchemaPath(ModelGuardProblemDto) },
          examples: Object.fromEntries(
            guards.map((guard) => [guard, EXAMPLES[guard]]),
          ),
        },
      },
    }),
  );
}

/** Documents the 400 of a knowledge-base declaration whose models cannot be bound, with an example. */
export function ApiBindingRefusals(): MethodDecorator {
  const errors = [
    {
      field: 'embeddingModelId',
      message: bindingProblem(
        {
          name: 'nomic-embed-text',
          type: 'embedding',
          scope: 'global',
          status: 'inactive',
        },
        'embedding',
        'global',
        false,
      ),
    },
  ];
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ApiResponse({
      status: 400,
      description:
        'Invalid input, or a named model that cannot be bound (unknown, of another type or scope, not active); `errors` names each field.',
      content: {
        [PROBLEM_CONTENT_TYPE]: {
          schema: { $ref: getSchemaPath(ProblemDto) },
          examples: {
            notActive: {
              summary: 'A named model is not active',
              value: {
                type: problemType('VALIDATION_FAILED'),
                title: 'Invalid request',
                status: 400,
                detail: `${errors[0].field} ${errors[0].message}`,
                code: 'VALIDATION_FAILED',
                correlationId: '8d6b2c1e-3f4a-4b5c-9d8e-7f6a5b4c3d2e',
                errors,
              },
            },
          },
        },
      },
    }),
  );
}
