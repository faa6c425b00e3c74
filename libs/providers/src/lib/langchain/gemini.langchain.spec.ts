import { splitGeminiBaseUrl } from './gemini.langchain';

describe('splitGeminiBaseUrl', () => {
  const split = (baseUrl: string | null) =>
    splitGeminiBaseUrl({
      provider: 'gemini',
      baseUrl,
      settings: {},
      credentials: {},
    });

  it('takes the API version from the catalogue default URL', () => {
    expect(split(null)).toEqual({
      baseUrl: 'https://generativelanguage.googleapis.com',
      apiVersion: 'v1beta',
    });
  });

  it('keeps a URL without a version whole', () => {
    expect(split('https://proxy.example/gemini/')).toEqual({
      baseUrl: 'https://proxy.example/gemini',
      apiVersion: undefined,
    });
  });
});
