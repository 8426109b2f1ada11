/**
 * Statements sent to a PostgreSQL connection while it is still running another one. A transaction holds one
 * connection, so `Promise.all` over statements inside it sends them at once: node-postgres queues them today
 * (with a deprecation warning) and will refuse them from pg@9. Tests watch a piece of code with this and expect
 * nothing. PGlite is one connection that serialises by itself, so only a PostgreSQL run can see anything.
 */
import pg from 'pg';

type ClientInternals = { _activeQuery: unknown; _queryQueue?: unknown[] };

export function watchBusyConnections(): { seen: string[]; stop(): void } {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const seen: string[] = [];
  proto.query = function (this: ClientInternals, ...args: unknown[]) {
    if (this._activeQuery || (this._queryQueue?.length ?? 0) > 0) {
      const q = args[0] as string | { text?: string };
      seen.push(String(typeof q === 'string' ? q : q?.text).slice(0, 160));
    }
    return original.apply(this, args);
  };
  return {
    seen,
    stop() {
      proto.query = original;
    },
  };
}
