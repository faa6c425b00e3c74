import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Duplex } from 'node:stream';
import type { EgressPolicy } from './egress-policy';
import { guardedLookup, literalRefusal } from './guarded-lookup';

/** node:http agents for clients that take no fetch (the AWS SDK), under the same policy. */
export interface GuardedNodeAgents {
  httpAgent: HttpAgent;
  httpsAgent: HttpsAgent;
}

type Connect = (
  options: { host?: string | null },
  callback: (error: Error | null, socket: Duplex) => void,
) => Duplex | undefined;

/** Refuses an address host before Node connects to it without calling `lookup`. */
function guardConnections<A extends HttpAgent | HttpsAgent>(
  agent: A,
  policy: EgressPolicy,
): A {
  const withGuard = agent as unknown as { createConnection: Connect };
  const connect = withGuard.createConnection.bind(agent);
  withGuard.createConnection = (options, callback) => {
    const refusal = literalRefusal(policy, options.host);
    if (!refusal) return connect(options, callback);
    // The agent reports the callback's error on the request.
    process.nextTick(() => callback(refusal, undefined as unknown as Duplex));
    return undefined;
  };
  return agent;
}

export function createGuardedNodeAgents(
  policy: EgressPolicy,
): GuardedNodeAgents {
  const lookup = guardedLookup(policy);
  return {
    httpAgent: guardConnections(
      new HttpAgent({ keepAlive: true, lookup }),
      policy,
    ),
    httpsAgent: guardConnections(
      new HttpsAgent({ keepAlive: true, lookup }),
      policy,
    ),
  };
}
