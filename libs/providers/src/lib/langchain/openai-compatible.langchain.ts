import type { LangChainAdapter } from './langchain-adapter';
import { openAiWireAdapter } from './openai.langchain';

/**
 * LM Studio, vLLM, TGI…: ChatOpenAI and OpenAIEmbeddings at the server's /v1, with float embeddings
 * and a dummy key when none is set. LangChain has no OpenAI-style reranker, so rerank models are unsupported.
 */
export const openAiCompatibleLangChain: LangChainAdapter =
  openAiWireAdapter(true);
