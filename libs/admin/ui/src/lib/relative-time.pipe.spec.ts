import { relativeTime } from './relative-time.pipe';

describe('relativeTime', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');

  it('says how long ago, in the largest fitting unit', () => {
    expect(relativeTime('2026-11-22T11:55:00Z', now)).toBe('5 minutes ago');
    expect(relativeTime('2026-11-22T09:00:00Z', now)).toBe('3 hours ago');
    expect(relativeTime('2026-11-21T12:00:00Z', now)).toBe('yesterday');
    expect(relativeTime('2026-11-22T11:59:55Z', now)).toBe('just now');
    expect(relativeTime('2026-11-29T12:00:00Z', now)).toBe('in 7 days');
  });

  it('shows a dash for nothing or nonsense', () => {
    expect(relativeTime(null, now)).toBe('—');
    expect(relativeTime('', now)).toBe('—');
    expect(relativeTime('not a date', now)).toBe('—');
  });
});
