import {
  type FastifyError,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { answerFrameworkError } from './framework-errors';

function fastifyError(code: string, statusCode: number): FastifyError {
  return Object.assign(new Error(`'/x' failed`), {
    code,
    statusCode,
    name: 'FastifyError',
  });
}

function answer(error: FastifyError) {
  const sent: {
    status?: number;
    headers: Record<string, string>;
    body?: unknown;
  } = {
    headers: {},
  };
  const reply = {
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
    headers(values: Record<string, string>) {
      Object.assign(sent.headers, values);
      return reply;
    },
    status(code: number) {
      sent.status = code;
      return reply;
    },
    send(body: unknown) {
      sent.body = body;
      return reply;
    },
  };
  answerFrameworkError(
    error,
    { id: 'c-1', url: '/api/v1/admin/models/%ED%A0%80' } as FastifyRequest,
    reply as unknown as FastifyReply,
  );
  return sent;
}

describe('answerFrameworkError', () => {
  it('answers an undecodable path as a 400 problem naming the path', () => {
    const sent = answer(fastifyError('FST_ERR_BAD_URL', 400));
    expect(sent.status).toBe(400);
    expect(sent.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(sent.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      correlationId: 'c-1',
      errors: [{ field: 'path' }],
    });
  });

  it('answers an overlong path parameter as a 414 problem', () => {
    const sent = answer(fastifyError('FST_ERR_MAX_PARAM_LENGTH', 414));
    expect(sent.status).toBe(414);
    expect(sent.body).toMatchObject({ code: 'URI_TOO_LONG' });
  });
});
