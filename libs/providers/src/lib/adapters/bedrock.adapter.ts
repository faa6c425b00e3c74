import { customBaseUrl } from '../http/base-url';
import {
  bedrockLangChain,
  bedrockRegion,
} from '../langchain/bedrock.langchain';
import { liteLLMSecret, samplingDefaults } from '../litellm/litellm-fields';
import type { LiteLLMConnection } from '../litellm/litellm-params';
import type { ProviderAdapter } from './provider-adapter';

export const bedrockAdapter: ProviderAdapter<'bedrock'> = {
  provider: 'bedrock',
  langChain: bedrockLangChain,
  // Needs SigV4 request signing, which this library does not do yet.
  discovery: null,
  liteLLMParams: (connection, model) => ({
    model: `bedrock/${model.modelName}`,
    aws_region_name: bedrockRegion(connection.settings),
    ...awsKeys(connection),
    aws_bedrock_runtime_endpoint: customBaseUrl(connection),
    ...samplingDefaults(model),
  }),
};

/** Without a key pair LiteLLM uses the AWS default credential chain, as the catalogue tells users. */
function awsKeys({ credentials }: LiteLLMConnection) {
  const accessKeyId = liteLLMSecret(credentials['accessKeyId']);
  const secretAccessKey = liteLLMSecret(credentials['secretAccessKey']);
  if (!accessKeyId || !secretAccessKey) return {};
  return {
    aws_access_key_id: accessKeyId,
    aws_secret_access_key: secretAccessKey,
    aws_session_token: liteLLMSecret(credentials['sessionToken']),
  };
}
