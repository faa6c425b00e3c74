import { type INestApplicationContext } from '@nestjs/common';
import { ConfigError, loadEnvironment } from './config/environment';
import { type AppConfig, toAppConfig } from './config/app-config';
import { type DatabaseHandle, openDatabase } from './database/database-handle';

/** Reads the environment or stops the process with one line per bad variable (no stack trace). */
export function loadConfigOrExit(): AppConfig {
  try {
    return toAppConfig(loadEnvironment(process.env));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Runs `stop` once on SIGINT/SIGTERM, then exits. */
export function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(
          `Shutdown after ${signal} failed: ${String(error)}\n`,
        );
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

/**
 * Opens the database and builds the process on it. If building fails the database is closed again, so
 * an embedded data directory is not left locked.
 */
export async function buildOnDatabase<T>(
  config: AppConfig,
  build: (database: DatabaseHandle) => Promise<T>,
): Promise<{ database: DatabaseHandle; built: T }> {
  const database = await openDatabase(config);
  try {
    return { database, built: await build(database) };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Runs the init hooks. If one throws, closes what was already built (queues, workers, pools): they hold
 * connections, and the database cannot close under them.
 */
export async function initOrClose(app: INestApplicationContext): Promise<void> {
  try {
    await app.init();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}

/** For `main().catch`: one line naming what failed to start, no stack trace, exit 1. */
export function exitOnStartFailure(what: string): (error: unknown) => never {
  return (error) => {
    process.stderr.write(
      `${what} failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  };
}
