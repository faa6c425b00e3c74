import {
  canonicalJson,
  type ChainedContent,
  GENESIS_HASH,
  hashEvent,
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
