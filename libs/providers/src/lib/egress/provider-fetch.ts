import {
  Agent,
  buildConnector,
  fetch as undiciFetch,
  type RequestInit as UndiciRequestInit,
} from 'undici';
import { EgressDeniedError, RedirectRefusedError } from './egress-errors';
import type { EgressPolicy } from './egress-policy';
import { guardedLookup, literalRefusal } from './guarded-lookup';

/**
 * An undici agent whose sockets connect only to addresses the policy allows: names are checked
 * after resolution, addresses before the connect.
 */
export function createGuardedAgent(policy: EgressPolicy): Agent {
  const connect = buildConnector({ lookup: guardedLookup(policy) });
  return new Agent({
    connect: (options, callback) => {
      const refusal = literalRefusal(policy, options.hostname);
      if (refusal) callback(refusal, null);
      else connect(options, callback);
    },
  });
}

/**
 * The fetch every provider call goes through, SDK clients included: connects through `dispatcher`
 * (a guarded agent) and treats any 3xx as a failure, because SDKs forward `x-api-key`, `x-goog-api-key` and
 * `api-key` to wherever a redirect points.
 */
export function createProviderFetch(dispatcher: Agent): typeof fetch {
  const providerFetch = async (
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<Response> => {
    if (typeof input !== 'string' && !(input instanceof URL)) {
      // Never seen from the SDKs we use; refusing beats sending a Request another fetch built.
      throw new TypeError('The provider fetch takes a URL, not a Request');
    }
    const response = await undiciFetch(input, {
      ...(init as UndiciRequestInit),
      redirect: 'manual',
      dispatcher,
    }).catch((error: unknown) => {
      // Not undici's "fetch failed": some SDKs keep only the message of what fetch threw.
      const cause = (error as { cause?: unknown } | null)?.cause;
      throw cause instanceof EgressDeniedError ? cause : error;
    });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      throw new RedirectRefusedError(new URL(input).origin, response.status);
    }
    return response as unknown as Response;
  };
  return providerFetch as typeof fetch;
}
