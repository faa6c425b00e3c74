import type { LangChainAdapter } from './langchain-adapter';
import { openAiWireAdapter } from './openai.langchain';

/**
 * Fireworks speaks OpenAI's API at …/inference/v1. `@langchain/fireworks` is not in this registry, and
 * its ChatFireworks is a ChatOpenAI with another base URL, so we build ChatOpenAI directly.
 */
export const fireworksLangChain: LangChainAdapter = openAiWireAdapter(true);
