/**
 * The outage list and a declared event, end to end through the API: ranking by hours of battery left, names only
 * with the disaster-planning consent (others counted), the outage start not in the future, safety checks, an event
 * refused without areas or reason, a responder opening a child without consent only with a reason (audited), the
 * event ending, and the access review signed off.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { disasterEventOpenings } from '../../db/schema/disaster-events';
import { findMunicipalityByName } from '../../shared/municipalities';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { disasterChild } from './testing';

const code = (name: string) => findMunicipalityByName('14', name)!.code;
const FUJISAWA = code('藤沢市');
const CHIGASAKI = code('茅ヶ崎市');

let t: TestApp;
const c: Record<string, TestClient> = {};
let fujisawaUserId = '';
const kids: Record<string, string> = {};
const NOW = new Date('2026-09-01T03:00:00Z');
const OUT = '2026-09-01T09:00:00+09:00'; // 3 hours before NOW

beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = NOW;
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makeRegion(db, '14', '湘南東部', [FUJISAWA, CHIGASAKI]);
  kids.short = (await disasterChild(db, FUJISAWA, { familyName: '短時', batteryHours: 4, careScore: 20 })).id;
  kids.long = (await disasterChild(db, FUJISAWA, { familyName: '長時', batteryHours: 12, careScore: 40 })).id;
  kids.plain = (
    await disasterChild(db, FUJISAWA, { familyName: '電源不要', dependent: false, careScore: 50 })
  ).id;
  kids.withheld = (
    await disasterChild(db, FUJISAWA, { familyName: '未同意', batteryHours: 2, disasterConsent: false })
  ).id;
  kids.chigasaki = (await disasterChild(db, CHIGASAKI, { familyName: '茅ヶ崎', batteryHours: 1 })).id;
  c.admin = (await signedInUser(t, 'centre_admin', { prefectureCode: '14' })).client;
  const fuji = await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: FUJISAWA });
  c.fujisawa = fuji.client;
  fujisawaUserId = fuji.user.id;
  c.staff = (await signedInUser(t, 'centre_staff', { prefectureCode: '14' })).client;
}, 60_000);
afterAll(() => t.close());

const names = (body: { rows: { familyName: string | null }[] }) => body.rows.map((r) => r.familyName);

describe('outage list', () => {
  it('ranks electricity-dependent children by hours left, then the rest; names only with consent', async () => {
    const res = await c.fujisawa!.get(
      `/api/disaster-events/outage?municipalities=${FUJISAWA}&since=${encodeURIComponent(OUT)}`,
    );
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual(['短時', '長時', '電源不要']);
    expect(res.body.rows[0].hoursLeft).toBe(1);
    expect(res.body.rows[0].contacts[0]).toMatchObject({ kind: 'guardian', phone: '090-0000-0000' });
    expect(res.body).toMatchObject({ total: 4, named: 3, withheld: 1, withheldDependent: 1, mayOpen: false });
    expect(JSON.stringify(res.body)).not.toContain('未同意');
  });

  it('returns the most urgent rows first, as many as asked; the audit entry names only the rows sent', async () => {
    const res = await c.fujisawa!.get(
      `/api/disaster-events/outage?municipalities=${FUJISAWA}&since=${encodeURIComponent(OUT)}&limit=2`,
    );
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual(['短時', '長時']);
    expect(res.body).toMatchObject({ total: 4, listed: 3, named: 3 });
    const entries = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'disaster_outage_list'));
    const entry = entries.find((e) => (e.detail as { rows?: number }).rows === 2);
    expect([...entry!.entityIds].sort()).toEqual([kids.short, kids.long].sort());
  });

  it('refuses an outage start in the future with a clear message, and a request without areas', async () => {
    const future = await c.fujisawa!.get(
      `/api/disaster-events/outage?municipalities=${FUJISAWA}&since=2026-09-01T13:00:00%2B09:00`,
    );
    expect(future.status).toBe(400);
    expect(future.body.error.code).toBe('disaster_outage_in_future');
    expect(future.body.error.ja).toContain('未来');
    const none = await c.fujisawa!.get(`/api/disaster-events/outage?since=${encodeURIComponent(OUT)}`);
    expect(none.body.error.code).toBe('disaster_areas_required');
  });

  it('records a safety check of a named child, shown on the list; a withheld child answers 404', async () => {
    const ok = await c.fujisawa!.post('/api/disaster-events/safety-checks', {
      childId: kids.short,
      result: 'needs_help',
      helpNeeded: '外部バッテリーの充電',
    });
    expect(ok.status).toBe(200);
    const list = await c.fujisawa!.get(
      `/api/disaster-events/outage?municipalities=${FUJISAWA}&since=${encodeURIComponent(OUT)}`,
    );
    expect(list.body.rows[0].lastCheck).toMatchObject({
      result: 'needs_help',
      helpNeeded: '外部バッテリーの充電',
    });
    expect(list.body.needsHelp).toBe(1);
    const hidden = await c.fujisawa!.post('/api/disaster-events/safety-checks', {
      childId: kids.withheld,
      result: 'safe',
    });
    expect(hidden.status).toBe(404);
  });
});

describe('declared event', () => {
  let eventId = '';
  let version = 0;

  it('is refused without areas or reason, changing nothing', async () => {
    const base = { title: '台風', startsAt: OUT, endsAt: '2026-09-03T09:00:00+09:00' };
    const noArea = await c.admin!.post('/api/disaster-events/events', {
      ...base,
      reason: '大規模停電のため',
    });
    expect(noArea.body.error.code).toBe('disaster_areas_required');
    const noReason = await c.admin!.post('/api/disaster-events/events', {
      ...base,
      reason: '  ',
      municipalityCodes: [FUJISAWA],
    });
    expect(noReason.body.error.code).toBe('disaster_reason_required');
    const byStaff = await c.staff!.post('/api/disaster-events/events', {
      ...base,
      reason: '大規模停電のため',
      municipalityCodes: [FUJISAWA],
    });
    expect(byStaff.status).toBe(403);
    expect((await c.admin!.get('/api/disaster-events/events')).body.items).toEqual([]);
  });

  it('lets a responder open a child without consent only with a reason, audited; others are refused', async () => {
    const declared = await c.admin!.post('/api/disaster-events/events', {
      title: '令和8年台風第10号',
      reason: '藤沢市全域で停電、人工呼吸器使用者の安否確認が必要',
      municipalityCodes: [FUJISAWA],
      startsAt: OUT,
      endsAt: '2026-09-03T09:00:00+09:00',
      responderUserIds: [fujisawaUserId],
    });
    expect(declared.status).toBe(200);
    expect(declared.body.state).toBe('active');
    eventId = declared.body.id;
    version = declared.body.version;

    const list = await c.fujisawa!.get(`/api/disaster-events/events/${eventId}/outage`);
    expect(list.body.mayOpen).toBe(true);
    expect(list.body.rows[0]).toMatchObject({ childId: kids.withheld, named: false, familyName: null });

    const noReason = await c.fujisawa!.post(`/api/disaster-events/events/${eventId}/openings`, {
      childId: kids.withheld,
      reason: '',
    });
    expect(noReason.body.error.code).toBe('disaster_reason_required');
    const byStaff = await c.staff!.post(`/api/disaster-events/events/${eventId}/openings`, {
      childId: kids.withheld,
      reason: '電話で安否確認するため',
    });
    expect([byStaff.status, byStaff.body.error.code]).toEqual([403, 'disaster_not_responder']);
    const outside = await c.fujisawa!.post(`/api/disaster-events/events/${eventId}/openings`, {
      childId: kids.chigasaki,
      reason: '電話で安否確認するため',
    });
    expect(outside.status).toBe(404);

    const opened = await c.fujisawa!.post(`/api/disaster-events/events/${eventId}/openings`, {
      childId: kids.withheld,
      reason: '電話で安否確認するため',
    });
    expect(opened.status).toBe(200);
    expect(opened.body.child).toMatchObject({ familyName: '未同意', basis: 'opened' });
    expect(opened.body.guardians[0].phone).toBe('090-0000-0000');
    const db = t.db.systemDb;
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'disaster_break_glass')));
    expect(entry?.detail).toMatchObject({ reason: '電話で安否確認するため' });
    expect(await db.select().from(disasterEventOpenings)).toHaveLength(1);

    const check = await c.fujisawa!.post('/api/disaster-events/safety-checks', {
      childId: kids.withheld,
      eventId,
      result: 'safe',
    });
    expect(check.status).toBe(200);
  });

  it('ends, and its access review lists the opening for sign-off', async () => {
    const early = await c.admin!.post(`/api/disaster-events/events/${eventId}/review/sign-off`, {
      version,
      comment: '確認',
    });
    expect(early.body.error.code).toBe('disaster_review_not_ended');
    const ended = await c.admin!.post(`/api/disaster-events/events/${eventId}/end`, { version });
    expect(ended.body.state).toBe('ended');
    const stale = await c.admin!.post(`/api/disaster-events/events/${eventId}/end`, { version });
    expect(stale.status).toBe(409);
    const after = await c.fujisawa!.post(`/api/disaster-events/events/${eventId}/openings`, {
      childId: kids.withheld,
      reason: 'もう一度',
    });
    expect(after.body.error.code).toBe('disaster_event_not_active');
    const list = await c.fujisawa!.get(`/api/disaster-events/events/${eventId}/outage`);
    expect(list.body.rows.map((r: { childId: string }) => r.childId)).not.toContain(kids.withheld);

    const review = await c.admin!.get(`/api/disaster-events/events/${eventId}/review`);
    expect(review.body.openings).toHaveLength(1);
    expect(review.body.openings[0].childName).toMatch(/^未同意 /);
    expect(review.body.openings[0].reason).toBe('電話で安否確認するため');
    expect((await c.fujisawa!.get(`/api/disaster-events/events/${eventId}/review`)).status).toBe(403);
    const waiting = await c.admin!.get('/api/disaster-events/events');
    expect(waiting.body.reviewsWaiting).toBe(1);
    const signed = await c.admin!.post(`/api/disaster-events/events/${eventId}/review/sign-off`, {
      version: ended.body.version,
      comment: '全件、安否確認のための閲覧と確認した',
    });
    expect(signed.status).toBe(200);
    expect(signed.body.review.signedOffAt).not.toBeNull();
    expect((await c.admin!.get('/api/disaster-events/events')).body.reviewsWaiting).toBe(0);
  });
});
