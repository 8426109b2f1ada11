import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { auditLog } from '../../db/schema';
import { createTestDatabase } from '../../test/db';
import { spyOnDriver } from '../../test/driver-spy';
import { makePrefecture, makeUser } from '../../test/factories';
import type { Actor } from '../access/actor';
import { resolveActor } from '../access/resolve-actor';
import { recordAudit } from './record';

let db: Database;
let actor: Actor;
beforeAll(async () => {
  db = await createTestDatabase();
  await makePrefecture(db.systemDb, '44');
  actor = await resolveActor(
    db.systemDb,
    await makeUser(db.systemDb, 'centre_staff', { prefectureCode: '44' }),
  );
});
afterAll(() => db.close());

const read = (requestId: string, at = new Date()) =>
  recordAudit(
    db.systemDb,
    { actor, meta: { ip: '192.0.2.9', userAgent: 'vitest', requestId }, at },
    { action: 'read', entityType: 'child', entityIds: [] },
  );

const stored = (prefix: string) =>
  db.systemDb
    .select({ requestId: auditLog.requestId })
    .from(auditLog)
    .where(eq(auditLog.actorUserId, actor.userId))
    .orderBy(asc(auditLog.id))
    .then((rows) => rows.map((r) => r.requestId).filter((r) => r?.startsWith(prefix)));

describe('the audit entries of reads', () => {
  it('are written together when many reads finish at once, each call resolving once its entry is stored', async () => {
    const spy = spyOnDriver(db);
    try {
      const ids = Array.from({ length: 30 }, (_, i) => `together-${String(i).padStart(2, '0')}`);
      await Promise.all(ids.map((id) => read(id)));
      expect(await stored('together-')).toEqual(ids);
      // The first is written at once; the rest wait for it and go together (one statement, or a few).
      expect(spy.query.mock.calls.length).toBeLessThanOrEqual(3);
    } finally {
      spy.restore();
    }
  });

  it('a quiet server writes each entry at once, in the order recorded', async () => {
    for (let i = 0; i < 3; i++) await read(`alone-${i}`);
    expect(await stored('alone-')).toEqual(['alone-0', 'alone-1', 'alone-2']);
  });

  it('an entry the database refuses fails only its own read; the others written with it are stored', async () => {
    const results = await Promise.allSettled([
      read('mixed-0'),
      read('mixed-1'),
      read('mixed-2', new Date(Number.NaN)), // not a time: the database refuses it
      read('mixed-3'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await stored('mixed-')).toEqual(['mixed-0', 'mixed-1', 'mixed-3']);
  });

  it('inside a transaction the entry commits or rolls back with it', async () => {
    await db.systemDb
      .transaction(async (tx) => {
        await recordAudit(
          tx,
          { actor, meta: { ip: null, userAgent: null, requestId: 'rolled-back' }, at: new Date() },
          { action: 'read', entityType: 'child', entityIds: [] },
        );
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await stored('rolled-back')).toEqual([]);
  });
});
