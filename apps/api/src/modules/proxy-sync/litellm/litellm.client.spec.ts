import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { redactor } from '../../../common/redaction/redactor';
import { LiteLLMError } from './litellm-error';
import { errorMessageOf, LiteLLMClient } from './litellm.client';

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

describe('LiteLLMClient', () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });

  async function listen(
    answer: (location: string) => [number, Record<string, string>],
    location = '',
  ): Promise<{ url: string; hits: string[] }> {
    const hits: string[] = [];
    const server = createServer((request, response) => {
      hits.push(`${request.url} ${request.headers.authorization ?? ''}`);
      const [status, headers] = answer(location);
      response.writeHead(status, headers).end('{"data":[]}');
    });
    servers.push(server);
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve),
    );
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, hits };
  }

  it.each([301, 302, 307, 308])(
    'does not follow a %i, which would carry the master key elsewhere',
    async (status) => {
      const elsewhere = await listen(() => [200, {}]);
      const litellm = await listen(
        (location) => [status, { location }],
        `${elsewhere.url}/model/new`,
      );
      const client = new LiteLLMClient({
        url: litellm.url,
        masterKey: 'sk-litellm-master-9f3e',
        timeoutMs: 5000,
      });
      const error = await client.listDeployments().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LiteLLMError);
      expect(error).toMatchObject({
        status,
        message: `LiteLLM answered ${status} to GET /v2/model/info: redirects are not followed; set LITELLM_URL to the address it points to`,
      });
      expect(litellm.hits).toHaveLength(1);
      expect(elsewhere.hits).toEqual([]);
    },
  );
});
