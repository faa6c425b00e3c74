import { createEgressPolicy, type EgressPolicy } from './egress-policy';
import { createGuardedNodeAgents, type GuardedNodeAgents } from './node-agents';
import { createGuardedAgent, createProviderFetch } from './provider-fetch';

/** How provider calls leave the process: one policy, a fetch and node agents that enforce it. */
export interface ProviderEgress {
  fetch: typeof fetch;
  agents: GuardedNodeAgents;
  /** Closes the pooled connections. */
  close(): Promise<void>;
}

export function createProviderEgress(policy: EgressPolicy): ProviderEgress {
  const dispatcher = createGuardedAgent(policy);
  const agents = createGuardedNodeAgents(policy);
  return {
    fetch: createProviderFetch(dispatcher),
    agents,
    async close() {
      agents.httpAgent.destroy();
      agents.httpsAgent.destroy();
      await dispatcher.close();
    },
  };
}

let defaultEgress: ProviderEgress | undefined;

/** The default policy, for callers that pass none: provider calls are never unguarded. */
export function defaultProviderEgress(): ProviderEgress {
  defaultEgress ??= createProviderEgress(createEgressPolicy());
  return defaultEgress;
}
