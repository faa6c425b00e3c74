import { ValidationProblem } from '../problem/problem.exception';
import { resolveVersion } from './if-match';

describe('resolveVersion', () => {
  it.each([
    ['"3"', 3],
    ['W/"4"', 4],
    ['5', 5],
  ])('reads If-Match %s', (header, version) => {
    expect(resolveVersion(undefined, header)).toBe(version);
  });

  it('falls back to the body version', () => {
    expect(resolveVersion(2, undefined)).toBe(2);
    expect(resolveVersion(undefined, undefined)).toBeUndefined();
  });

  it('refuses a header that is not a version, and a body that disagrees with it', () => {
    expect(() => resolveVersion(undefined, '*')).toThrow(ValidationProblem);
    expect(() => resolveVersion(2, '"3"')).toThrow(/disagrees/);
  });
});
