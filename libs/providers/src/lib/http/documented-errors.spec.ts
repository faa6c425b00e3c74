import type { ProviderId } from '@llm-registry/contracts';
import {
  documentedErrorMessage,
  withDocumentedErrors,
} from './documented-errors';

const HTML = '<html><body><h1>502 Bad Gateway</h1>nginx sk-leak</body></html>';

describe('documented provider errors', () => {
  it.each<[ProviderId, unknown, string]>([
    [
      'openai',
      {
        error: {
          message: 'Invalid key',
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        },
      },
      'Invalid key',
    ],
    [
      'openai_compatible',
      { object: 'error', message: 'vLLM says no' },
      'vLLM says no',
    ],
    [
      'azure_openai',
      { error: { code: '401', message: 'Access denied' } },
      'Access denied',
    ],
    [
      'anthropic',
      {
        type: 'error',
        error: { type: 'authentication_error', message: 'invalid x-api-key' },
      },
      'invalid x-api-key',
    ],
    [
      'gemini',
      {
        error: {
          code: 400,
          message: 'API key not valid',
          status: 'INVALID_ARGUMENT',
        },
      },
      'API key not valid',
    ],
    ['cohere', { message: 'invalid api token' }, 'invalid api token'],
    ['ollama', { error: 'model "x" not found' }, 'model "x" not found'],
    [
      'bedrock',
      { message: 'The security token is invalid' },
      'The security token is invalid',
    ],
  ])(
    'reads %s errors where the provider documents them',
    (provider, body, message) => {
      expect(documentedErrorMessage(provider, JSON.stringify(body))).toBe(
        message,
      );
    },
  );

  it.each<[ProviderId, string]>([
    ['openai', HTML],
    ['openai', '-ERR unknown command, with args beginning with:'],
    ['anthropic', JSON.stringify({ detail: 'not the shape' })],
    ['gemini', JSON.stringify({ message: 'cohere shape, not gemini' })],
    ['cohere', JSON.stringify({ error: { message: 'openai shape' } })],
    ['ollama', JSON.stringify({ error: { message: 'not a string' } })],
    ['bedrock', ''],
  ])('finds no message in a %s body of another shape', (provider, text) => {
    expect(documentedErrorMessage(provider, text)).toBeNull();
  });

  function answering(
    status: number,
    body: string,
    headers: Record<string, string>,
  ) {
    return (async () =>
      new Response(body, {
        status,
        statusText: 'Leaky Reason',
        headers,
      })) as typeof fetch;
  }

  it('keeps a documented error body for the SDK, without the status text', async () => {
    const body = JSON.stringify({ error: { message: 'Invalid key' } });
    const response = await withDocumentedErrors(
      'openai',
      answering(401, body, {
        'content-type': 'application/json',
        'x-request-id': 'r1',
      }),
    )('http://127.0.0.1/v1/chat');
    expect(response.status).toBe(401);
    expect(response.statusText).toBe('');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-request-id')).toBe('r1');
    expect(await response.text()).toBe(body);
  });

  it('drops any other error body before the SDK can quote it', async () => {
    const response = await withDocumentedErrors(
      'ollama',
      answering(502, HTML, { 'content-type': 'text/html' }),
    )('http://127.0.0.1/api/chat');
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBeNull();
    expect(await response.text()).toBe('');
  });

  it('passes a successful answer through untouched', async () => {
    const original = new Response('{"ok":true}', { status: 200 });
    const response = await withDocumentedErrors(
      'cohere',
      (async () => original) as typeof fetch,
    )('http://127.0.0.1/v2/chat');
    expect(response).toBe(original);
  });
});
