import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import { type AppConfig } from '../../config/app-config';
import { redactor } from '../redaction/redactor';

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

/** `destination` is for tests that read the lines back; by default lines go to stdout. */
export function createLogger(
  config: Pick<AppConfig, 'logLevel' | 'logFormat'>,
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    base: undefined,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // The last gate: whatever a message or error says, known secrets and key shapes never reach the output.
    hooks: { streamWrite: (line) => redactor.scrub(line) },
  };
  if (destination) return pino(options, destination);
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
