import { randomUUID } from 'node:crypto';
import { type IncomingMessage } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import {
  FastifyAdapter,
  type NestFastifyApplication,
} from '@nestjs/platform-fastify';
import { type Logger as PinoLogger } from 'pino';
import { CORRELATION_ID_HEADER } from '@llm-registry/contracts';
import { AppModule } from './app.module';
import { initOrClose } from './boot';
import { serveAdminApp } from './common/admin-app/admin-app';
import { addStrictTransportSecurity } from './common/https/https';
import { PinoLoggerService } from './common/logging/pino-logger.service';
import { setupOpenApi } from './common/openapi/setup-openapi';
import { answerFrameworkError } from './common/problem/framework-errors';
import { ProblemFilter } from './common/problem/problem.filter';
import { refuseUnsafeInput } from './common/validation/input-guard';
import { createValidationPipe } from './common/validation/validation.pipe';
import { type AppConfig } from './config/app-config';
import { type CredentialEnvironment } from './config/credential-environment';
import { type DatabaseHandle } from './database/database-handle';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Same-origin only; the Swagger UI and Angular Material need inline styles, and both use data: images.
 * The admin app's build inlines no script (critical-CSS inlining, which adds an onload handler, is off).
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: [`'self'`],
  scriptSrc: [`'self'`],
  styleSrc: [`'self'`, `'unsafe-inline'`],
  imgSrc: [`'self'`, 'data:'],
  fontSrc: [`'self'`],
  connectSrc: [`'self'`],
  frameAncestors: [`'none'`],
  objectSrc: [`'none'`],
  baseUri: [`'self'`],
  formAction: [`'self'`],
  // Plain-http deployments (a LAN address, compose) would have same-origin requests rewritten to https.
  upgradeInsecureRequests: null,
};

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
  /** Where `*_env` references are read at use time (main passes the process environment). */
  environment: CredentialEnvironment;
  /** Called for every route Fastify registers (the tests build their route tables from it). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

/** Builds the HTTP application (used by main.ts and by the integration tests alike). */
export async function createApp({
  config,
  database,
  logger,
  environment,
  onRoute,
}: CreateAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    logger: false,
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    genReqId: (request: IncomingMessage) =>
      correlationId(request.headers[CORRELATION_ID_HEADER]),
    frameworkErrors: answerFrameworkError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({ config, database, environment }),
    adapter,
    {
      logger: new PinoLoggerService(logger.child({})),
      abortOnError: false,
      // Nest's parsers would add urlencoded bodies (login CSRF from any site); Fastify's own JSON one stays.
      bodyParser: false,
    },
  );

  const fastify = app.getHttpAdapter().getInstance();
  if (onRoute)
    fastify.addHook('onRoute', (route) =>
      onRoute({ method: route.method, url: route.url }),
    );
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY },
    hsts: false,
  });
  addStrictTransportSecurity(fastify);
  // CORS stays closed unless origins are configured: browsers on other sites get no access.
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      credentials: true,
      exposedHeaders: [CORRELATION_ID_HEADER, 'retry-after'],
    });
  }
  // The API speaks JSON only: other bodies get 415 instead of being read as strings.
  fastify.removeContentTypeParser('text/plain');
  fastify.addHook('preValidation', refuseUnsafeInput);
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

  await serveAdminApp(fastify, config.adminAppDir);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  setupOpenApi(app);
  await initOrClose(app);
  return app;
}
