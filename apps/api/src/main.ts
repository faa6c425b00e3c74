import 'reflect-metadata';
import { createApp } from './app.factory';
import { formatBanner } from './banner';
import { loadConfigOrExit, onShutdown } from './boot';
import { createLogger } from './common/logging/logger';
import { openDatabase } from './database/database-handle';
import { BootstrapService } from './modules/auth/bootstrap.service';
import { SecretsService } from './modules/secrets/secrets.service';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config);
  const database = await openDatabase(config);
  const app = await createApp({
    config,
    database,
    logger,
    environment: process.env,
  }).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  await app.listen({ port: config.port, host: config.host });
  const credentials = app.get(BootstrapService).takeGeneratedCredentials();
  process.stdout.write(
    `${formatBanner(
      config,
      database,
      credentials,
      app.get(SecretsService).generatedKeyringFile(),
    )}\n`,
  );
  onShutdown(async () => {
    await app.close();
    await database.close();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `LLM Registry failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
