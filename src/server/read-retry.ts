import type { Logger } from './logger';

const READS = new Set(['GET', 'HEAD']);

/** Pause before the second try, so the pool has dropped the connections the database ended. */
export const READ_RETRY_DELAY_MS = 100;

/**
 * Tries a read (GET, HEAD) once more when it failed because the database connection was lost (decision 0015).
 * It wraps the whole app's fetch, so the second try runs every middleware and the handler afresh on a new
 * connection; a write is never tried again (it may have been committed before the connection went).
 *
 * `lost(request)` is called by the error handler for a connection error and says whether the request will be
 * tried again; `wrap(fetch)` gives the app's fetch that does so.
 */
export function readRetry(log: Logger) {
  const pending = new WeakSet<Request>();
  const retried = new WeakSet<Request>();
  return {
    lost(request: Request): boolean {
      if (!READS.has(request.method) || retried.has(request)) return false;
      pending.add(request);
      return true;
    },
    wrap<A extends unknown[]>(
      fetch: (request: Request, ...rest: A) => Response | Promise<Response>,
    ): (request: Request, ...rest: A) => Promise<Response> {
      return async (request, ...rest) => {
        const first = await fetch(request, ...rest);
        if (!pending.has(request)) return first;
        pending.delete(request);
        retried.add(request);
        await first.body?.cancel();
        await new Promise((resolve) => setTimeout(resolve, READ_RETRY_DELAY_MS));
        const second = await fetch(request, ...rest);
        // No path: it may hold an id or a link's token (the request line names the route).
        log.info(
          { requestId: second.headers.get('x-request-id'), method: request.method, status: second.status },
          'read tried again after a lost database connection',
        );
        return second;
      };
    },
  };
}
