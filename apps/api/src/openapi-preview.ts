import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { type OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { createOpenApiDocument } from './common/openapi/setup-openapi';
import { type AppConfig } from './config/app-config';
import { type DatabaseHandle } from './database/database-handle';

/** Preview mode runs no provider, so nothing ever connects to this. */
const UNOPENED_DATABASE: DatabaseHandle = {
  mode: 'postgres',
  connection: { url: 'postgres://unopened.invalid/none' },
  maxConnections: 1,
  description: 'none (OpenAPI preview)',
  close: async () => undefined,
};

/**
 * The document the server serves at /api/docs-json, built without a database, queue or network: Nest's
 * preview mode assembles the module graph (every controller and its decorators) but instantiates nothing.
 */
export async function previewOpenApiDocument(
  config: AppConfig,
): Promise<OpenAPIObject> {
  const app = await NestFactory.create(
    AppModule.register({
      config,
      database: UNOPENED_DATABASE,
      environment: {},
    }),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
