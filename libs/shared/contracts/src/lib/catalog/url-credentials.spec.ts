import { validateConnectionFields } from './validate-connection';
import { maskUrlCredentials, urlCredentials } from './url-credentials';

describe('credentials in URLs', () => {
  it('finds userinfo and secret-looking parameters, whatever their case', () => {
    expect(urlCredentials('https://u:p@example.test/v1')).toEqual({
      userinfo: true,
      params: [],
    });
    expect(
      urlCredentials(
        'https://example.test/v1?API-KEY=a&Sig=b&model=c&api_key=d',
      ),
    ).toEqual({ userinfo: false, params: ['API-KEY', 'Sig', 'api_key'] });
    expect(urlCredentials('https://example.test/v1?monkey=1')).toEqual({
      userinfo: false,
      params: [],
    });
  });

  it('masks them for answers', () => {
    const masked = maskUrlCredentials(
      'https://user:s3cr3t-value@example.test/v1?key=AIzaSy-secret&x=1',
    );
    expect(masked).not.toContain('s3cr3t-value');
    expect(masked).not.toContain('AIzaSy-secret');
    expect(masked).toContain('x=1');
    expect(maskUrlCredentials('https://example.test/v1')).toBe(
      'https://example.test/v1',
    );
  });

  it('refuses a base URL carrying one, naming where the key belongs', () => {
    const errors = validateConnectionFields({
      provider: 'openai_compatible',
      values: { baseUrl: 'http://u:p@127.0.0.1:8000/v1?token=t' },
      authEnv: null,
    });
    expect(errors.map((e) => e.field)).toEqual(['baseUrl', 'baseUrl']);
    expect(errors[0].message).toContain('apiKey');
    expect(errors[1].message).toContain('token=');
  });
});
