import 'reflect-metadata';
import { loadConfigOrExit, onShutdown } from './boot';
import { createLogger } from './common/logging/logger';
import { openDatabase } from './database/database-handle';
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
  const database = await openDatabase(config);
  const worker = await createWorker({
    config,
    database,
    logger,
    environment: process.env,
  }).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  logger.info(
    { context: 'Worker', concurrency: config.connectionTests.concurrency },
    `LLM Registry worker started (${database.description}, jobs on ${config.queueBackend === 'redis' ? 'Redis' : 'the database'})`,
  );
  onShutdown(async () => {
    await worker.close();
    await database.close();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `LLM Registry worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
