import { effectiveBaseUrl, looksMasked, sameEndpoint } from './secret-input';

describe('secret input', () => {
  it('recognises masked hints, ours and other tools’', () => {
    expect(looksMasked('sk-…abcd')).toBe(true);
    expect(looksMasked('sk-****************abcd')).toBe(true);
    expect(looksMasked('sk-...abcd')).toBe(true);
    expect(looksMasked('sk-proj-9f8e7d6c5b4a39281706abcd')).toBe(false);
  });

  it('compares endpoints by scheme, host, port and path', () => {
    expect(
      sameEndpoint('https://API.example.com/v1/', 'https://api.example.com/v1'),
    ).toBe(true);
    expect(
      sameEndpoint('https://api.example.com/v1', 'https://evil.example.net/v1'),
    ).toBe(false);
    expect(sameEndpoint('http://h:8000/v1', 'http://h:8001/v1')).toBe(false);
  });

  it('treats a missing base URL as the provider default', () => {
    expect(effectiveBaseUrl('openai', null)).toBe('https://api.openai.com/v1');
    expect(effectiveBaseUrl('azure_openai', null)).toBeNull();
  });
});
