import { type CreateModelRequest } from '@llm-registry/contracts';

let counter = 0;

/** A valid generation model; override what the test is about. */
export function generationModel(
  overrides: Partial<CreateModelRequest> = {},
): CreateModelRequest {
  counter += 1;
  return {
    name: `Test model ${counter}`,
    type: 'generation',
    provider: 'openai',
    modelName: 'gpt-4o-mini',
    params: {
      temperature: 0.2,
      context_window: 128000,
      max_output_tokens: 4096,
    },
    priority: 100,
    ...overrides,
  };
}

export function embeddingModel(
  overrides: Partial<CreateModelRequest> = {},
): CreateModelRequest {
  counter += 1;
  return {
    name: `Test embedding ${counter}`,
    type: 'embedding',
    provider: 'ollama',
    modelName: 'nomic-embed-text',
    params: { dimensions: 768 },
    ...overrides,
  };
}
