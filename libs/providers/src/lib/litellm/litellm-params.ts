import type { ConnectionTarget } from '../connection-target';

/**
 * A secret as LiteLLM gets it: the name of a variable in the proxy's environment (sent as
 * `os.environ/NAME`), or a stored value the caller decrypted.
 */
export type LiteLLMCredential = { env: string } | { value: string };

/** A connection to mirror into LiteLLM: a ConnectionTarget whose secrets may stay references. */
export interface LiteLLMConnection
  extends Omit<ConnectionTarget, 'credentials'> {
  /** By catalogue key: apiKey, accessKeyId, secretAccessKey, sessionToken. */
  credentials: Record<string, LiteLLMCredential>;
}

/**
 * The `litellm_params` of a LiteLLM `/model/new` deployment (reference: litellm-proxy-api §1, §7).
 * Sampling fields are the deployment's defaults: LiteLLM lets a request's own values win.
 */
export interface LiteLLMParams {
  /** Provider-prefixed: `openai/gpt-4o-mini`, `azure/<deployment>`, `ollama_chat/llama3.1`… */
  model: string;
  api_base?: string;
  api_key?: string;
  api_version?: string;
  organization?: string;
  aws_access_key_id?: string;
  aws_secret_access_key?: string;
  aws_session_token?: string;
  aws_region_name?: string;
  /** A Bedrock endpoint other than the regional default (a VPC endpoint, say). */
  aws_bedrock_runtime_endpoint?: string;
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  /** Instead of max_tokens for OpenAI reasoning models. */
  max_completion_tokens?: number;
  dimensions?: number;
}

/**
 * Which `litellm_params` carry a credential. LiteLLM's listings drop or mask those (reference §2), so a
 * mirror compares only the plain ones and never sends a listed value back (§4).
 */
export const LITELLM_PARAM_KINDS: Record<
  keyof LiteLLMParams,
  'secret' | 'plain'
> = {
  model: 'plain',
  api_base: 'plain',
  api_key: 'secret',
  api_version: 'plain',
  organization: 'plain',
  aws_access_key_id: 'secret',
  aws_secret_access_key: 'secret',
  aws_session_token: 'secret',
  aws_region_name: 'plain',
  aws_bedrock_runtime_endpoint: 'plain',
  temperature: 'plain',
  top_p: 'plain',
  max_tokens: 'plain',
  max_completion_tokens: 'plain',
  dimensions: 'plain',
};
