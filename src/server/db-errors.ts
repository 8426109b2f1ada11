/**
 * Is this error a lost or refused database connection (decision 0015)? Such a request answers 503
 * `database_unavailable` with Retry-After instead of 500, and a read is tried once more.
 *
 * Classified by codes: the node errno of the socket, and the SQLSTATE PostgreSQL sends (class 08 connection
 * exception; 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now). The node-postgres driver
 * raises a few errors of its own without any code; those are matched by their exact text, the only thing that
 * tells them apart. Drizzle wraps driver errors (DrizzleQueryError), so the cause chain is followed.
 */

const SOCKET_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

const SHUTDOWN_SQLSTATES = new Set(['57P01', '57P02', '57P03']);

/** node-postgres and pg-pool errors that carry no code (pg 8: lib/client.js, pg-pool/index.js). */
const DRIVER_MESSAGES = new Set([
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
]);

function isConnectionCode(code: unknown): boolean {
  if (typeof code !== 'string') return false;
  return SOCKET_ERRNOS.has(code) || SHUTDOWN_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code);
}

/** True when `err`, or an error it wraps, says the database connection was lost or could not be made. */
export function isConnectionError(err: unknown): boolean {
  const seen = new Set<unknown>();
  const stack: unknown[] = [err];
  while (stack.length) {
    const e = stack.pop();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const { code, message, cause, errors } = e as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (isConnectionCode(code)) return true;
    if (code === undefined && typeof message === 'string' && DRIVER_MESSAGES.has(message)) return true;
    stack.push(cause);
    // Connecting to a name with several addresses fails with an AggregateError of one error per address.
    if (Array.isArray(errors)) stack.push(...errors);
  }
  return false;
}
