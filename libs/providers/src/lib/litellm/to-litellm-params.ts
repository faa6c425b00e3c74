import { getProviderSpec, providerServesType } from '@llm-registry/contracts';
import { getProviderAdapter } from '../adapters/provider-adapters';
import { ProviderRequestError } from '../http/provider-request-error';
import type { ModelRef } from '../langchain/langchain-adapter';
import type { LiteLLMConnection, LiteLLMParams } from './litellm-params';

/**
 * The `litellm_params` that register the model with a LiteLLM proxy (`POST /model/new`). Secrets
 * come out as the connection gives them: `os.environ/NAME` references or the values themselves.
 */
export function toLiteLLMParams(
  connection: LiteLLMConnection,
  model: ModelRef,
): LiteLLMParams {
  if (!providerServesType(connection.provider, model.type)) {
    throw new ProviderRequestError(
      'unsupported',
      `${getProviderSpec(connection.provider).label} serves no ${model.type} models`,
    );
  }
  const params = getProviderAdapter(connection.provider).liteLLMParams(
    connection,
    model,
  );
  // Only the fields that apply, so the result can be compared and stored as it is.
  return Object.fromEntries(
    Object.entries(params).filter(([, value]) => value !== undefined),
  ) as LiteLLMParams;
}
