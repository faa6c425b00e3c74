export type {
  LiteLLMDouble,
  LiteLLMDoubleOptions,
  RecordedCall,
  StoredDeployment,
} from './lib/litellm-double.types';
export { startLiteLLMDouble } from './lib/start-litellm-double';
