import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDbKind } from '../test/db';
import { type Database, rowsOf } from './client';

// A server connection only: PGlite is one connection and serialises by itself.
describe.skipIf(testDbKind() !== 'postgres')(
  'statements started at once inside a transaction (PostgreSQL)',
  () => {
    let db: Database;
    beforeAll(async () => {
      db = await createTestDatabase();
    });
    afterAll(async () => {
      await db?.close();
    });

    it('reach the connection one at a time: pg’s own (deprecated) queue stays empty', async () => {
      const client = await db.pool!.connect();
      try {
        const queue = () => (client as unknown as { _queryQueue: unknown[] })._queryQueue.length;
        const all = Promise.all(
          [1, 2, 3, 4].map((n) => client.query('select $1::int as n, pg_sleep(0.01)', [n])),
        );
        for (let i = 0; i < 5; i++) {
          await new Promise((r) => setTimeout(r, 5));
          expect(queue()).toBe(0);
        }
        expect((await all).map((r) => r.rows[0].n)).toEqual([1, 2, 3, 4]);
      } finally {
        client.release();
      }
    });

    it('a transaction’s reads started together each get their own answer, and a failure rolls the whole back', async () => {
      await db.systemDb.execute(sql`create table serial_probe (n int primary key)`);
      const answers = await db.systemDb.transaction(async (tx) => {
        await tx.execute(sql`insert into serial_probe values (1), (2), (3)`);
        return Promise.all([1, 2, 3].map((n) => tx.execute(sql`select n from serial_probe where n = ${n}`)));
      });
      expect(answers.map((r) => rowsOf<{ n: number }>(r)[0]!.n)).toEqual([1, 2, 3]);

      await expect(
        db.systemDb.transaction(async (tx) => {
          await tx.execute(sql`insert into serial_probe values (4)`);
          await Promise.all([
            tx.execute(sql`insert into serial_probe values (1)`), // duplicate key: aborts the transaction
            tx.execute(sql`insert into serial_probe values (5)`),
          ]);
        }),
      ).rejects.toThrow();
      const left = rowsOf<{ n: number }>(
        await db.systemDb.execute(sql`select n from serial_probe order by n`),
      );
      expect(left.map((r) => r.n)).toEqual([1, 2, 3]);
    });
  },
);
