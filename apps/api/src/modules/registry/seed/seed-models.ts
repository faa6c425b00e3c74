import { type CreateModelRequest } from '@llm-registry/contracts';

const OLLAMA = 'http://localhost:11434';

/**
 * The models of the original LLM management system, plus two embedding models.
 * Only the local Ollama models are defaults, so a fresh install works without any key.
 */
export const SEED_MODELS: readonly CreateModelRequest[] = [
  {
    name: 'OpenAI GPT-4', type: 'generation', provider: 'openai', modelName: 'gpt-4', priority: 10,
    description: 'OpenAI GPT-4 (needs OPENAI_API_KEY).', capabilities: ['tools', 'json', 'streaming'],
    params: { context_window: 8192, max_output_tokens: 2000, temperature: 0 },
    inputPricePerMillion: 30, outputPricePerMillion: 60,
  },
  {
    name: 'OpenAI GPT-3.5 Turbo', type: 'generation', provider: 'openai', modelName: 'gpt-3.5-turbo', priority: 20,
    description: 'OpenAI GPT-3.5 Turbo (needs OPENAI_API_KEY).', capabilities: ['tools', 'json', 'streaming'],
    params: { context_window: 16385, max_output_tokens: 2000, temperature: 0 },
    inputPricePerMillion: 0.5, outputPricePerMillion: 1.5,
  },
  {
    name: 'Azure OpenAI GPT-4', type: 'generation', provider: 'azure_openai', modelName: 'gpt-4', priority: 30, status: 'inactive',
    description: 'GPT-4 on Azure OpenAI; the model name is the deployment name.', capabilities: ['tools', 'json', 'streaming'],
    params: { context_window: 8192, max_output_tokens: 2000, temperature: 0 },
  },
  {
    name: 'Claude 3 Haiku', type: 'generation', provider: 'anthropic', modelName: 'claude-3-haiku-20240307', priority: 40, status: 'inactive',
    capabilities: ['tools', 'vision', 'streaming'], params: { context_window: 200000, max_output_tokens: 4096, temperature: 0 },
    inputPricePerMillion: 0.25, outputPricePerMillion: 1.25,
  },
  {
    name: 'Claude 3 Sonnet', type: 'generation', provider: 'anthropic', modelName: 'claude-3-sonnet-20240229', priority: 41, status: 'inactive',
    capabilities: ['tools', 'vision', 'streaming'], params: { context_window: 200000, max_output_tokens: 4096, temperature: 0 },
    inputPricePerMillion: 3, outputPricePerMillion: 15,
  },
  {
    name: 'Claude 3 Opus', type: 'generation', provider: 'anthropic', modelName: 'claude-3-opus-20240229', priority: 42, status: 'inactive',
    capabilities: ['tools', 'vision', 'streaming'], params: { context_window: 200000, max_output_tokens: 4096, temperature: 0 },
    inputPricePerMillion: 15, outputPricePerMillion: 75,
  },
  {
    name: 'Bedrock Claude v2', type: 'generation', provider: 'bedrock', modelName: 'anthropic.claude-v2', priority: 50, status: 'inactive',
    capabilities: ['streaming'], params: { context_window: 100000, max_output_tokens: 2000, temperature: 0 },
    inputPricePerMillion: 8, outputPricePerMillion: 24,
  },
  {
    name: 'Gemini Pro', type: 'generation', provider: 'gemini', modelName: 'gemini-pro', priority: 60, status: 'inactive',
    capabilities: ['streaming'], params: { context_window: 32760, max_output_tokens: 2048, temperature: 0 },
  },
  {
    name: 'Mixtral 8x7B (Fireworks)', type: 'generation', provider: 'fireworks', modelName: 'accounts/fireworks/models/mixtral-8x7b-instruct',
    priority: 70, status: 'inactive', capabilities: ['streaming'], params: { context_window: 32768, max_output_tokens: 2000, temperature: 0 },
    inputPricePerMillion: 0.5, outputPricePerMillion: 0.5,
  },
  {
    name: 'Ollama Llama2', type: 'generation', provider: 'ollama', modelName: 'llama2', priority: 80, isDefault: true, endpoint: OLLAMA,
    description: 'Local Llama 2 through Ollama; no key needed.', capabilities: ['streaming'],
    params: { context_window: 4096, max_output_tokens: 2000, temperature: 0 }, inputPricePerMillion: 0, outputPricePerMillion: 0,
  },
  {
    name: 'Ollama Llama3', type: 'generation', provider: 'ollama', modelName: 'llama3', priority: 81, status: 'inactive', endpoint: OLLAMA,
    description: 'Local Llama 3 through Ollama.', capabilities: ['streaming'],
    params: { context_window: 8192, max_output_tokens: 2000, temperature: 0 }, inputPricePerMillion: 0, outputPricePerMillion: 0,
  },
  {
    name: 'OpenAI text-embedding-3-small', type: 'embedding', provider: 'openai', modelName: 'text-embedding-3-small', priority: 10,
    description: 'OpenAI embeddings, 1536 dimensions (needs OPENAI_API_KEY).',
    params: { dimensions: 1536, max_tokens: 8191, distance_metric: 'cosine' }, inputPricePerMillion: 0.02, outputPricePerMillion: 0,
  },
  {
    name: 'Ollama nomic-embed-text', type: 'embedding', provider: 'ollama', modelName: 'nomic-embed-text', priority: 20, isDefault: true,
    endpoint: OLLAMA, description: 'Local embeddings through Ollama, 768 dimensions; no key needed.',
    params: { dimensions: 768, max_tokens: 8192, distance_metric: 'cosine' }, inputPricePerMillion: 0, outputPricePerMillion: 0,
  },
];
