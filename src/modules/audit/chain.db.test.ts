import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { createTestDatabase } from '../../test/db';
import { makePrefecture, makeUser } from '../../test/factories';
import { resolveActor } from '../access/resolve-actor';
import { recordAudit } from './record';
import { sealAuditChain } from './seal';
import { verifyAuditChain } from './verify';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  await makePrefecture(db.systemDb, '43');
});
afterAll(() => db.close());

const meta = { ip: '192.0.2.1', userAgent: 'vitest', requestId: 'req-chain-test' };

/** The messages of a rejection and its causes (drizzle wraps the driver's error). */
async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const parts: string[] = [];
    for (let err: unknown = e; err instanceof Error; err = err.cause) parts.push(err.message);
    return parts.join(' / ');
  }
  throw new Error('expected the statement to fail');
}

async function appendEntries(target: Database, n: number) {
  const user = await makeUser(target.systemDb, 'centre_staff');
  const actor = await resolveActor(target.systemDb, user);
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      target.systemDb.transaction((tx) =>
        recordAudit(
          tx,
          { actor, meta, at: new Date(Date.UTC(2026, 5, 1, 0, 0, i)) },
          { action: 'read', entityType: 'child', entityIds: [`child-${i}`], detail: { i, note: '閲覧' } },
        ),
      ),
    ),
  );
}

describe('audit chain', () => {
  it('verifies after entries appended by concurrent transactions', async () => {
    await appendEntries(db, 10);
    const result = await verifyAuditChain(db.systemDb);
    expect(result).toMatchObject({ ok: true, entries: 10 });
    // A small batch size walks the chain across batch boundaries the same way.
    expect(await verifyAuditChain(db.systemDb, { batchSize: 3 })).toEqual(result);
  });

  it('refuses UPDATE, DELETE and TRUNCATE at the database level', async () => {
    expect(
      await failure(db.systemDb.execute(sql`update audit_log set detail = '{}'::jsonb where id = 1`)),
    ).toMatch(/append-only/);
    expect(await failure(db.systemDb.execute(sql`delete from audit_log where id = 1`))).toMatch(
      /append-only/,
    );
    expect(await failure(db.systemDb.execute(sql`truncate audit_log`))).toMatch(/append-only/);
    expect((await verifyAuditChain(db.systemDb)).ok).toBe(true);
  });

  it('detects an entry altered by a superuser who disabled the trigger', async () => {
    const other = await createTestDatabase();
    try {
      await makePrefecture(other.systemDb, '43');
      await appendEntries(other, 4);
      expect((await verifyAuditChain(other.systemDb)).ok).toBe(true);
      await other.systemDb.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
      await other.systemDb.execute(sql`UPDATE audit_log SET detail = '{"x":1}' WHERE id = 2`);
      await other.systemDb.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
      expect(await verifyAuditChain(other.systemDb)).toMatchObject({
        ok: false,
        result: 'chain_broken',
        entries: 1,
        brokenAtId: 2,
        reason: 'hash_mismatch',
        unsealed: 0,
      });
    } finally {
      await other.close();
    }
  });

  it('detects a removed entry', async () => {
    const other = await createTestDatabase();
    try {
      await makePrefecture(other.systemDb, '43');
      await appendEntries(other, 3);
      expect((await verifyAuditChain(other.systemDb)).ok).toBe(true); // seals the three entries
      await other.systemDb.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
      await other.systemDb.execute(sql`DELETE FROM audit_log WHERE id = 2`);
      await other.systemDb.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
      expect(await verifyAuditChain(other.systemDb)).toMatchObject({
        ok: false,
        brokenAtId: 3,
        reason: 'seq_gap',
      });
    } finally {
      await other.close();
    }
  });

  it('lets sealing set the chain fields once, and nothing else', async () => {
    const other = await createTestDatabase();
    try {
      await makePrefecture(other.systemDb, '43');
      await appendEntries(other, 2);
      // Content cannot change even while the entry is being sealed.
      expect(
        await failure(
          other.systemDb.execute(
            sql`update audit_log set seq = 1, prev_hash = 'x', hash = 'y', detail = '{"forged":true}'::jsonb where id = 1`,
          ),
        ),
      ).toMatch(/append-only/);
      expect(await sealAuditChain(other.systemDb)).toBe(2);
      expect(await sealAuditChain(other.systemDb)).toBe(0);
      // A sealed entry cannot be re-sealed with another hash.
      expect(
        await failure(other.systemDb.execute(sql`update audit_log set hash = 'z' where id = 1`)),
      ).toMatch(/append-only/);
      expect(await verifyAuditChain(other.systemDb, { seal: false })).toMatchObject({
        ok: true,
        entries: 2,
        unsealed: 0,
      });
    } finally {
      await other.close();
    }
  });
});
