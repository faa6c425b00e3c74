import {
  EgressDeniedError,
  RedirectRefusedError,
} from '../egress/egress-errors';
import { ProviderRequestError } from '../http/provider-request-error';
import { classifyProviderError } from './classify-provider-error';

const SECRET = 'sk-live-0123456789';

function classify(error: unknown) {
  return classifyProviderError(error, [SECRET]);
}

function httpError(status: number, message: string, extra = {}) {
  return Object.assign(new Error(message), { status }, extra);
}

describe('classifyProviderError', () => {
  it.each([
    [httpError(401, 'Incorrect API key'), 'auth'],
    [Object.assign(new Error('Forbidden'), { statusCode: 403 }), 'auth'],
    [
      httpError(400, 'API key not valid', {
        errorDetails: [{ reason: 'API_KEY_INVALID' }],
      }),
      'auth',
    ],
    [httpError(404, 'no such model'), 'not_found'],
    [
      Object.assign(new Error('gone'), { lc_error_code: 'MODEL_NOT_FOUND' }),
      'not_found',
    ],
    [
      Object.assign(new Error('slow down'), { response: { status: 429 } }),
      'rate_limited',
    ],
    [
      httpError(429, 'You exceeded your current quota', {
        code: 'insufficient_quota',
      }),
      'quota',
    ],
    [httpError(402, 'Payment required'), 'quota'],
    [
      Object.assign(new Error('low credit'), {
        error: { type: 'billing_error' },
      }),
      'quota',
    ],
    [new DOMException('The operation was aborted', 'AbortError'), 'timeout'],
    [new DOMException('signal timed out', 'TimeoutError'), 'timeout'],
    [
      Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }),
      'timeout',
    ],
    [
      new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
          code: 'ECONNREFUSED',
        }),
      }),
      'network',
    ],
    [
      Object.assign(new Error('getaddrinfo ENOTFOUND api.example'), {
        code: 'ENOTFOUND',
      }),
      'network',
    ],
    [
      new SyntaxError('Unexpected token < in JSON at position 0'),
      'bad_response',
    ],
    [httpError(500, 'Internal server error'), 'bad_response'],
    [httpError(503, 'Overloaded'), 'bad_response'],
    [
      new ProviderRequestError('unreachable', 'Could not reach OpenAI'),
      'network',
    ],
    [new ProviderRequestError('unsupported', 'No rerank'), 'unsupported'],
    ['something odd', 'bad_response'],
  ])('classifies %p as %s', (error, category) => {
    expect(classify(error).category).toBe(category);
  });

  it.each([
    [httpError(429, 'slow down'), true],
    [httpError(503, 'Overloaded'), true],
    [new DOMException('aborted', 'AbortError'), true],
    [new TypeError('fetch failed'), true],
    [httpError(401, 'bad key'), false],
    [httpError(429, 'quota', { code: 'insufficient_quota' }), false],
    [new SyntaxError('Unexpected end of JSON input'), false],
  ])('tells whether %p is transient (%s)', (error, transient) => {
    expect(classify(error).transient).toBe(transient);
  });

  it("names the provider's own message from the error body", () => {
    const error = httpError(401, '401 {"type":"error"}', {
      error: {
        type: 'error',
        error: { type: 'authentication_error', message: 'invalid x-api-key' },
      },
    });
    expect(classify(error).message).toBe(
      'The provider rejected the credentials (HTTP 401): invalid x-api-key',
    );
  });

  it('scrubs the secrets, keeps the first line and stays within 300 characters', () => {
    const error = httpError(
      400,
      `Bad header Authorization: Bearer ${SECRET} ${'x'.repeat(400)}\n    at Object.<anonymous> (file.ts:1:1)`,
    );
    const { message } = classify(error);
    expect(message).not.toContain(SECRET);
    expect(message).toContain('[redacted]');
    expect(message).not.toContain(' at Object.');
    expect(message.length).toBeLessThanOrEqual(300);
  });

  it('falls back to a sentence when the error has no message', () => {
    expect(classify({ status: 404 }).message).toBe(
      'The provider does not know this model (HTTP 404).',
    );
  });

  it("keeps at most 200 characters of the provider's message, scrubbed of any 8 characters of the key", () => {
    const error = httpError(
      400,
      `echo ${SECRET.slice(2, 12)} ${'x'.repeat(300)}`,
    );
    const { message } = classify(error);
    const summary =
      'The provider sent an answer that could not be used (HTTP 400): ';
    expect(message.startsWith(summary)).toBe(true);
    expect(message.slice(summary.length)).toHaveLength(200);
    expect(message).toContain('echo [redacted] xxx');
  });

  it.each([
    ['the error itself', new EgressDeniedError('127.0.0.2', '127.0.0.2/32')],
    [
      'the cause of an SDK error',
      Object.assign(new Error('Connection error.'), {
        cause: new EgressDeniedError('127.0.0.2', '127.0.0.2/32'),
      }),
    ],
    [
      'the message of an SDK error that dropped the cause',
      new Error(
        `Non-JSON: ${new EgressDeniedError('127.0.0.2', '127.0.0.2/32').message}`,
      ),
    ],
  ])('names a refused address as egress_denied from %s', (_, error) => {
    expect(classify(error)).toEqual({
      category: 'egress_denied',
      message:
        "The registry is not allowed to connect to this address: the registry's egress policy does not allow 127.0.0.2 (denied range 127.0.0.2/32)",
      transient: false,
    });
  });

  it('reports a refused redirect as a bad response that is not retried', () => {
    const error = Object.assign(new Error('Connection error.'), {
      cause: new RedirectRefusedError('http://127.0.0.1:9', 302),
    });
    expect(classify(error)).toEqual({
      category: 'bad_response',
      message:
        'The provider sent an answer that could not be used (HTTP 302): http://127.0.0.1:9 answered 302; redirects are not followed, use the address it points to as the base URL',
      transient: false,
    });
  });

  it("drops the Google client's status text with its URL", () => {
    const error = Object.assign(
      new Error(
        '[GoogleGenerativeAI Error]: Error fetching from http://127.0.0.1:9/v1beta/models/m:generateContent: [502 <b>gateway</b>] ',
      ),
      { status: 502 },
    );
    expect(classify(error).message).toBe(
      'The provider sent an answer that could not be used (HTTP 502).',
    );
  });
});
