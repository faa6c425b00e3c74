import type { ProviderId } from '@llm-registry/contracts';
import type { DiscoveryAdapter } from '../discovery/discovery-adapter';
import type {
  LangChainAdapter,
  ModelRef,
} from '../langchain/langchain-adapter';
import type {
  LiteLLMConnection,
  LiteLLMParams,
} from '../litellm/litellm-params';

/** Everything this library does with one provider: one adapter per catalogue entry. */
export interface ProviderAdapter<P extends ProviderId = ProviderId> {
  provider: P;
  /** Builds the LangChain.js chat, embeddings and rerank objects. */
  langChain: LangChainAdapter;
  /** Lists the provider's models; null where the connection's credentials cannot. */
  discovery: DiscoveryAdapter | null;
  /**
   * The LiteLLM deployment of a model the provider serves; fields left undefined are dropped by
   * `toLiteLLMParams`. Throws a ProviderRequestError where LiteLLM cannot reach the model so.
   */
  liteLLMParams(connection: LiteLLMConnection, model: ModelRef): LiteLLMParams;
}
