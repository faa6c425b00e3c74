import { createEgressPolicy, type EgressPolicy } from './egress-policy';
import { createGuardedNodeAgents, type GuardedNodeAgents } from './node-agents';
import { createProviderFetch } from './provider-fetch';

/** How provider calls leave the process: one policy, a fetch and node agents that enforce it. */
export interface ProviderEgress {
  fetch: typeof fetch;
  agents: GuardedNodeAgents;
}

export function createProviderEgress(policy: EgressPolicy): ProviderEgress {
  return {
    fetch: createProviderFetch(policy),
    agents: createGuardedNodeAgents(policy),
  };
}

let defaultEgress: ProviderEgress | undefined;

/** The default policy, for callers that pass none: provider calls are never unguarded. */
export function defaultProviderEgress(): ProviderEgress {
  defaultEgress ??= createProviderEgress(createEgressPolicy());
  return defaultEgress;
}
