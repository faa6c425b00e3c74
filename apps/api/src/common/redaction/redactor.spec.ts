import { Redactor } from './redactor';

describe('Redactor', () => {
  it('removes values it was told about, wherever they appear', () => {
    const redactor = new Redactor();
    redactor.remember('canary-4f1b9e2c7d');
    expect(
      redactor.scrub(
        'upstream said: bad key canary-4f1b9e2c7d (canary-4f1b9e2c7d)',
      ),
    ).toBe('upstream said: bad key [redacted] ([redacted])');
  });

  it('ignores values too short to be secrets', () => {
    const redactor = new Redactor();
    redactor.remember('abc');
    expect(redactor.scrub('abc def')).toBe('abc def');
  });

  it('removes keys in query strings, as Gemini puts them', () => {
    expect(
      new Redactor().scrub(
        'GET https://generativelanguage.googleapis.com/v1beta/models?key=AIzaSyA-something&pageSize=5 failed',
      ),
    ).toBe(
      'GET https://generativelanguage.googleapis.com/v1beta/models?key=[redacted]&pageSize=5 failed',
    );
  });

  it('removes bearer tokens, key headers and well-known key shapes', () => {
    const scrubbed = new Redactor().scrub(
      'Authorization: Bearer abcdefgh12345678 x-api-key: "sk-ant-api03-abcdefghijklmnopqrstuvwxyz" llmr_abcdefghijklmnopqrstu',
    );
    expect(scrubbed).not.toMatch(/abcdefgh12345678|sk-ant|llmr_abc/);
  });

  it('scrubs every string of a nested value without touching the input', () => {
    const redactor = new Redactor();
    redactor.remember('super-secret-value');
    const input = {
      a: ['super-secret-value'],
      b: { c: 'x super-secret-value' },
      n: 3,
    };
    expect(redactor.scrubDeep(input)).toEqual({
      a: ['[redacted]'],
      b: { c: 'x [redacted]' },
      n: 3,
    });
    expect(input.a[0]).toBe('super-secret-value');
  });
});
