import { ConfigError, loadEnvironment } from './config/environment';
import { type AppConfig, toAppConfig } from './config/app-config';

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
