import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  Logger,
} from '@nestjs/common';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '@llm-registry/contracts';
import { redactor } from '../redaction/redactor';
import { toProblem } from './to-problem';

/** The one place errors become responses: `application/problem+json` with the correlation id. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendProblem(error, request, reply, this.logger);
  }
}

export function sendProblem(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Pick<Logger, 'error'>,
): void {
  const { problem, internal, headers } = toProblem(error, {
    correlationId: String(request.id),
    path: request.url.split('?')[0] ?? request.url,
  });
  if (internal) {
    logger.error(
      `${request.method} ${problem.instance} failed [${problem.correlationId}]: ${error instanceof Error ? error.message : String(error)}`,
      error instanceof Error ? error.stack : undefined,
    );
  }
  void reply
    .headers(headers ?? {})
    .status(problem.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    // Messages can quote upstream errors (provider SDKs echo URLs and headers): scrub before they leave.
    .send(redactor.scrubDeep(problem));
}
