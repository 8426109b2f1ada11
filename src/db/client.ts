import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema';
import { serialiseQueries } from './serial-queries';

export type Schema = typeof schema;
/**
 * The privileged, unscoped database handle. Modules must not read personal data through it directly:
 * they go through their scoped query helpers (e.g. modules/registry/scope.ts), which take the actor.
 */
export type SystemDb = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<SystemDb['transaction']>[0]>[0];
/** Either the database or an open transaction. */
export type DbOrTx = SystemDb | Tx;

export type Database = {
  kind: 'pglite' | 'postgres';
  systemDb: SystemDb;
  /** Present on a PostgreSQL server. */
  pool?: pg.Pool;
  /** Present on the embedded database: used for backup (dumpDataDir) and by tests. */
  pglite?: PGlite;
  close(): Promise<void>;
};

// Dates stay ISO strings ('2019-04-05'); never shifted through a JS Date in the server's time zone.
pg.types.setTypeParser(1082, (v) => v);

export const PGLITE_EXTENSIONS = { pg_trgm, fuzzystrmatch };

/** Longest wait for a server connection (a new one, or a free one from the pool) before the request fails. */
export const CONNECT_TIMEOUT_MS = 10_000;

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite at dataDir ('memory://' for RAM). */
export async function openDatabase(opts: {
  url?: string | undefined;
  dataDir?: string;
  pglite?: PGlite;
  poolSize?: number;
  /** Called when an idle server connection fails (it is dropped and replaced); default: ignored. */
  onIdleError?: (err: Error) => void;
}): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      // Without these, a database host that stops answering (no reset, packets dropped) holds requests for
      // minutes; with them a request fails fast and answers 503 database_unavailable (decision 0015).
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
    });
    // An idle connection can be ended by the server (restart, failover, a database being dropped). pg reports
    // that on the pool; unhandled, it would crash the process. The pool replaces the client on next use.
    pool.on('error', (err) => {
      opts.onIdleError?.(err);
    });
    // A connection checked out by a transaction has no pool listener: if the server ends it between two
    // statements, pg emits 'error' on the client, which would crash the process. The transaction learns of it
    // from its next statement (a connection error, answered 503), so the event itself needs no handling.
    pool.on('connect', (client) => {
      client.on('error', () => {});
      // Statements a transaction starts at once are sent one after another by us, not by pg's deprecated queue.
      serialiseQueries(client);
    });
    return {
      kind: 'postgres',
      systemDb: drizzlePg(pool, { schema }) as unknown as SystemDb,
      pool,
      close: () => pool.end(),
    };
  }
  const instance =
    opts.pglite ??
    (await PGlite.create({
      dataDir: opts.dataDir ?? 'memory://',
      extensions: PGLITE_EXTENSIONS,
    }));
  // PGlite is one connection; it runs a statement outside a transaction only when no transaction is open,
  // so concurrent requests are serialised like a single backend.
  return {
    kind: 'pglite',
    systemDb: drizzlePglite(instance, { schema }) as unknown as SystemDb,
    pglite: instance,
    close: async () => {
      if (!opts.pglite) await instance.close();
    },
  };
}

/** Rows of a raw `execute()` result, whichever driver produced it (both return `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export async function ping(db: Database): Promise<void> {
  await db.systemDb.execute(sql`select 1`);
}
