import { isIP } from 'node:net';

/**
 * Whose X-Forwarded-For / X-Forwarded-Proto are believed: nobody's (false), the nearest `n` hops
 * (each proxy appends the address it saw), or peers at these addresses or CIDRs.
 */
export type TrustProxy = false | number | string[];

export const MAX_PROXY_HOPS = 10;

/** TRUST_PROXY as written: false/true, a hop count, or comma-separated addresses and CIDRs; null if none of these. */
export function parseTrustProxy(raw: string): TrustProxy | null {
  const value = raw.trim().toLowerCase();
  if (['false', 'no', 'off'].includes(value)) return false;
  // One proxy in front: trusting every hop would let a client pick its own address.
  if (['true', 'yes', 'on'].includes(value)) return 1;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_PROXY_HOPS) return null;
    return hops === 0 ? false : hops;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  return entries.every(isAddressOrCidr) ? entries : null;
}

function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return (
    /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)
  );
}
