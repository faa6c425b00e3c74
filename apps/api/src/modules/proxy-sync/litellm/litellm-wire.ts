import { type ModelType } from '@llm-registry/contracts';
import { type LiteLLMParams } from '@llm-registry/providers';

/** `model_info.mode`: how LiteLLM health-checks and routes the deployment (reference §6). */
export type LiteLLMMode = 'chat' | 'embedding' | 'rerank';

/** What the registry sends for one model (`POST /model/new`, `PATCH /model/{id}/update`). */
export interface LiteLLMDeployment {
  model_name: string;
  litellm_params: LiteLLMParams;
  model_info: {
    /** The model's uuid: LiteLLM's primary key, so update and delete need no look-up. */
    id: string;
    mode: LiteLLMMode;
    registry_name: string;
    registry_type: ModelType;
  };
}

/**
 * A deployment as LiteLLM lists it: credentials removed or masked, cost-map fields and defaults merged
 * in. Read it, compare its plain fields, never send it back.
 */
export interface ListedDeployment {
  model_name: string;
  litellm_params: Record<string, unknown>;
  model_info: Record<string, unknown> & { id?: string; db_model?: boolean };
}
