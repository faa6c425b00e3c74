import { anthropicDouble } from './providers/anthropic.double';
import { cohereDouble } from './providers/cohere.double';
import { geminiDouble } from './providers/gemini.double';
import { ollamaDouble } from './providers/ollama.double';
import { openAiCompatibleDouble } from './providers/openai-compatible.double';
import { openAiDouble } from './providers/openai.double';
import type {
  DoubleProvider,
  ProviderDouble,
  ProviderDoubleOptions,
} from './provider-double.types';
import type { DoubleDefinition } from './server/double-definition';
import { serveDouble } from './server/serve-double';

const DEFINITIONS: Record<DoubleProvider, DoubleDefinition> = {
  openai: openAiDouble,
  openai_compatible: openAiCompatibleDouble,
  anthropic: anthropicDouble,
  gemini: geminiDouble,
  cohere: cohereDouble,
  ollama: ollamaDouble,
};

/** A local HTTP server speaking `provider`'s wire format; close it when the test is done. */
export function startProviderDouble(
  provider: DoubleProvider,
  options: ProviderDoubleOptions = {},
): Promise<ProviderDouble> {
  return serveDouble(DEFINITIONS[provider], options);
}
