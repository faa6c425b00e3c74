import 'reflect-metadata';
import {
  buildOnDatabase,
  exitOnStartFailure,
  loadConfigOrExit,
  onShutdown,
} from './boot';
import { createLogger } from './common/logging/logger';
import { createWorker } from './worker.factory';

/**
 * Scale-out mode: runs only the job processors (connection tests, health checks) against the shared
 * PostgreSQL and Redis. Start API replicas with JOB_PROCESSORS=false and as many of these as needed.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (config.databaseMode === 'embedded') {
    process.stderr.write(
      'The worker is for the full mode: set DATABASE_URL and REDIS_URL. In embedded mode `npm start` runs the processors in the API process.\n',
    );
    process.exit(1);
  }
  const logger = createLogger(config);
  const { database, built: worker } = await buildOnDatabase(
    config,
    (database) =>
      createWorker({ config, database, logger, environment: process.env }),
  );
  logger.info(
    { context: 'Worker', concurrency: config.connectionTests.concurrency },
    `LLM Registry worker started (${database.description}, jobs on ${config.queueBackend === 'redis' ? 'Redis' : 'the database'})`,
  );
  onShutdown(async () => {
    await worker.close();
    await database.close();
  });
}

main().catch(exitOnStartFailure('LLM Registry worker'));
