import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '@llm-registry/contracts';
import { problemType } from '../../common/problem/problem';
import { ModelGuardProblemDto } from './dto/model-guard-problem.dto';
import { KbDependencyErrorCode } from './kb-dependency.exception';

const DEPENDENT = {
  knowledgeBaseId: 'support-faq',
  knowledgeBaseName: 'Support FAQ',
  scope: 'global',
  role: 'embedding',
  via: 'binding',
};

function example(code: KbDependencyErrorCode, title: string, detail: string) {
  return {
    summary: title,
    value: {
      type: problemType(code),
      title,
      status: 409,
      detail,
      code,
      correlationId: '8d6b2c1e-3f4a-4b5c-9d8e-7f6a5b4c3d2e',
      dependents: [DEPENDENT],
      dependentsTotal: 1,
    },
  };
}

const EXAMPLES = {
  inUse: example(
    KbDependencyErrorCode.ModelInUse,
    'Model in use',
    '1 knowledge base uses text-embedding-3-small: Support FAQ. Name a replacement with reassignTo (same type and dimensions) to move them in the same transaction.',
  ),
  pinned: example(
    KbDependencyErrorCode.EmbeddingPinned,
    'Embedding model pinned',
    'params.dimensions cannot change while 1 knowledge base is indexed with text-embedding-3-small: Support FAQ. Register a new model and re-index them instead.',
  ),
  reindex: example(
    KbDependencyErrorCode.ReindexNeeded,
    'Re-indexing needed',
    'nomic-embed-text has 768 dimensions; the knowledge bases were indexed with 1536. Re-indexing needed: re-index them onto a model of the new size first.',
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
