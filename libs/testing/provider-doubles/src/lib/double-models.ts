import type { DoubleProvider } from './provider-double.types';

/** Models every double serves by default, by what they do, with the embedding size each is asked for. */
export const DOUBLE_MODELS: Record<
  DoubleProvider,
  { chat: string; embedding?: string; dimensions?: number; rerank?: string }
> = {
  openai: {
    chat: 'gpt-4o-mini',
    embedding: 'text-embedding-3-small',
    dimensions: 256,
  },
  openai_compatible: {
    chat: 'Qwen/Qwen2.5-0.5B-Instruct',
    embedding: 'nomic-ai/nomic-embed-text-v1.5',
    dimensions: 64,
  },
  anthropic: { chat: 'claude-haiku-4-5-20251001' },
  gemini: {
    chat: 'gemini-2.5-flash',
    embedding: 'gemini-embedding-001',
    dimensions: 128,
  },
  // Cohere's embed call takes no size: the double answers with its default of 8.
  cohere: {
    chat: 'command-a-03-2025',
    embedding: 'embed-v4.0',
    dimensions: 8,
    rerank: 'rerank-v3.5',
  },
  ollama: {
    chat: 'llama3.2:latest',
    embedding: 'nomic-embed-text:latest',
    dimensions: 768,
  },
};

export const DOUBLE_PROVIDERS = Object.keys(DOUBLE_MODELS) as DoubleProvider[];
