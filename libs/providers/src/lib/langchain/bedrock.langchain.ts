import type { ConnectionTarget } from '../connection-target';
import { customBaseUrl } from '../http/base-url';
import type { BuildContext, LangChainAdapter } from './langchain-adapter';
import { numberParam, samplingParams } from './model-params';

/** The catalogue's default region. */
const DEFAULT_REGION = 'us-east-1';

/** The connection's region, never AWS_DEFAULT_REGION. */
export function bedrockRegion(settings: ConnectionTarget['settings']): string {
  return settings['region']?.trim() || DEFAULT_REGION;
}

/**
 * Keys from the connection when it has them. Without them the AWS SDK's default credential chain
 * applies, as the catalogue tells users; LangChain's own fallbacks (BEDROCK_AWS_*,
 * AWS_BEARER_TOKEN_BEDROCK) are switched off with empty strings either way.
 */
export function bedrockAuth({ target }: BuildContext) {
  const { accessKeyId, secretAccessKey, sessionToken } = target.credentials;
  return {
    region: bedrockRegion(target.settings),
    credentials:
      accessKeyId && secretAccessKey
        ? {
            accessKeyId,
            secretAccessKey,
            sessionToken: sessionToken || undefined,
          }
        : undefined,
    bedrockBearerToken: '',
  };
}

/** The endpoint override (a VPC endpoint, say), checked like every base URL; none by default. */
function endpointOf({ target }: BuildContext): URL | undefined {
  const url = customBaseUrl(target);
  return url ? new URL(url) : undefined;
}

/**
 * HTTP/1.1 through the guarded agents. The runtime client's default is an HTTP/2 handler, which
 * takes no agent and would connect anywhere; Converse and InvokeModel need no HTTP/2.
 */
async function requestHandler({ agents }: BuildContext) {
  const { NodeHttpHandler } = await import('@smithy/node-http-handler');
  return new NodeHttpHandler(agents);
}

/** Bedrock through Converse (chat) and InvokeModel (embeddings); LangChain has no Bedrock reranker. */
export const bedrockLangChain: LangChainAdapter = {
  async chat(context) {
    const { ChatBedrockConverse } = await import('@langchain/aws');
    const { temperature, maxTokens, topP } = samplingParams(context.model);
    return new ChatBedrockConverse({
      model: context.model.modelName,
      ...bedrockAuth(context),
      bedrockApiKey: '',
      bedrockApiSecret: '',
      // Converse builds `https://${endpointHost}` itself and ignores clientOptions.endpoint.
      endpointHost: endpointOf(context)?.host,
      // The AWS SDK retries on its own (3 attempts by default).
      clientOptions: {
        maxAttempts: context.maxRetries + 1,
        requestHandler: await requestHandler(context),
      },
      temperature,
      maxTokens,
      topP,
      maxRetries: context.maxRetries,
    });
  },

  async embeddings(context) {
    const { BedrockEmbeddings } = await import('@langchain/aws');
    return new BedrockEmbeddings({
      model: context.model.modelName,
      ...bedrockAuth(context),
      clientOptions: {
        maxAttempts: context.maxRetries + 1,
        endpoint: endpointOf(context)?.href,
        // Node's http follows no redirects; the agents keep it to allowed addresses.
        requestHandler: await requestHandler(context),
      },
      dimensions: numberParam(context.model, 'dimensions'),
      maxRetries: context.maxRetries,
    });
  },
};
