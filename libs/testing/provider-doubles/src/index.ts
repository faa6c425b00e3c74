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
