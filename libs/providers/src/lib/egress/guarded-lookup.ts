import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { EgressDeniedError } from './egress-errors';
import type { EgressPolicy } from './egress-policy';

/** The refusal for `addresses` when the policy denies any of them, else null. */
export function refusalFor(
  policy: EgressPolicy,
  addresses: readonly string[],
): EgressDeniedError | null {
  for (const address of addresses) {
    const range = policy.deniedRange(address);
    if (range) return new EgressDeniedError(address, range);
  }
  return null;
}

/**
 * Node skips `lookup` for a host that is already an address: sockets check it here first.
 * Brackets of an IPv6 URL host are tolerated.
 */
export function literalRefusal(
  policy: EgressPolicy,
  host: string | null | undefined,
): EgressDeniedError | null {
  const address = host?.replace(/^\[(.*)\]$/, '$1') ?? '';
  return isIP(address) ? refusalFor(policy, [address]) : null;
}

/**
 * A `lookup` for sockets that resolves as usual and refuses the name when any of its addresses is
 * denied: the check runs on what the socket will connect to, so DNS rebinding cannot slip past it.
 * One denied address refuses the name even if others are fine; a provider has no business there.
 */
export function guardedLookup(policy: EgressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refusal = refusalFor(
        policy,
        addresses.map((entry) => entry.address),
      );
      if (refusal) return callback(refusal, []);
      if (options.all) return callback(null, addresses);
      const [first] = addresses as LookupAddress[];
      return callback(null, first.address, first.family);
    });
  };
}
