import { Writable } from 'node:stream';
import { asc, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { auditCheckpoints } from '../../db/schema';
import { createTestDatabase } from '../../test/db';
import {
  checkpointKey,
  checkpointSignatureValid,
  parseCheckpointLine,
  type SignedCheckpoint,
} from './checkpoint';
import { checkpointAuditChain } from './checkpoint-store';
import { recordAudit } from './record';
import { sealAuditChain } from './seal';
import { startAuditSealer } from './sealer';
import { type VerifyCheckpoints, verifyAuditChain } from './verify';

const SECRET = 'test-secret-test-secret-test-secret-0123456789';
const key = checkpointKey(SECRET);
const MIN = 60_000;
const INTERVAL = 5 * MIN;
const T0 = new Date('2026-12-06T01:00:00Z');

let db: Database;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(() => db.close());

async function append(n: number, at = T0) {
  for (let i = 0; i < n; i++) {
    await db.systemDb.transaction((tx) =>
      recordAudit(
        tx,
        { actor: null, meta: null, at },
        { action: 'read', entityType: 'child', entityIds: [`c${i}`] },
      ),
    );
  }
}

function checks(now: Date, extra: Partial<VerifyCheckpoints> = {}): VerifyCheckpoints {
  return { key, now, intervalMs: INTERVAL, ...extra };
}

const verify = (now = T0, extra: Partial<VerifyCheckpoints> = {}) =>
  verifyAuditChain(db.systemDb, { checkpoints: checks(now, extra) });

async function stored(): Promise<SignedCheckpoint[]> {
  return db.systemDb
    .select({
      seq: auditCheckpoints.seq,
      hash: auditCheckpoints.hash,
      at: auditCheckpoints.at,
      signature: auditCheckpoints.signature,
    })
    .from(auditCheckpoints)
    .orderBy(asc(auditCheckpoints.id));
}

/** Runs statements as a database owner who switched the append-only triggers off. */
async function bypassingTriggers(
  table: 'audit_log' | 'audit_checkpoints',
  statement: ReturnType<typeof sql>,
) {
  await db.systemDb.execute(sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER USER`));
  await db.systemDb.execute(statement);
  await db.systemDb.execute(sql.raw(`ALTER TABLE ${table} ENABLE TRIGGER USER`));
}

describe('signed checkpoints', () => {
  it('records and logs a signed checkpoint of the head on every verification', async () => {
    await append(3);
    const logged: SignedCheckpoint[] = [];
    const r = await verify(T0, { record: (c) => logged.push(c) });
    expect(r).toMatchObject({ ok: true, result: 'intact', entries: 3, checkpoints: 1 });
    const [row] = await stored();
    expect(row).toMatchObject({ seq: 3, hash: r.lastHash, at: T0 });
    expect(checkpointSignatureValid(key, row!)).toBe(true);
    expect(logged).toEqual([row]);
    expect(r.checkpoint).toEqual({ seq: 3, hash: r.lastHash, at: T0.toISOString(), source: 'database' });
    expect((await verify(T0)).checkpoints).toBe(2);
  });

  it('keeps checkpoints append-only at the database level', async () => {
    await append(1);
    await verify();
    for (const statement of [
      sql`update audit_checkpoints set seq = 99`,
      sql`delete from audit_checkpoints`,
      sql`truncate audit_checkpoints`,
    ]) {
      await expect(db.systemDb.execute(statement)).rejects.toThrow();
    }
    expect(await stored()).toHaveLength(1);
  });

  it('reports tail_cut when the newest entries are deleted with the triggers disabled', async () => {
    await append(5);
    await verify();
    await bypassingTriggers('audit_log', sql`delete from audit_log where seq > 3`);
    // The chain alone still recomputes: this is the defect the checkpoints close.
    expect(await verifyAuditChain(db.systemDb, { seal: false })).toMatchObject({ ok: true, entries: 3 });
    const r = await verify(T0);
    expect(r).toMatchObject({ ok: false, result: 'tail_cut', entries: 3 });
    expect(r.checkpoint).toMatchObject({ seq: 5, source: 'database' });
    // The evidence stays: later verifications (which checkpoint the shorter head) still report it.
    expect((await verify(T0)).result).toBe('tail_cut');
  });

  it('reports tail_cut with replication triggers off too, and chain_rewritten once the chain grows back', async () => {
    await append(4);
    await verify();
    // The other way an owner bypasses triggers: session_replication_role, inside one transaction.
    await db.systemDb.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from audit_log where seq = 4`);
    });
    expect((await verify()).result).toBe('tail_cut');
    await append(2); // sealed as positions 4 and 5: position 4 now holds another entry
    const r = await verify();
    expect(r).toMatchObject({ ok: false, result: 'chain_rewritten', entries: 5 });
    expect(r.checkpoint?.seq).toBe(4);
  });

  it('reports a tampered checkpoint and every checkpoint under another TSUNAGU_SECRET', async () => {
    await append(2);
    await verify();
    const other = checkpointKey('z'.repeat(40));
    expect(
      (
        await verifyAuditChain(db.systemDb, {
          checkpoints: { ...checks(T0), key: other },
        })
      ).result,
    ).toBe('checkpoint_signature_invalid');
    // …and adds no checkpoint of its own under that key, which would fail every later verification.
    expect(await stored()).toHaveLength(1);
    expect((await verify()).result).toBe('intact');
    await append(1);
    await verify();
    await bypassingTriggers(
      'audit_checkpoints',
      sql`update audit_checkpoints set signature = ${'0'.repeat(64)} where seq = 3`,
    );
    const r = await verify();
    expect(r).toMatchObject({ ok: false, result: 'checkpoint_signature_invalid', checkpoint: { seq: 3 } });
  });

  it('reports checkpoint_stale when entries went uncovered for over two intervals, once', async () => {
    await append(2);
    await verify(T0);
    // An entry a minute later, sealed, but no checkpoint follows (no sealer running).
    const later = new Date(T0.getTime() + MIN);
    await append(1, later);
    await sealAuditChain(db.systemDb);
    expect(
      (
        await verifyAuditChain(db.systemDb, {
          seal: false,
          checkpoints: checks(new Date(later.getTime() + 2 * INTERVAL)),
        })
      ).result,
    ).toBe('intact');
    const r = await verify(new Date(later.getTime() + 2 * INTERVAL + 1000));
    expect(r).toMatchObject({ ok: false, result: 'checkpoint_stale', uncoveredSince: later.toISOString() });
    // That verification checkpointed the head: covered now.
    expect((await verify(new Date(later.getTime() + 3 * INTERVAL))).result).toBe('intact');
    // A deployment that has stopped writing entries is not stale, however long it stays stopped.
    expect((await verify(new Date(T0.getTime() + 30 * 24 * 60 * MIN))).result).toBe('intact');
  });

  it('checks checkpoints copied from the application log, which outlive deleted checkpoint rows', async () => {
    await append(4);
    const logged: SignedCheckpoint[] = [];
    await verify(T0, { record: (c) => logged.push(c) });
    // Whoever cuts the tail also deletes the checkpoints that would show it.
    await bypassingTriggers('audit_log', sql`delete from audit_log where seq > 2`);
    await bypassingTriggers('audit_checkpoints', sql`delete from audit_checkpoints`);
    expect((await verify()).result).toBe('intact');
    const r = await verify(T0, { external: logged });
    expect(r).toMatchObject({ ok: false, result: 'tail_cut', checkpoint: { seq: 4, source: 'log' } });
  });

  it('writes one checkpoint when several sealers find it due at once', async () => {
    await append(3);
    await sealAuditChain(db.systemDb);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        checkpointAuditChain(db.systemDb, { key, now: T0, intervalMs: INTERVAL, mode: 'due', wait: true }),
      ),
    );
    expect(results.filter((r) => r?.written)).toHaveLength(1);
    expect(await stored()).toHaveLength(1);
  });

  it('runs in the background sealer: checkpoints at once, and the head again when stopping; one log line each', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).trim().split('\n'));
        done();
      },
    });
    const log = pino({ level: 'info' }, stream);
    let now = T0;
    await append(2);
    const stop = startAuditSealer(db.systemDb, log, {
      key,
      checkpointIntervalMs: INTERVAL,
      now: () => now,
      sealEveryMs: 60_000,
    });
    // The first round runs at once; the next entry comes after it, so stopping has a moved head to cover.
    // (Appending without waiting let a slow first round seal both, leaving one checkpoint: a flaky test.)
    await stop.firstRound;
    await append(1, new Date(T0.getTime() + MIN));
    now = new Date(T0.getTime() + MIN);
    await stop();
    const rows = await stored();
    expect(rows.map((c) => c.seq)).toEqual([2, 3]);
    const logged = lines.map(parseCheckpointLine);
    expect(logged).toEqual(rows);
    expect(JSON.parse(lines[0]!)).toMatchObject({ event: 'audit_checkpoint', msg: 'audit checkpoint' });
    expect((await verify(now)).result).toBe('intact');
  });
});
