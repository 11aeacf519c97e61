import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs on stderr, so `--json` output on stdout stays one clean document.
 * Secrets never reach a log line: config redacts them by path.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      level,
      base: { app: 'newsbrief' },
      redact: {
        paths: ['*.token', '*.secret', '*.password', 'config.*Token', 'config.*Secret', '*.authorization'],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}

/** For tests and library use: drops everything. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
