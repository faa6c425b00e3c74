import { NestFactory } from '@nestjs/core';
import { type INestApplicationContext } from '@nestjs/common';
import { type Logger as PinoLogger } from 'pino';
import { initOrClose } from './boot';
import { PinoLoggerService } from './common/logging/pino-logger.service';
import { type AppConfig } from './config/app-config';
import { type CredentialEnvironment } from './config/credential-environment';
import { type DatabaseHandle } from './database/database-handle';
import { WorkerModule } from './worker.module';

/** Builds the processors-only process (used by worker.ts and by the integration tests alike). */
export async function createWorker(options: {
  config: AppConfig;
  database: DatabaseHandle;
  logger: PinoLogger;
  environment: CredentialEnvironment;
}): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(
    WorkerModule.register(options),
    {
      logger: new PinoLoggerService(options.logger.child({})),
      abortOnError: false,
    },
  );
  await initOrClose(worker);
  return worker;
}
