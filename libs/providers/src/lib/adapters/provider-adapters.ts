import type { ProviderId } from '@llm-registry/contracts';
import { anthropicAdapter } from './anthropic.adapter';
import { azureOpenAiAdapter } from './azure-openai.adapter';
import { bedrockAdapter } from './bedrock.adapter';
import { cohereAdapter } from './cohere.adapter';
import { fireworksAdapter } from './fireworks.adapter';
import { geminiAdapter } from './gemini.adapter';
import { ollamaAdapter } from './ollama.adapter';
import { openAiCompatibleAdapter } from './openai-compatible.adapter';
import { openAiAdapter } from './openai.adapter';
import type { ProviderAdapter } from './provider-adapter';

/**
 * The one registry of adapters. Keyed by every catalogue id, so a provider without an adapter, or an
 * adapter filed under another provider's id, does not compile.
 */
const PROVIDER_ADAPTERS: { [P in ProviderId]: ProviderAdapter<P> } = {
  openai: openAiAdapter,
  azure_openai: azureOpenAiAdapter,
  anthropic: anthropicAdapter,
  gemini: geminiAdapter,
  cohere: cohereAdapter,
  ollama: ollamaAdapter,
  bedrock: bedrockAdapter,
  fireworks: fireworksAdapter,
  openai_compatible: openAiCompatibleAdapter,
};

export function getProviderAdapter(provider: ProviderId): ProviderAdapter {
  // Callers may pass unchecked input from JavaScript or an HTTP body.
  if (!Object.hasOwn(PROVIDER_ADAPTERS, provider)) {
    throw new Error(`Unknown provider: ${String(provider)}`);
  }
  return PROVIDER_ADAPTERS[provider];
}
