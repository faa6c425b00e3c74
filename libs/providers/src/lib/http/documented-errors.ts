import type { ProviderId } from '@llm-registry/contracts';
import { anthropicDialect } from '../dialects/anthropic.dialect';
import { cohereDialect } from '../dialects/cohere.dialect';
import { stringAt } from '../dialects/dialect-helpers';
import { geminiDialect } from '../dialects/gemini.dialect';
import { ollamaDialect } from '../dialects/ollama.dialect';
import { openAiDialect } from '../dialects/openai.dialect';

/** Where each provider documents the message of an error body (reference/provider-apis.md). */
const ERROR_MESSAGE: Record<ProviderId, (body: unknown) => string | null> = {
  openai: openAiDialect.errorMessage,
  azure_openai: openAiDialect.errorMessage,
  fireworks: openAiDialect.errorMessage,
  openai_compatible: openAiDialect.errorMessage,
  anthropic: anthropicDialect.errorMessage,
  gemini: geminiDialect.errorMessage,
  cohere: cohereDialect.errorMessage,
  ollama: ollamaDialect.errorMessage,
  bedrock: (body) => stringAt(body, 'message'),
};

/** The provider's own message when `text` is an error body of the provider's documented shape. */
export function documentedErrorMessage(
  provider: ProviderId,
  text: string,
): string | null {
  try {
    return ERROR_MESSAGE[provider](JSON.parse(text));
  } catch {
    return null;
  }
}

/**
 * Lets an SDK see an error answer only when its body has the provider's documented shape; any
 * other body (an HTML page, a banner, plain text) is dropped, and so is the status text, because
 * SDKs quote both in their error messages.
 */
export function withDocumentedErrors(
  provider: ProviderId,
  fetchFn: typeof fetch,
): typeof fetch {
  return async (input, init) => {
    const response = await fetchFn(input, init);
    if (response.ok) return response;
    const text = await response.text();
    const documented = documentedErrorMessage(provider, text) !== null;
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    if (!documented) headers.delete('content-type');
    return new Response(documented ? text : null, {
      status: response.status,
      headers,
    });
  };
}
