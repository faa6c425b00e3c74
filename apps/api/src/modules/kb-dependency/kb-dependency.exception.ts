import {
  type FieldError,
  type ModelDependent,
  type ModelGuardProblemExtension,
} from '@llm-registry/contracts';
import { ProblemException } from '../../common/problem/problem.exception';

export enum KbDependencyErrorCode {
  KnowledgeBaseNotFound = 'KNOWLEDGE_BASE_NOT_FOUND',
  // The guard codes are part of the contract (MODEL_GUARD_CODES); the spec checks they match.
  ModelInUse = 'MODEL_IN_USE',
  EmbeddingPinned = 'EMBEDDING_MODEL_PINNED',
  ReindexNeeded = 'REINDEX_NEEDED',
}

const STATUS: Record<KbDependencyErrorCode, number> = {
  [KbDependencyErrorCode.KnowledgeBaseNotFound]: 404,
  [KbDependencyErrorCode.ModelInUse]: 409,
  [KbDependencyErrorCode.EmbeddingPinned]: 409,
  [KbDependencyErrorCode.ReindexNeeded]: 409,
};

const TITLE: Record<KbDependencyErrorCode, string> = {
  [KbDependencyErrorCode.KnowledgeBaseNotFound]: 'Knowledge base not found',
  [KbDependencyErrorCode.ModelInUse]: 'Model in use',
  [KbDependencyErrorCode.EmbeddingPinned]: 'Embedding model pinned',
  [KbDependencyErrorCode.ReindexNeeded]: 'Re-indexing needed',
};

export class KbDependencyException extends ProblemException {
  constructor(
    code: KbDependencyErrorCode,
    detail: string,
    errors?: FieldError[],
    extensions: Record<string, unknown> = {},
  ) {
    super(STATUS[code], code, TITLE[code], detail, errors, {}, extensions);
  }

  static notFound(id: string): KbDependencyException {
    return new KbDependencyException(
      KbDependencyErrorCode.KnowledgeBaseNotFound,
      `No knowledge base with id ${id}.`,
    );
  }

  /** A refusal that lists who relies on the model. */
  static guard(
    code:
      | KbDependencyErrorCode.ModelInUse
      | KbDependencyErrorCode.EmbeddingPinned
      | KbDependencyErrorCode.ReindexNeeded,
    detail: string,
    dependents: { listed: ModelDependent[]; total: number },
    errors?: FieldError[],
  ): KbDependencyException {
    const extension: ModelGuardProblemExtension = {
      dependents: dependents.listed,
      dependentsTotal: dependents.total,
    };
    return new KbDependencyException(code, detail, errors, { ...extension });
  }
}
