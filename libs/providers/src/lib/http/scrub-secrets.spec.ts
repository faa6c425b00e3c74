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

  it('redacts every run of 8 or more characters of a secret', () => {
    const key = 'sk-proj-4f8a1e9b27c3d5';
    expect(
      scrubSecrets(
        `Incorrect API key provided: sk-proj-****27c3d5. Key 4f8a1e9b27 and ${key.slice(0, 12)}… end`,
        [key],
      ),
    ).toBe(
      // `sk-proj-` is 8 characters of the key too.
      'Incorrect API key provided: [redacted]****27c3d5. Key [redacted] and [redacted]… end',
    );
  });

  it('leaves runs of 7 characters of a secret alone', () => {
    expect(
      scrubSecrets('sk-proj is a prefix, so is 4f8a1e9', [
        'sk-proj-4f8a1e9b27c3d5',
      ]),
    ).toBe('sk-proj is a prefix, so is 4f8a1e9');
  });

  it('redacts a fragment even where it overlaps the text around it', () => {
    expect(scrubSecrets('xx1234567890yy', ['001234567890'])).toBe(
      'xx[redacted]yy',
    );
  });
});
