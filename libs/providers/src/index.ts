export type { ConnectionTarget } from './lib/connection-target';
export type { RemoteModel } from './lib/discovery/remote-model';
export {
  type ProviderErrorCode,
  ProviderRequestError,
} from './lib/http/provider-request-error';
export type { RequestOptions } from './lib/http/provider-http';
export {
  listRemoteModels,
  supportsDiscovery,
} from './lib/discovery/list-remote-models';
export { mapLimited } from './lib/discovery/map-limited';
export { scrubSecrets } from './lib/http/scrub-secrets';
export {
  createEgressPolicy,
  DEFAULT_EGRESS_DENY,
  type EgressPolicy,
  parseCidr,
} from './lib/egress/egress-policy';
export {
  EgressDeniedError,
  RedirectRefusedError,
} from './lib/egress/egress-errors';
export {
  createProviderEgress,
  type ProviderEgress,
} from './lib/egress/provider-egress';
export type {
  BuildOptions,
  ModelRef,
  Reranker,
  RerankResult,
} from './lib/langchain/langchain-adapter';
export {
  createChatModel,
  createEmbeddings,
  createReranker,
  supportsType,
} from './lib/langchain/create-langchain-model';
export {
  LITELLM_PARAM_KINDS,
  type LiteLLMConnection,
  type LiteLLMCredential,
  type LiteLLMParams,
} from './lib/litellm/litellm-params';
export { toLiteLLMParams } from './lib/litellm/to-litellm-params';
export {
  type ErrorClassification,
  classifyProviderError,
} from './lib/probes/classify-provider-error';
export {
  type ProbeOptions,
  type ProbeOutcome,
  probeModel,
} from './lib/probes/probe-model';
export {
  type ConnectionEndpointOf,
  endpointOrigin,
  originMatches,
  originOf,
} from './lib/endpoint-origin';
