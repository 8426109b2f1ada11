import pino from 'pino';

export type Logger = pino.Logger;

/** JSON logs on stdout; every request gets a child logger carrying its request id. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'tsunagu' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: ['req.headers.cookie', 'password', 'totp', '*.password'],
  });
}
