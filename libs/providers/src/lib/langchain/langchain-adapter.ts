import type { Embeddings } from '@langchain/core/embeddings' with { 'resolution-mode': 'import' };
import type { BaseChatModel } from '@langchain/core/language_models/chat_models' with { 'resolution-mode': 'import' };
import type { ModelType } from '@llm-registry/contracts';
import type { ConnectionTarget } from '../connection-target';
import type { GuardedNodeAgents } from '../egress/node-agents';
import type { ProviderEgress } from '../egress/provider-egress';

/** A registry model: its name at the provider, its type and its params (temperature, max_output_tokens, dimensions…). */
export interface ModelRef {
  modelName: string;
  type: ModelType;
  params: Record<string, unknown>;
}

export interface BuildOptions {
  /** LangChain's own retries (AsyncCaller); default 0, so a probe fails on the first error. */
  maxRetries?: number;
  /** Per request, where the LangChain class lets us set it. */
  timeoutMs?: number;
  /** How the SDK clients reach the provider; default: the default egress policy. */
  egress?: ProviderEgress;
}

export interface RerankResult {
  /** Position of the document in the list given to `rerank`. */
  index: number;
  relevanceScore: number;
}

export interface Reranker {
  rerank(query: string, documents: string[]): Promise<RerankResult[]>;
}

/** What every adapter builder gets: the connection, the model and the options with defaults applied. */
export interface BuildContext {
  target: ConnectionTarget;
  model: ModelRef;
  maxRetries: number;
  timeoutMs: number | undefined;
  /** For every SDK that takes one: refuses redirects and denied addresses, drops undocumented error bodies. */
  fetch: typeof fetch;
  /** For the AWS SDK, which takes node agents instead of a fetch. */
  agents: GuardedNodeAgents;
}

/** How to build the LangChain objects of one provider; a missing builder means LangChain has none. */
export interface LangChainAdapter {
  chat?(context: BuildContext): Promise<BaseChatModel>;
  embeddings?(context: BuildContext): Promise<Embeddings>;
  reranker?(context: BuildContext): Promise<Reranker>;
}
