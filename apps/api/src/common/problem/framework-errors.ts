import { Logger } from '@nestjs/common';
import {
  type FastifyError,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { CORRELATION_ID_HEADER } from '@llm-registry/contracts';
import { ProblemException, ValidationProblem } from './problem.exception';
import { sendProblem } from './problem.filter';

const logger = new Logger('Errors');

function asProblem(error: FastifyError): unknown {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return new ValidationProblem([
        { field: 'path', message: 'must be valid UTF-8 once percent-decoded' },
      ]);
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new ProblemException(
        414,
        'URI_TOO_LONG',
        'URI too long',
        'A path parameter is longer than 100 characters.',
        [
          {
            field: 'path',
            message: 'has a parameter longer than 100 characters',
          },
        ],
      );
    default:
      return error;
  }
}

/**
 * Fastify's `frameworkErrors`: the router answers a URL it cannot decode before any hook or Nest
 * filter runs, with its own JSON; this answers those as problems too.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  void reply.header(CORRELATION_ID_HEADER, request.id);
  sendProblem(asProblem(error), request, reply, logger);
}
