import { scrubSecrets } from './scrub-secrets';

describe('scrubSecrets', () => {
  it('replaces every occurrence of each secret', () => {
    expect(
      scrubSecrets('key sk-abc123 then sk-abc123 and AKIA0001', [
        'sk-abc123',
        'AKIA0001',
      ]),
    ).toBe('key [redacted] then [redacted] and [redacted]');
  });

  it('leaves values shorter than 4 characters alone', () => {
    expect(scrubSecrets('a bc abc abcd', ['abc', 'a', ''])).toBe(
      'a bc abc abcd',
    );
  });

  it('redacts a secret that contains another one whole', () => {
    expect(
      scrubSecrets('token=secret-value-long', ['secret', 'secret-value-long']),
    ).toBe('token=[redacted]');
  });

  it('treats secrets as text, not as patterns', () => {
    expect(scrubSecrets('a.b*c$1 and axbbc', ['a.b*c$1'])).toBe(
      '[redacted] and axbbc',
    );
  });

  it('accepts any iterable of secrets', () => {
    expect(scrubSecrets('first second', new Set(['second']))).toBe(
      'first [redacted]',
    );
  });
});
