/**
 * Whether the worker holding a running job is still there, so that a job whose server crashed is queued again
 * at the next poll instead of after its heartbeat has gone stale (decision 0016).
 *
 * Each worker has a random key, written on the jobs it claims (`jobs.worker_key`).
 * - PostgreSQL: the worker holds a session-level advisory lock on (WORKER_LOCK_CLASS, key) on a connection of
 *   its own. When its process dies, the server ends that session and the lock disappears with it, so any other
 *   worker sees at once (in `pg_locks`) that the job has no worker.
 * - Embedded database: one process opens it (DATA_DIR's lock file), so a worker is alive exactly when its key is
 *   registered in this process.
 */
import { randomInt } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Database } from '../db/client';
import { jobs } from '../db/schema';
import type { Logger } from '../server/logger';

/** First half of the two-key advisory lock a worker holds (the second is its key). */
export const WORKER_LOCK_CLASS = 7423002;

/** Keys of the workers running in this process (the embedded database's notion of a live worker). */
const LOCAL_KEYS = new Set<number>();

export type WorkerPresence = {
  /** This worker's key (written on the jobs it claims). */
  readonly key: number;
  /** Makes sure the worker is visible as alive (connects and locks on PostgreSQL); call before claiming. */
  ensure(): Promise<void>;
  /** SQL that is true for a running job row whose worker is known to be gone. */
  workerGone(): SQL;
  /** Stops being visible as alive (unlocks and returns the connection). */
  release(): Promise<void>;
};

/** The presence of one worker on this database. */
export function createWorkerPresence(db: Database, log: Logger): WorkerPresence {
  return db.kind === 'postgres' && db.pool ? serverPresence(db.pool, log) : embeddedPresence();
}

function embeddedPresence(): WorkerPresence {
  let key = 0;
  do key = randomInt(1, 2 ** 31 - 1);
  while (LOCAL_KEYS.has(key));
  return {
    key,
    async ensure() {
      LOCAL_KEYS.add(key);
    },
    workerGone() {
      const live = [...LOCAL_KEYS];
      return live.length
        ? sql`${jobs.workerKey} is not null and ${jobs.workerKey} not in (${sql.raw(live.join(', '))})`
        : sql`${jobs.workerKey} is not null`;
    },
    async release() {
      LOCAL_KEYS.delete(key);
    },
  };
}

function serverPresence(pool: pg.Pool, log: Logger): WorkerPresence {
  let key = randomInt(1, 2 ** 31 - 1);
  let client: pg.PoolClient | null = null;
  let session: { c: pg.PoolClient; onError: (err: Error) => void } | null = null;
  let connecting: Promise<void> | null = null;

  /** Returns a session to the pool (destroying it when it failed); its listener goes too, as the pool reuses it. */
  function drop(c: pg.PoolClient, onError: (err: Error) => void, err?: Error) {
    c.off('error', onError);
    if (client === c) client = null;
    c.release(err ?? false);
  }

  async function connect() {
    const c = await pool.connect();
    // The session can end under a live worker (a restarted server, a network cut): drop it and lock again on
    // a fresh one at the next ensure(). Meanwhile other workers may take the job over; this worker's next
    // heartbeat then finds the job no longer its own and stops (queue.ts).
    const onError = (err: Error) => {
      log.warn({ err }, 'job worker session lost; reconnecting');
      drop(c, onError, err);
    };
    c.on('error', onError);
    try {
      for (let tries = 0; ; tries++) {
        const res = await c.query<{ ok: boolean }>('select pg_try_advisory_lock($1, $2) as ok', [
          WORKER_LOCK_CLASS,
          key,
        ]);
        if (res.rows[0]?.ok) break;
        // Another live worker drew the same key: draw again.
        if (tries > 10) throw new Error('no free job worker key');
        key = randomInt(1, 2 ** 31 - 1);
      }
    } catch (e) {
      drop(c, onError, e instanceof Error ? e : new Error(String(e)));
      throw e;
    }
    client = c;
    session = { c, onError };
  }

  return {
    get key() {
      return key;
    },
    async ensure() {
      if (client) return;
      connecting ??= connect().finally(() => {
        connecting = null;
      });
      await connecting;
    },
    workerGone() {
      return sql`${jobs.workerKey} is not null and not exists (
        select 1 from pg_locks l
        where l.locktype = 'advisory' and l.granted and l.objsubid = 2
          and l.database = (select oid from pg_database where datname = current_database())
          and l.classid = ${WORKER_LOCK_CLASS}::oid and l.objid = ${jobs.workerKey}::oid)`;
    },
    async release() {
      const s = session;
      session = null;
      if (!s || client !== s.c) return;
      try {
        await s.c.query('select pg_advisory_unlock($1, $2)', [WORKER_LOCK_CLASS, key]);
        drop(s.c, s.onError);
      } catch (err) {
        drop(s.c, s.onError, err instanceof Error ? err : new Error(String(err)));
      }
    },
  };
}
