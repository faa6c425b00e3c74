import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import { type AppConfig } from '../../config/app-config';

/** Fields that may carry credentials anywhere in a logged object are censored by pino itself. */
const REDACTED_PATHS = [
  'password',
  'apiKey',
  'authorization',
  'token',
  'secret',
  '*.password',
  '*.apiKey',
  '*.authorization',
  '*.token',
  '*.secret',
  'headers.authorization',
  'headers.cookie',
];

export function createLogger(
  config: Pick<AppConfig, 'logLevel' | 'logFormat'>,
): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    base: undefined,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  if (config.logFormat === 'pretty') {
    return pino(
      options,
      pretty({
        colorize: process.stdout.isTTY,
        sync: true,
        ignore: 'context',
        messageFormat: '[{context}] {msg}',
      }),
    );
  }
  return pino(options);
}
