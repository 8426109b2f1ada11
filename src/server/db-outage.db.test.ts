import { Writable } from 'node:stream';
import { count, sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, registrations } from '../db/schema';
import { registrationForm } from '../modules/registrations/testing';
import { createTestApp, type TestApp, TestClient } from '../test/app';
import { testDbKind } from '../test/db';
import { spyOnDriver } from '../test/driver-spy';
import { makePrefecture } from '../test/factories';
import { DATABASE_RETRY_AFTER_SECONDS } from './app';

/**
 * A lost database connection answers 503 with Retry-After, never 500; a read is tried once more, a write never
 * (decision 0015). Faults are injected at the driver on both engines, and for real on PostgreSQL by ending the
 * app's server connections from a second connection.
 */
let t: TestApp;
let seq = 0;
let slowReads = 0;
const lines: { level: number; msg: string }[] = [];
const visitor = () => {
  const c = new TestClient(t);
  c.ip = `192.0.2.${++seq}`;
  return c;
};
const SEARCH = '/api/public/resources?prefecture=14';
const adminShutdown = () =>
  Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
const rows = async () => ({
  registrations: (await t.db.systemDb.select({ n: count() }).from(registrations))[0]?.n,
  audit: (await t.db.systemDb.select({ n: count() }).from(auditLog))[0]?.n,
});

beforeAll(async () => {
  t = await createTestApp();
  t.deps.log = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    }),
  );
  await makePrefecture(t.db.systemDb, '14');
  // A read that takes a while, so a connection can be ended while it runs.
  t.app.get('/api/public/slow-read', async (c) => {
    slowReads++;
    await t.db.systemDb.execute(sql`select pg_sleep(0.5)`);
    return c.json({ ok: true });
  });
});
afterAll(() => t.close());

describe('a connection error injected at the driver (both engines)', () => {
  it('tries a read once more and answers it', async () => {
    const driver = spyOnDriver(t.db);
    try {
      driver.query.mockRejectedValueOnce(adminShutdown());
      const res = await visitor().get(SEARCH);
      expect(res.status).toBe(200);
      expect(
        lines.some((l) => l.level === 40 && l.msg === 'database connection lost: trying the read again'),
      ).toBe(true);
    } finally {
      driver.restore();
    }
  });

  it('answers 503 database_unavailable with Retry-After when the second try fails too', async () => {
    const driver = spyOnDriver(t.db);
    try {
      driver.query.mockRejectedValue(
        Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      );
      const res = await visitor().get(SEARCH);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
      expect(res.body.error.code).toBe('database_unavailable');
      expect(res.body.error.ja).toMatch(/データベース/);
      expect(res.body.error.en).toMatch(/database/);
      expect(driver.query.mock.calls.length).toBe(2);
      expect(lines.some((l) => l.level === 50 && l.msg === 'database connection lost: answered 503')).toBe(
        true,
      );
    } finally {
      driver.restore();
    }
  });

  it('never tries a write again: one attempt, 503, nothing stored', async () => {
    const before = await rows();
    const driver = spyOnDriver(t.db);
    try {
      driver.query.mockRejectedValue(adminShutdown());
      const res = await visitor().post('/api/public/registrations', registrationForm());
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
      expect(driver.query.mock.calls.length).toBe(1);
    } finally {
      driver.restore();
    }
    expect(await rows()).toEqual(before);
  });

  it('keeps answering 500 internal for an error that is not about the connection', async () => {
    const driver = spyOnDriver(t.db);
    try {
      driver.query.mockRejectedValueOnce(Object.assign(new Error('division by zero'), { code: '22012' }));
      const res = await visitor().get(SEARCH);
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe('internal');
      expect(driver.query.mock.calls.length).toBe(1);
    } finally {
      driver.restore();
    }
  });
});

describe.skipIf(testDbKind() !== 'postgres')('PostgreSQL ending the app’s connections', () => {
  let admin: pg.Client;
  const appBackends = `select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
  const terminateAll = () => admin.query(`select pg_terminate_backend(pid) from (${appBackends}) b`);
  async function until(check: () => Promise<boolean>) {
    for (let i = 0; i < 200; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('condition not reached in 2 s');
  }

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: t.db.pool?.options.connectionString });
    await admin.connect();
  });
  afterAll(() => admin.end());

  it('between requests: the next read succeeds (or says 503 with Retry-After), never 500', async () => {
    for (let round = 0; round < 3; round++) {
      // Fill the pool with idle connections, then end them all.
      await Promise.all(Array.from({ length: 5 }, () => visitor().get(SEARCH)));
      await terminateAll();
      const res = await visitor().get(SEARCH);
      expect([200, 503], `round ${round}`).toContain(res.status);
      if (res.status === 503)
        expect(res.headers.get('retry-after')).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
      expect((await visitor().get(SEARCH)).status).toBe(200);
    }
  });

  it('during a read: the read is tried again on a new connection and answered', async () => {
    slowReads = 0;
    const pending = visitor().get('/api/public/slow-read');
    await until(
      async () =>
        (await admin.query(`${appBackends} and state = 'active' and query like '%pg_sleep%'`)).rows.length >
        0,
    );
    await terminateAll();
    const res = await pending;
    expect(res.status).toBe(200);
    expect(slowReads).toBe(2);
  });

  it('during a write: 503, and nothing of the transaction is stored', async () => {
    const before = await rows();
    const pool = t.db.pool as pg.Pool;
    const connect = pool.connect.bind(pool) as (cb?: unknown) => Promise<pg.PoolClient>;
    let transactions = 0;
    // The registration's transaction: BEGIN, the insert, then the audit entry. End its connection before
    // the audit entry, once the insert has been sent. (pool.query connects with a callback: left alone.)
    const spy = vi.spyOn(pool, 'connect').mockImplementation(((cb?: unknown) => {
      if (typeof cb === 'function') return connect(cb);
      return (async () => {
        transactions++;
        const client = await connect();
        const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
        let statements = 0;
        client.query = (async (...args: unknown[]) => {
          if (++statements === 3) {
            const pid = (client as unknown as { processID: number }).processID;
            await admin.query('select pg_terminate_backend($1)', [pid]);
            await until(
              async () => (await admin.query(`${appBackends} and pid = $1`, [pid])).rows.length === 0,
            );
          }
          return query(...args);
        }) as typeof client.query;
        return client;
      })();
    }) as never);
    try {
      const res = await visitor().post('/api/public/registrations', registrationForm());
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('database_unavailable');
      expect(transactions).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(await rows()).toEqual(before);
    // The process is still up and the next request is served.
    expect((await visitor().get(SEARCH)).status).toBe(200);
  });
});
