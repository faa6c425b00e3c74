export type {
  DoubleBehaviour,
  DoubleModel,
  DoubleProvider,
  ModelKind,
  ProviderDouble,
  ProviderDoubleOptions,
  RecordedRequest,
} from './lib/provider-double.types';
export { startProviderDouble } from './lib/start-provider-double';
export { DOUBLE_MODELS, DOUBLE_PROVIDERS } from './lib/double-models';
