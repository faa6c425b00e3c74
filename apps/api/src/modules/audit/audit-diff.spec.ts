import { diffFields, secretChanges } from './audit-diff';

describe('diffFields', () => {
  it('lists only the fields that changed, with before and after', () => {
    expect(
      diffFields(
        { name: 'a', priority: 100, params: { dimensions: 3, x: 1 } },
        { name: 'a', priority: 10, params: { x: 1, dimensions: 3 } },
      ),
    ).toEqual({ priority: { before: 100, after: 10 } });
  });

  it('shows a creation and a deletion as every field from or to null', () => {
    expect(diffFields(null, { name: 'a', owner: null })).toEqual({
      name: { before: null, after: 'a' },
    });
    expect(diffFields({ name: 'a' }, null)).toEqual({
      name: { before: 'a', after: null },
    });
  });

  it('writes dates as the ISO strings jsonb will hold', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(diffFields({ at: null }, { at })).toEqual({
      at: { before: null, after: '2026-01-01T00:00:00.000Z' },
    });
  });
});

describe('secretChanges', () => {
  it('redacts both sides and flags the secrets that changed, never their values', () => {
    const changes = secretChanges(
      { apiKey: 'sk-old-123456', org: 'same' },
      { apiKey: 'sk-new-654321', org: 'same', token: 't-1' },
    );
    expect(changes).toEqual({
      apiKey: {
        before: '[redacted]',
        after: '[redacted]',
        secretChanged: true,
      },
      token: { before: null, after: '[redacted]', secretChanged: true },
    });
    expect(JSON.stringify(changes)).not.toMatch(/sk-|t-1/);
  });
});
