import type {
  ModelCapability,
  ModelType,
  RemoteModel,
} from '@llm-registry/contracts';

export type { RemoteModel };
import { guessTypeFromName } from './guess-type-from-name';

/** What a provider told about a model; `type: undefined` means it gave no hint, null that it is none of ours. */
export interface ModelFacts {
  displayName?: string | null;
  type?: ModelType | null;
  contextWindow?: number | null;
  dimensions?: number | null;
  capabilities?: ModelCapability[];
}

export function remoteModel(
  modelName: string,
  facts: ModelFacts = {},
): RemoteModel {
  return {
    modelName,
    displayName: facts.displayName ?? modelName,
    type: facts.type === undefined ? guessTypeFromName(modelName) : facts.type,
    contextWindow: facts.contextWindow ?? null,
    dimensions: facts.dimensions ?? null,
    capabilities: facts.capabilities ?? [],
  };
}
