import type { ModelCapability, ModelType } from '@llm-registry/contracts';
import { guessTypeFromName } from './guess-type-from-name';

/** A model as the provider lists it. */
export interface RemoteModel {
  /** The provider's identifier (Gemini: without the `models/` prefix). */
  modelName: string;
  displayName: string;
  /** Best guess; null when it is none of ours (tts, image, moderation…). */
  type: ModelType | null;
  contextWindow: number | null;
  /** Embedding size when the provider says it (Ollama `embedding_length`). */
  dimensions: number | null;
  /** What the provider reports (Ollama tools/vision/thinking, Gemini thinking), else []. */
  capabilities: ModelCapability[];
}

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
