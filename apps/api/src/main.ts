import 'reflect-metadata';
import { createApp } from './app.factory';
import { formatBanner } from './banner';
import {
  buildOnDatabase,
  exitOnStartFailure,
  loadConfigOrExit,
  onShutdown,
} from './boot';
import { createLogger } from './common/logging/logger';
import { BootstrapService } from './modules/auth/bootstrap.service';
import { SecretsService } from './modules/secrets/secrets.service';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config);
  const { database, built: app } = await buildOnDatabase(config, (database) =>
    createApp({ config, database, logger, environment: process.env }),
  );
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

main().catch(exitOnStartFailure('LLM Registry'));
