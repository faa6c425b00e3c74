import {
  createEgressPolicy,
  DEFAULT_EGRESS_DENY,
  parseCidr,
} from './egress-policy';
import { refusalFor } from './guarded-lookup';

describe('the egress policy', () => {
  const defaults = createEgressPolicy();

  it.each([
    ['169.254.169.254', '169.254.0.0/16'],
    ['169.254.0.1', '169.254.0.0/16'],
    ['0.0.0.0', '0.0.0.0/8'],
    ['0.1.2.3', '0.0.0.0/8'],
    ['::', '::/128'],
    ['fe80::1', 'fe80::/10'],
    ['febf:ffff::1', 'fe80::/10'],
    ['fd00:ec2::254', 'fd00:ec2::254/128'],
    ['100.100.100.200', '100.100.100.200/32'],
    ['168.63.129.16', '168.63.129.16/32'],
    // IPv4-mapped IPv6, dotted and hex: the same host as the IPv4 address.
    ['::ffff:169.254.169.254', '169.254.0.0/16'],
    ['::ffff:a9fe:a9fe', '169.254.0.0/16'],
    ['::ffff:0.0.0.0', '0.0.0.0/8'],
  ])('denies %s by default (%s)', (address, range) => {
    expect(defaults.deniedRange(address)).toBe(range);
  });

  it.each([
    '127.0.0.1',
    '::1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.10',
    'fd12:3456::1',
    '100.100.100.201',
    '169.253.255.255',
    '169.255.0.0',
    'fec0::1',
    '8.8.8.8',
    '2001:db8::1',
  ])(
    'allows %s by default: loopback and private ranges stay reachable',
    (address) => {
      expect(defaults.deniedRange(address)).toBeNull();
    },
  );

  it('adds ranges to the defaults, never replaces them', () => {
    const policy = createEgressPolicy(['10.0.0.0/8', '127.0.0.2', 'fd00::/8']);
    expect(policy.deniedRange('10.9.9.9')).toBe('10.0.0.0/8');
    expect(policy.deniedRange('127.0.0.2')).toBe('127.0.0.2');
    expect(policy.deniedRange('::ffff:127.0.0.2')).toBe('127.0.0.2');
    expect(policy.deniedRange('fd12::1')).toBe('fd00::/8');
    expect(policy.deniedRange('127.0.0.1')).toBeNull();
    expect(policy.deniedRange('169.254.169.254')).toBe('169.254.0.0/16');
  });

  it('denies all of IPv4, mapped addresses included, with 0.0.0.0/0', () => {
    const policy = createEgressPolicy(['0.0.0.0/0']);
    expect(policy.deniedRange('8.8.8.8')).toBe('0.0.0.0/0');
    expect(policy.deniedRange('::ffff:127.0.0.1')).toBe('0.0.0.0/0');
    expect(policy.deniedRange('::1')).toBeNull();
  });

  it('refuses a name when any of its resolved addresses is denied', () => {
    expect(refusalFor(defaults, ['10.0.0.5', '127.0.0.1'])).toBeNull();
    const refusal = refusalFor(defaults, ['10.0.0.5', '169.254.169.254']);
    expect(refusal?.address).toBe('169.254.169.254');
    expect(refusal?.message).toContain('169.254.0.0/16');
    expect(refusalFor(defaults, ['fe80::1', '127.0.0.1'])?.address).toBe(
      'fe80::1',
    );
  });

  it.each([
    '10.0.0.0/33',
    'fd00::/129',
    '10.0.0.0/',
    '10.0.0.0/8/8',
    '10.0.0.0/-1',
    '10.0.0/8',
    'example.com/32',
    '',
    '10.0.0.0/8 ; rm',
  ])('rejects %j, quoting it', (entry) => {
    expect(() => parseCidr(entry)).toThrow(`"${entry.trim()}"`);
  });

  it('parses every default range', () => {
    expect(() => DEFAULT_EGRESS_DENY.map(parseCidr)).not.toThrow();
  });
});
