import { MODEL_GUARD_CODES } from '@llm-registry/contracts';
import { KbDependencyErrorCode } from './kb-dependency.exception';

describe('KbDependencyErrorCode', () => {
  it('uses the guard codes clients read from the contract', () => {
    expect([
      KbDependencyErrorCode.ModelInUse,
      KbDependencyErrorCode.EmbeddingPinned,
      KbDependencyErrorCode.ReindexNeeded,
    ]).toEqual([
      MODEL_GUARD_CODES.inUse,
      MODEL_GUARD_CODES.embeddingPinned,
      MODEL_GUARD_CODES.reindexNeeded,
    ]);
  });
});
