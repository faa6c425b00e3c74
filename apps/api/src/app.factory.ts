import { randomUUID } from 'node:crypto';
import { type IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import {
  FastifyAdapter,
  type NestFastifyApplication,
} from '@nestjs/platform-fastify';
import { type Logger as PinoLogger } from 'pino';
import { CORRELATION_ID_HEADER } from '@llm-registry/contracts';
import { AppModule } from './app.module';
import { PinoLoggerService } from './common/logging/pino-logger.service';
import { setupOpenApi } from './common/openapi/setup-openapi';
import { ProblemFilter } from './common/problem/problem.filter';
import { createValidationPipe } from './common/validation/validation.pipe';
import { type AppConfig } from './config/app-config';
import { type DatabaseHandle } from './database/database-handle';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** A caller's correlation id is kept when it is short and plain; otherwise we mint one. */
const CORRELATION_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

function correlationId(header: string | string[] | undefined): string {
  return typeof header === 'string' && CORRELATION_ID_PATTERN.test(header)
    ? header
    : randomUUID();
}

export interface CreateAppOptions {
  config: AppConfig;
  database: DatabaseHandle;
  logger: PinoLogger;
}

/** Builds the HTTP application (used by main.ts and by the integration tests alike). */
export async function createApp({
  config,
  database,
  logger,
}: CreateAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    logger: false,
    requestIdHeader: false,
    genReqId: (request: IncomingMessage) =>
      correlationId(request.headers[CORRELATION_ID_HEADER]),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({ config, database }),
    adapter,
    {
      logger: new PinoLoggerService(logger.child({})),
      abortOnError: false,
    },
  );

  const fastify = app.getHttpAdapter().getInstance();
  // The API speaks JSON only: other bodies get 415 instead of being read as strings.
  fastify.removeContentTypeParser('text/plain');
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header(CORRELATION_ID_HEADER, request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    logger.info(
      {
        context: 'HTTP',
        correlationId: request.id,
        method: request.method,
        path: request.routeOptions.url ?? request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      `${request.method} ${request.url.split('?')[0]} ${reply.statusCode}`,
    );
  });

  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  setupOpenApi(app);
  await app.init();
  return app;
}
