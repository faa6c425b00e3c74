/** What a model is used for; drives which params apply and how it is probed. */
export const MODEL_TYPES = [
  'embedding',
  'generation',
  'rerank',
  'ner',
] as const;
export type ModelType = (typeof MODEL_TYPES)[number];

export const MODEL_STATUSES = ['active', 'inactive', 'deprecated'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

/** Statuses in which a model still answers calls: deprecated ones serve until their users have moved. */
export const SERVING_STATUSES = [
  'active',
  'deprecated',
] as const satisfies readonly ModelStatus[];

export function isServing(status: ModelStatus | undefined): boolean {
  return (SERVING_STATUSES as readonly (ModelStatus | undefined)[]).includes(
    status,
  );
}

export const PROVIDER_IDS = [
  'openai',
  'azure_openai',
  'anthropic',
  'gemini',
  'cohere',
  'ollama',
  'bedrock',
  'fireworks',
  'openai_compatible',
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export const MODEL_CAPABILITIES = [
  'tools',
  'vision',
  'json',
  'streaming',
  'reasoning',
] as const;
export type ModelCapability = (typeof MODEL_CAPABILITIES)[number];

export const GLOBAL_SCOPE = 'global';

/** Scopes and names are plain identifiers so they are safe in URLs and logs. */
export const SCOPE_PATTERN = /^[a-z0-9][a-z0-9_.:-]{0,62}$/;

export function isModelType(value: unknown): value is ModelType {
  return (MODEL_TYPES as readonly unknown[]).includes(value);
}

export function isProviderId(value: unknown): value is ProviderId {
  return (PROVIDER_IDS as readonly unknown[]).includes(value);
}
