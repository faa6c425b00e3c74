import { redactor } from '../../../common/redaction/redactor';
import { LiteLLMError } from './litellm-error';
import { errorMessageOf } from './litellm.client';

describe('errorMessageOf', () => {
  it.each([
    [
      '{"error":{"message":"{\'error\': \'Model with id=x not found in db\'}","type":"auth_error","param":"None","code":"400"}}',
      "{'error': 'Model with id=x not found in db'}",
    ],
    [
      '{"detail":{"error":"Model id = x not found on litellm proxy"}}',
      'Model id = x not found on litellm proxy',
    ],
    ['{"detail":"Not Found"}', 'Not Found'],
    ['{"error":"plain"}', 'plain'],
    [
      '{"detail":[{"loc":["body","id"],"msg":"Field required"}]}',
      '[{"loc":["body","id"],"msg":"Field required"}]',
    ],
    ['<html>502 Bad Gateway</html>', '<html>502 Bad Gateway</html>'],
  ])('reads %s', (body, message) => {
    expect(errorMessageOf(body)).toBe(message);
  });

  it('scrubs credentials the process knows and key shapes it does not', () => {
    redactor.remember('the-stored-provider-key-42');
    expect(
      errorMessageOf(
        '{"error":{"message":"bad key the-stored-provider-key-42 and sk-abcdefghijklmnopqrstuvwx"}}',
      ),
    ).toBe('bad key [redacted] and [redacted]');
  });

  it('keeps a long traceback to its first 300 characters', () => {
    expect(errorMessageOf('x'.repeat(1000))).toHaveLength(301);
  });
});

describe('LiteLLMError', () => {
  it('is transient without an answer, on 408, 429 and 5xx only', () => {
    expect(
      [null, 400, 401, 404, 408, 422, 429, 500, 503].map(
        (status) => new LiteLLMError(status, 'x').transient,
      ),
    ).toEqual([true, false, false, false, true, false, true, true, true]);
  });

  it('takes a 404, or a 400 saying not found, for not found', () => {
    expect(new LiteLLMError(404, 'Model x not found on proxy.').notFound).toBe(
      true,
    );
    expect(
      new LiteLLMError(400, "{'error': 'Model with id=x not found in db'}")
        .notFound,
    ).toBe(true);
    expect(new LiteLLMError(400, 'rpm and tpm must be set').notFound).toBe(
      false,
    );
  });
});
