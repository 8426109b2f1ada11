import pino from 'pino';

export type Logger = pino.Logger;

/**
 * JSON logs on stdout (or `destination`, which tests read); every request gets a child logger carrying its
 * request id. Logs never carry what people typed: request lines name the route, status and error code, and
 * errors are written by {@link serializeError}.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'tsunagu' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: ['req.headers.cookie', 'password', 'totp', '*.password'],
    serializers: { err: serializeError, error: serializeError },
    hooks: {
      // pino would use an error's message as the line's message when none is given (`log.error(err)`).
      logMethod(args, method) {
        const [first, second] = args as unknown[];
        if (first instanceof Error && typeof second !== 'string') {
          return method.apply(this, [{ err: first }, serializeError(first).type]);
        }
        return method.apply(this, args);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** What a log line keeps of an error. */
export type LoggedError = {
  type: string;
  code?: string;
  routine?: string;
  stack?: string;
  cause?: LoggedError;
};

const SAFE_CODE = /^[A-Za-z0-9_.:-]{1,64}$/;
const MAX_CAUSES = 4;

/**
 * An error as a log line may show it: its class, its code (an AppError's code, PostgreSQL's SQLSTATE, a
 * system error's errno name), the database routine that raised it, and the stack frames, with the causes
 * likewise. Never the message: a database driver's message quotes the failing SQL and its parameters (a name,
 * a phone number), PostgreSQL's quotes the offending value, and Zod's can quote the input. Nor any other
 * property (`query`, `params`, `detail`, `where`), for the same reason.
 */
export function serializeError(err: unknown, depth = 0): LoggedError {
  if (!(err instanceof Error)) return { type: err === null ? 'null' : typeof err };
  const e = err as Error & { code?: unknown; routine?: unknown };
  const out: LoggedError = { type: e.constructor?.name || e.name || 'Error' };
  if ((typeof e.code === 'string' || typeof e.code === 'number') && SAFE_CODE.test(String(e.code))) {
    out.code = String(e.code);
  }
  if (typeof e.routine === 'string' && SAFE_CODE.test(e.routine)) out.routine = e.routine;
  const frames = stackFrames(e.stack, e.message);
  if (frames) out.stack = `${out.type}\n${frames}`;
  if (e.cause !== undefined && depth < MAX_CAUSES) out.cause = serializeError(e.cause, depth + 1);
  return out;
}

/**
 * The `at …` lines of a stack. The lines before them repeat the message, which may itself hold line breaks
 * (a driver's "Failed query: …\nparams: …"), so everything up to the end of the message is dropped first.
 */
function stackFrames(stack: string | undefined, message: string): string | null {
  if (!stack) return null;
  const cut = message ? stack.indexOf(message) : -1;
  const rest = cut === -1 ? stack : stack.slice(cut + message.length);
  const frames = rest.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length > 0 ? frames.join('\n') : null;
}
