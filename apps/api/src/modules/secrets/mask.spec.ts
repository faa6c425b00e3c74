import { maskSecret } from './mask';

describe('maskSecret', () => {
  it.each([
    ['sk-test-0000wxyz1234', 'sk-…1234'],
    ['AIzaSyA-abcdefghijklmnopqrs9876', 'AIza…9876'],
    ['0123456789abcdefWXYZ', '…WXYZ'],
    ['short', '…'],
  ])(
    'shows at most a prefix and the last four characters of %s',
    (value, masked) => {
      expect(maskSecret(value)).toBe(masked);
    },
  );
});
