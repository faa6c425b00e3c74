import type { Embeddings } from '@langchain/core/embeddings' with { 'resolution-mode': 'import' };
import type { BaseChatModel } from '@langchain/core/language_models/chat_models' with { 'resolution-mode': 'import' };
import {
  getProviderSpec,
  providerServesType,
  type ModelType,
  type ProviderId,
} from '@llm-registry/contracts';
import { getProviderAdapter } from '../adapters/provider-adapters';
import type { ConnectionTarget } from '../connection-target';
import { defaultProviderEgress } from '../egress/provider-egress';
import { withDocumentedErrors } from '../http/documented-errors';
import { ProviderRequestError } from '../http/provider-request-error';
import type {
  BuildContext,
  BuildOptions,
  LangChainAdapter,
  ModelRef,
  Reranker,
} from './langchain-adapter';

/** Which builder makes a model of each type: generation and NER models are both chat models. */
const BUILDER: Record<ModelType, keyof LangChainAdapter> = {
  generation: 'chat',
  ner: 'chat',
  embedding: 'embeddings',
  rerank: 'reranker',
};

/** Whether the provider serves the type and LangChain can call such a model there. */
export function supportsType(provider: ProviderId, type: ModelType): boolean {
  return (
    providerServesType(provider, type) &&
    getProviderAdapter(provider).langChain[BUILDER[type]] !== undefined
  );
}

/** A chat model for a generation or NER model; LangChain does not retry unless `maxRetries` says so. */
export function createChatModel(
  target: ConnectionTarget,
  model: ModelRef,
  options: BuildOptions = {},
): Promise<BaseChatModel> {
  return build(target, model, options, 'chat', ['generation', 'ner']);
}

/** Embeddings for an embedding model. */
export function createEmbeddings(
  target: ConnectionTarget,
  model: ModelRef,
  options: BuildOptions = {},
): Promise<Embeddings> {
  return build(target, model, options, 'embeddings', ['embedding']);
}

/** A reranker for a rerank model (Cohere today). */
export function createReranker(
  target: ConnectionTarget,
  model: ModelRef,
  options: BuildOptions = {},
): Promise<Reranker> {
  return build(target, model, options, 'reranker', ['rerank']);
}

type Built<K extends keyof LangChainAdapter> = Awaited<
  ReturnType<NonNullable<LangChainAdapter[K]>>
>;

async function build<K extends keyof LangChainAdapter>(
  target: ConnectionTarget,
  model: ModelRef,
  options: BuildOptions,
  builder: K,
  types: readonly ModelType[],
): Promise<Built<K>> {
  const label = getProviderSpec(target.provider).label;
  if (!types.includes(model.type)) {
    throw new ProviderRequestError(
      'unsupported',
      `A ${model.type} model cannot be built as ${builder}`,
    );
  }
  const make = getProviderAdapter(target.provider).langChain[builder];
  if (!make || !providerServesType(target.provider, model.type)) {
    throw new ProviderRequestError(
      'unsupported',
      `${label} ${model.type} models cannot be called through LangChain`,
    );
  }
  const egress = options.egress ?? defaultProviderEgress();
  const context: BuildContext = {
    target,
    model,
    maxRetries: options.maxRetries ?? 0,
    timeoutMs: options.timeoutMs,
    fetch: withDocumentedErrors(target.provider, egress.fetch),
    agents: egress.agents,
  };
  return (await make(context)) as Built<K>;
}
