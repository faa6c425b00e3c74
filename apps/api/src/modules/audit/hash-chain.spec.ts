import {
  canonicalJson,
  type ChainedContent,
  deriveChainKey,
  GENESIS_HASH,
  hashEvent,
  macEvent,
} from './hash-chain';

const event: ChainedContent = {
  seq: '1',
  id: '0b8a4c9e-7f5d-4b1e-9c2a-3d4e5f6a7b8c',
  at: new Date('2026-11-22T10:00:00.123Z'),
  actor: { type: 'user', id: null, label: 'ada@example.com' },
  action: 'model.updated',
  entityType: 'model',
  entityId: 'm-1',
  changes: { priority: { before: 100, after: 10 } },
  context: { correlationId: 'abc' },
  prevHash: GENESIS_HASH,
};

describe('canonicalJson', () => {
  it('sorts keys at every level, so key order never changes the text', () => {
    expect(
      canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } }),
    ).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('leaves out undefined fields and writes dates as ISO strings', () => {
    expect(
      canonicalJson({ a: undefined, at: new Date(0), list: [undefined] }),
    ).toBe('{"at":"1970-01-01T00:00:00.000Z","list":[null]}');
  });
});

describe('hashEvent', () => {
  it('is a stable SHA-256 of the content', () => {
    expect(hashEvent(event)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEvent({ ...event, changes: { ...event.changes } })).toBe(
      hashEvent(event),
    );
  });

  it('changes when any field, the place in the chain or the previous hash changes', () => {
    const original = hashEvent(event);
    expect(hashEvent({ ...event, seq: '2' })).not.toBe(original);
    expect(hashEvent({ ...event, prevHash: 'f'.repeat(64) })).not.toBe(
      original,
    );
    expect(
      hashEvent({
        ...event,
        changes: { priority: { before: 100, after: 11 } },
      }),
    ).not.toBe(original);
    expect(
      hashEvent({ ...event, at: new Date(event.at.getTime() + 1) }),
    ).not.toBe(original);
  });
});

describe('macEvent', () => {
  const master = { id: 'a1b2c3d4e5f60718', key: Buffer.alloc(32, 7) };
  const key = deriveChainKey(master);

  it('derives a chain key of its own, never the master key itself', () => {
    expect(key.id).toBe(master.id);
    expect(key.key).toHaveLength(32);
    expect(key.key.equals(master.key)).toBe(false);
    expect(deriveChainKey(master).key.equals(key.key)).toBe(true);
  });

  it('differs from the plain hash and cannot be recomputed without the key', () => {
    const mac = macEvent(event, key);
    expect(mac).toMatch(/^[0-9a-f]{64}$/);
    expect(mac).not.toBe(hashEvent(event));
    const other = deriveChainKey({ ...master, key: Buffer.alloc(32, 8) });
    expect(macEvent(event, other)).not.toBe(mac);
  });

  it('covers the content, the place in the chain and the key id', () => {
    const mac = macEvent(event, key);
    expect(macEvent({ ...event, changes: { ...event.changes } }, key)).toBe(
      mac,
    );
    expect(macEvent({ ...event, seq: '2' }, key)).not.toBe(mac);
    expect(macEvent({ ...event, prevHash: 'f'.repeat(64) }, key)).not.toBe(mac);
    expect(macEvent(event, { ...key, id: 'ffffffffffffffff' })).not.toBe(mac);
  });
});
