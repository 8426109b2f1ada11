import type { Context } from 'hono';
import { AppError } from './errors';
import { routePatternOf } from './input-hygiene';

/**
 * The fields of a request's log line: method, route pattern (`/api/children/:id`, never the concrete path or
 * its query string), status, the error code of a refused request and the time taken. No body, query or
 * field value is logged; the request id comes with the request's child logger.
 */
export function requestLogFields(c: Context, started: number) {
  const error = c.error instanceof AppError ? c.error.code : undefined;
  return {
    method: c.req.method,
    route: routePatternOf(c) ?? '(no route)',
    status: c.res.status,
    ...(error ? { code: error } : {}),
    ms: Math.round(performance.now() - started),
  };
}
