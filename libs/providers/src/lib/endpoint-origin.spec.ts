import { endpointOrigin, originMatches, originOf } from './endpoint-origin';

describe('endpointOrigin', () => {
  it('is the base URL’s origin, lower-case, without path, query or default port', () => {
    expect(
      endpointOrigin({
        provider: 'openai_compatible',
        baseUrl: 'HTTP://LocalHost:80/v1?x=1',
        settings: {},
      }),
    ).toBe('http://localhost');
  });

  it('falls back to the catalogue default', () => {
    expect(
      endpointOrigin({ provider: 'openai', baseUrl: null, settings: {} }),
    ).toBe('https://api.openai.com');
  });

  it('is Bedrock’s regional endpoint without a base URL', () => {
    expect(
      endpointOrigin({
        provider: 'bedrock',
        baseUrl: null,
        settings: { region: 'eu-west-1' },
      }),
    ).toBe('https://bedrock-runtime.eu-west-1.amazonaws.com');
    expect(
      endpointOrigin({
        provider: 'bedrock',
        baseUrl: 'https://vpce-1.bedrock-runtime.us-east-1.vpce.amazonaws.com',
        settings: {},
      }),
    ).toBe('https://vpce-1.bedrock-runtime.us-east-1.vpce.amazonaws.com');
  });

  it('is null without a usable http(s) address', () => {
    expect(
      endpointOrigin({ provider: 'azure_openai', baseUrl: null, settings: {} }),
    ).toBeNull();
    expect(
      endpointOrigin({
        provider: 'openai_compatible',
        baseUrl: 'file:///etc/passwd',
        settings: {},
      }),
    ).toBeNull();
  });
});

describe('originMatches', () => {
  it('matches exactly, or one label per *', () => {
    expect(
      originMatches('https://api.openai.com', 'https://api.openai.com'),
    ).toBe(true);
    expect(
      originMatches(
        'https://*.openai.azure.com',
        'https://x-1.openai.azure.com',
      ),
    ).toBe(true);
    expect(
      originMatches('https://*.openai.azure.com', 'https://openai.azure.com'),
    ).toBe(false);
    expect(
      originMatches(
        'https://*.openai.azure.com',
        'https://x.openai.azure.com:8443',
      ),
    ).toBe(false);
    expect(
      originMatches('https://api.openai.com', 'http://api.openai.com'),
    ).toBe(false);
    expect(originOf('ftp://api.openai.com')).toBeNull();
  });
});
