/**
 * The outage list as a shared read (decision 0033): screens that refresh the same list at the same moment are
 * answered by fewer runs of its statement, each with its own audit entry and its own hours left; a check recorded
 * before a request shows in its answer; under an event, one responder's openings never name a child for another.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { disasterEvents } from '../../db/schema/disaster-events';
import { findMunicipalityByName } from '../../shared/municipalities';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { spyOnDriver } from '../../test/driver-spy';
import { makePrefecture } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { declaredEvent, disasterChild } from './testing';

const FUJISAWA = findMunicipalityByName('14', '藤沢市')!.code;
const NOW = new Date('2026-09-01T03:00:00Z');
const OUT = '2026-09-01T09:00:00+09:00'; // 3 hours before NOW
const LIST = `/api/disaster-events/outage?municipalities=${FUJISAWA}&since=${encodeURIComponent(OUT)}`;

let t: TestApp;
const c: Record<string, TestClient> = {};
const ids: Record<string, string> = {};
const kids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = NOW;
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  kids.short = (await disasterChild(db, FUJISAWA, { familyName: '短時', batteryHours: 4 })).id;
  kids.long = (await disasterChild(db, FUJISAWA, { familyName: '長時', batteryHours: 12 })).id;
  kids.withheld = (
    await disasterChild(db, FUJISAWA, { familyName: '未同意', batteryHours: 2, disasterConsent: false })
  ).id;
  for (const name of ['one', 'two'] as const) {
    const u = await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: FUJISAWA });
    c[name] = u.client;
    ids[name] = u.user.id;
  }
  c.staff = (await signedInUser(t, 'centre_staff', { prefectureCode: '14' })).client;
}, 60_000);
afterAll(() => t.close());

async function listEntries(): Promise<number> {
  const [row] = await t.db.systemDb
    .select({ n: count() })
    .from(auditLog)
    .where(eq(auditLog.entityType, 'disaster_outage_list'));
  return row!.n;
}

const isListStatement = (arg: unknown) =>
  (typeof arg === 'string' ? arg : String((arg as { text?: string }).text ?? '')).includes('with base as');

describe('the outage list as a shared read', () => {
  it('answers eight refreshes at the same moment with fewer runs, each audited and counted to its own time', async () => {
    const readers = [c.one!, c.two!, c.staff!, c.one!, c.two!, c.staff!, c.one!, c.two!];
    const entriesBefore = await listEntries();
    const spy = spyOnDriver(t.db);
    let answers: Awaited<ReturnType<TestClient['get']>>[];
    try {
      answers = await Promise.all(readers.map((r) => r.get(LIST)));
      const runs = spy.query.mock.calls.filter((call) => isListStatement(call[0])).length;
      expect(runs).toBeGreaterThanOrEqual(1);
      expect(runs).toBeLessThan(readers.length);
    } finally {
      spy.restore();
    }
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.body.rows.map((r: { familyName: string }) => r.familyName)).toEqual(['短時', '長時']);
      expect(a.body.rows[0].hoursLeft).toBe(1);
    }
    expect((await listEntries()) - entriesBefore).toBe(readers.length);
    // The hours left are counted to each request's moment, not to the run that answered it.
    t.clock.current = new Date(NOW.getTime() + 30 * 60_000);
    const later = await c.one!.get(LIST);
    expect(later.body.rows[0].hoursLeft).toBe(0.5);
    t.clock.current = NOW;
  });

  it('shows a safety check recorded just before, however many reads are under way', async () => {
    const pending = [c.two!.get(LIST), c.staff!.get(LIST)];
    const check = await c.one!.post('/api/disaster-events/safety-checks', {
      childId: kids.short,
      result: 'needs_help',
      helpNeeded: '予備バッテリー',
      checkedAt: NOW.toISOString(),
    });
    expect(check.status).toBe(200);
    const after = await Promise.all([c.one!.get(LIST), c.two!.get(LIST)]);
    for (const a of after) {
      expect(a.body.rows[0].lastCheck).toMatchObject({ result: 'needs_help', helpNeeded: '予備バッテリー' });
      expect(a.body.needsHelp).toBe(1);
    }
    await Promise.all(pending);
  });

  it("under an event, one responder's opening names the child for them alone, even read at the same moment", async () => {
    const eventId = await declaredEvent(t.db.systemDb, '14', FUJISAWA, ids.one!);
    await t.db.systemDb
      .update(disasterEvents)
      .set({ responderUserIds: [ids.one!, ids.two!], startsAt: new Date(NOW.getTime() - 3_600_000) })
      .where(eq(disasterEvents.id, eventId));
    const opened = await c.one!.post(`/api/disaster-events/events/${eventId}/openings`, {
      childId: kids.withheld,
      reason: '電話で安否確認するため',
    });
    expect(opened.status).toBe(200);
    const path = `/api/disaster-events/events/${eventId}/outage`;
    const [mine, theirs, mine2, theirs2] = await Promise.all([
      c.one!.get(path),
      c.two!.get(path),
      c.one!.get(path),
      c.two!.get(path),
    ]);
    const rowOf = (a: typeof mine) =>
      a.body.rows.find((r: { childId: string }) => r.childId === kids.withheld);
    for (const a of [mine, mine2]) expect(rowOf(a)).toMatchObject({ named: true, familyName: '未同意' });
    for (const a of [theirs, theirs2]) expect(rowOf(a)).toMatchObject({ named: false, familyName: null });
  });
});
