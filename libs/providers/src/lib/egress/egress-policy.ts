import { BlockList, isIP } from 'node:net';

/**
 * Never a provider: link-local (where every cloud's metadata service answers), "this network" and
 * the metadata addresses outside link-local (AWS over IPv6, Alibaba, Azure's WireServer).
 * Loopback and private ranges stay reachable: local Ollama, in-cluster vLLM.
 */
export const DEFAULT_EGRESS_DENY: readonly string[] = [
  '0.0.0.0/8',
  '169.254.0.0/16',
  '::/128',
  'fe80::/10',
  'fd00:ec2::254/128',
  '100.100.100.200/32',
  '168.63.129.16/32',
];

/** Which addresses provider calls may connect to, decided on resolved addresses. */
export interface EgressPolicy {
  /** The denied range (as written) that holds `address`, or null when it may be reached. */
  deniedRange(address: string): string | null;
}

interface Range {
  cidr: string;
  list: BlockList;
}

/** `a.b.c.d/n` or `v6::/n`; a bare address is a single host. Throws naming the entry. */
export function parseCidr(entry: string): Range {
  const cidr = entry.trim();
  const [address, prefixText, ...rest] = cidr.split('/');
  const version = isIP(address);
  const bits = version === 6 ? 128 : 32;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (
    version === 0 ||
    rest.length > 0 ||
    (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) ||
    prefix > bits
  ) {
    throw new Error(
      `"${cidr}" is not an IPv4 or IPv6 address or CIDR range (such as 10.0.0.0/8 or fd00::/8)`,
    );
  }
  const list = new BlockList();
  list.addSubnet(address, prefix, version === 6 ? 'ipv6' : 'ipv4');
  return { cidr, list };
}

/** The default ranges and `extra` (PROVIDER_EGRESS_DENY): an operator can add ranges, never lift the defaults. */
export function createEgressPolicy(
  extra: readonly string[] = [],
): EgressPolicy {
  const ranges = [...DEFAULT_EGRESS_DENY, ...extra].map(parseCidr);
  return {
    deniedRange(address) {
      const version = isIP(address);
      // Only resolved addresses get here; anything else is refused rather than guessed at.
      if (version === 0) return 'not an IP address';
      const type = version === 6 ? 'ipv6' : 'ipv4';
      // BlockList matches IPv4-mapped IPv6 (::ffff:a.b.c.d) against IPv4 ranges too.
      return ranges.find(({ list }) => list.check(address, type))?.cidr ?? null;
    },
  };
}
