import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, rowsOf } from '../../db/client';
import { createTestDatabase } from '../../test/db';
import { makePrefecture, makeUser } from '../../test/factories';
import { resolveActor } from '../access/resolve-actor';
import { recordAudit } from './record';
import { sealAuditChain, unsealedEntries, unsealedEntriesSql } from './seal';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  await makePrefecture(db.systemDb, '45');
});
afterAll(() => db.close());

/** The plan's node types, depth first. */
function nodeTypes(plan: { 'Node Type': string; Plans?: unknown[] }): string[] {
  return [plan['Node Type'], ...((plan.Plans ?? []) as (typeof plan)[]).flatMap(nodeTypes)];
}

describe('the sealer reads unsealed entries', () => {
  it('through the partial index in id order, never a bitmap scan that revisits every sealed entry', async () => {
    const actor = await resolveActor(
      db.systemDb,
      await makeUser(db.systemDb, 'centre_staff', { prefectureCode: '45' }),
    );
    await recordAudit(
      db.systemDb,
      { actor, meta: null, at: new Date() },
      { action: 'read', entityType: 'child', entityIds: [] },
    );
    // A log of some size, all sealed but the newest few: as on a server in service.
    await db.systemDb.execute(sql`insert into audit_log (at, prefecture_code, actor_user_id, actor_role, action,
      entity_type, entity_ids, detail)
      select now(), '45', ${actor.userId}, 'centre_staff', 'read', 'child', '{}', '{}'
      from generate_series(1, 5000)`);
    expect(await sealAuditChain(db.systemDb)).toBeGreaterThanOrEqual(5001);
    await db.systemDb.execute(sql`analyze audit_log`);
    const types = await db.systemDb.transaction(async (tx) => {
      await tx.execute(sql`set local enable_bitmapscan = off`);
      const q = unsealedEntriesSql(tx, 1000);
      const [row] = rowsOf<{ 'QUERY PLAN': unknown }>(
        await tx.execute(sql.raw(`explain (format json) ${inline(q.sql, q.params)}`)),
      );
      const plan = (
        typeof row!['QUERY PLAN'] === 'string' ? JSON.parse(row!['QUERY PLAN']) : row!['QUERY PLAN']
      ) as {
        Plan: { 'Node Type': string; Plans?: unknown[] };
      }[];
      return nodeTypes(plan[0]!.Plan);
    });
    expect(types).not.toContain('Bitmap Index Scan');
    expect(types).toContain('Index Scan');
  });

  it('are read with bitmap scans off, for the sealing transaction only', async () => {
    const inside = await db.systemDb.transaction(async (tx) => {
      await unsealedEntries(tx, 10);
      return rowsOf<{ v: string }>(await tx.execute(sql`select current_setting('enable_bitmapscan') v`))[0]!
        .v;
    });
    const after = rowsOf<{ v: string }>(
      await db.systemDb.execute(sql`select current_setting('enable_bitmapscan') v`),
    )[0]!.v;
    expect([inside, after]).toEqual(['off', 'on']);
  });
});

/** The statement with its parameters written in (numbers only here), for EXPLAIN. */
function inline(text: string, params: unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => String(Number(params[Number(n) - 1])));
}
