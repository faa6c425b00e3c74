import { type LoggerService } from '@nestjs/common';
import { type Logger } from 'pino';

/** Nest's start-up chatter (one line per module and route) is useful only when debugging. */
const FRAMEWORK_CHATTER = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
]);

/** Routes Nest's own logging (and `new Logger(Context)`) into pino. */
export class PinoLoggerService implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.write(
      context && FRAMEWORK_CHATTER.has(context) ? 'debug' : 'info',
      message,
      context,
    );
  }

  error(message: unknown, stackOrContext?: string, context?: string): void {
    const hasStack = context !== undefined;
    this.logger.error(
      {
        context: hasStack ? context : stackOrContext,
        ...(hasStack && stackOrContext ? { stack: stackOrContext } : {}),
      },
      stringify(message),
    );
  }

  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }

  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }

  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }

  fatal(message: unknown, context?: string): void {
    this.write('fatal', message, context);
  }

  private write(
    level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal',
    message: unknown,
    context?: string,
  ): void {
    if (message !== null && typeof message === 'object') {
      this.logger[level]({ context, ...message });
    } else {
      this.logger[level]({ context }, stringify(message));
    }
  }
}

function stringify(message: unknown): string {
  return typeof message === 'string' ? message : JSON.stringify(message);
}
