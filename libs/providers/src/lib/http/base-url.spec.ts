import type { ProviderId } from '@llm-registry/contracts';
import { customBaseUrl, resolveBaseUrl } from './base-url';

function target(provider: ProviderId, baseUrl: string | null) {
  return { provider, baseUrl, settings: {}, credentials: {} };
}

describe('resolveBaseUrl', () => {
  it('falls back to the catalogue default', () => {
    expect(resolveBaseUrl(target('openai', null))).toBe(
      'https://api.openai.com/v1',
    );
    expect(resolveBaseUrl(target('anthropic', '  '))).toBe(
      'https://api.anthropic.com',
    );
  });

  it('trims trailing slashes', () => {
    expect(resolveBaseUrl(target('ollama', 'http://gpu-box:11434//'))).toBe(
      'http://gpu-box:11434',
    );
  });

  it('refuses a provider without a default when no base URL is set', () => {
    expect(() => resolveBaseUrl(target('openai_compatible', null))).toThrow(
      expect.objectContaining({
        code: 'unreachable',
        message:
          'OpenAI-compatible server has no base URL: set one on the connection',
      }),
    );
  });

  it('refuses a base URL that is not http(s) without quoting it', () => {
    let message = '';
    try {
      resolveBaseUrl(target('ollama', 'ftp://admin:hunter22@gpu-box'));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('The base URL of Ollama is not an http(s) address');
  });
});

describe('customBaseUrl', () => {
  it('is undefined when the connection uses the catalogue default', () => {
    expect(customBaseUrl(target('openai', null))).toBeUndefined();
    expect(
      customBaseUrl(target('openai', 'https://api.openai.com/v1/')),
    ).toBeUndefined();
  });

  it('is the connection’s own base URL otherwise, checked and trimmed', () => {
    expect(customBaseUrl(target('openai', 'https://gateway.example/v1/'))).toBe(
      'https://gateway.example/v1',
    );
    expect(() => customBaseUrl(target('bedrock', 'ftp://example'))).toThrow(
      expect.objectContaining({ code: 'unreachable' }),
    );
  });
});
