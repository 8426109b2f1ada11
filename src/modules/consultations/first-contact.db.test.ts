import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultations, jobs, notifications, regionMunicipalities } from '../../db/schema';
import { queueScheduledJobs } from '../../jobs/schedule';
import { isoDateInJapan } from '../../shared/dates';
import { addWorkingDays } from '../../shared/working-days';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { makeUser } from '../../test/factories';
import { calendarOf } from '../calendar/calendar';
import { ESCALATE_EVERY_MS, ESCALATE_JOB_KIND, escalateUnanswered } from './escalate-job';
import { type ConsultationWorld, consultationWorld } from './testing';

let t: TestApp;
let w: ConsultationWorld;
let ip = 10;

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
  // 鎌倉市 (no staff account) belongs to region A; 横須賀市 (no staff) to no region.
  await t.db.systemDb
    .insert(regionMunicipalities)
    .values({ regionId: w.regionA.id, municipalityCode: '142042', validFrom: '2020-04-01' });
});
afterAll(async () => {
  await t.close();
});

/** Sends the public form for a municipality; returns the case's id. */
async function ask(municipalityCode: string): Promise<string> {
  const pub = new TestClient(t);
  pub.ip = `203.0.113.${ip++}`;
  const res = await pub.post('/api/public/consultations', {
    municipalityCode,
    askerKind: 'family',
    name: '相談 花子',
    topics: ['welfare_services'],
    narrative: '短期入所を使えるところを知りたいです。',
  });
  expect(res.status).toBe(201);
  const [row] = await t.db.systemDb
    .select({ id: consultations.id })
    .from(consultations)
    .where(eq(consultations.receiptNo, res.body.receiptNo));
  return row!.id;
}

/** Moves a case's arrival to a day in Japan (the form uses the test clock's today). */
async function openedOn(id: string, day: string) {
  await t.db.systemDb
    .update(consultations)
    .set({ openedOn: day, openedAt: new Date(`${day}T10:00:00+09:00`) })
    .where(eq(consultations.id, id));
}

const jst = (iso: string) => new Date(`${iso}+09:00`);

async function tierOf(id: string) {
  const [row] = await t.db.systemDb
    .select({ tier: consultations.ownerTier })
    .from(consultations)
    .where(eq(consultations.id, id));
  return row!.tier;
}

describe('first contact: routing at the form (MI-8, KU-7)', () => {
  it('a municipality with active staff keeps its request, due the next working day', async () => {
    const id = await ask('142051');
    const page = await w.users.fujisawa.client.get(`/api/consultations/${id}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ firstTier: 'municipality', routingReason: null, escalatedAt: null });
    const cal = await calendarOf(t.db.systemDb, '14');
    expect(page.body.nextActionOn).toBe(addWorkingDays(isoDateInJapan(t.clock.now()), 1, cal));
  });

  it('no staff account → the region’s coordinators, with the reason on the case', async () => {
    const id = await ask('142042');
    const page = await w.users.coordA.client.get(`/api/consultations/${id}`);
    expect(page.status).toBe(200);
    expect(page.body.ownerTeam).toMatchObject({ tier: 'region', name: '湘南東部' });
    expect(page.body.firstTier).toBe('region');
    expect(page.body.routingReason).toEqual({
      code: 'consultation_routed_no_municipal_staff',
      params: { municipality: '鎌倉市' },
    });
    const told = await t.db.systemDb
      .select()
      .from(notifications)
      .where(eq(notifications.recipientUserId, w.users.coordA.id));
    expect(told.map((n) => n.entityId)).toContain(id);
    // Denied: another region's coordinator and the neighbouring municipality do not see it.
    for (const u of [w.users.coordB, w.users.fujisawa, w.users.kumamoto]) {
      expect((await u.client.get(`/api/consultations/${id}`)).status).toBe(404);
    }
  });

  it('a disabled or never-activated account does not count: no one nearer → the centre', async () => {
    await makeUser(t.db.systemDb, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142018',
      disabled: true,
    });
    const id = await ask('142018');
    const page = await w.users.centre.client.get(`/api/consultations/${id}`);
    expect(page.body.ownerTeam.tier).toBe('centre');
    expect(page.body.routingReason).toEqual({
      code: 'consultation_routed_to_centre',
      params: { municipality: '横須賀市' },
    });
    expect((await w.users.coordA.client.get(`/api/consultations/${id}`)).status).toBe(404);
  });
});

describe('escalation of unanswered requests (background job)', () => {
  it('moves a request untouched for 3 working days, counting 成人の日 as closed; a touched one stays', async () => {
    const quiet = await ask('142051');
    const touched = await ask('142051');
    await openedOn(quiet, '2027-01-07'); // Thursday; then Fri 8, (Mon 11 成人の日), Tue 12, Wed 13
    await openedOn(touched, '2027-01-07');
    const rec = await w.users.fujisawa.client.post(`/api/consultations/${touched}/actions`, {
      kind: 'call',
      note: '折り返し電話をした',
    });
    expect(rec.status).toBe(201);

    // Three working days have not passed by Wednesday 13th (without the holiday they would have).
    await escalateUnanswered(t.db.systemDb, '14', jst('2027-01-13T17:00:00'));
    expect(await tierOf(quiet)).toBe('municipality');
    expect(await escalateUnanswered(t.db.systemDb, '14', jst('2027-01-14T09:00:00'))).toBeGreaterThan(0);
    expect(await tierOf(quiet)).toBe('region');
    expect(await tierOf(touched)).toBe('municipality');
    // Twice is once.
    expect(await escalateUnanswered(t.db.systemDb, '14', jst('2027-01-14T10:00:00'))).toBe(0);

    const page = await w.users.coordA.client.get(`/api/consultations/${quiet}`);
    expect(page.status).toBe(200);
    expect(page.body.ownerTeam.tier).toBe('region');
    expect(page.body.firstTier).toBe('municipality');
    expect(page.body.routingReason).toEqual({
      code: 'consultation_escalated_unanswered',
      params: { days: 3, from: '藤沢市' },
    });
    expect(page.body.escalatedAt).toBe(jst('2027-01-14T09:00:00').toISOString());
    // The municipality keeps it in sight as back-up and may still record on it; others still get 404.
    const muni = await w.users.fujisawa.client.get(`/api/consultations/${quiet}`);
    expect(muni.status).toBe(200);
    expect(muni.body.handoffs.some((h: { kind: string; status: string }) => h.kind === 'backup')).toBe(true);
    for (const u of [w.users.chigasaki, w.users.coordB, w.users.kumamoto, w.users.centre43]) {
      expect((await u.client.get(`/api/consultations/${quiet}`)).status).toBe(404);
    }
    const touchedRow = await w.users.fujisawa.client.get(`/api/consultations/${touched}`);
    expect(touchedRow.body.ownerTeam.tier).toBe('municipality');

    const told = await t.db.systemDb
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'consultation_escalated'));
    expect(told.map((n) => n.recipientUserId)).toContain(w.users.coordA.id);

    // A region's request left unanswered moves on to the centre, 3 working days after it arrived there.
    await escalateUnanswered(t.db.systemDb, '14', jst('2027-01-19T09:00:00'));
    expect(await tierOf(quiet)).toBe('region');
    await escalateUnanswered(t.db.systemDb, '14', jst('2027-01-20T09:00:00'));
    expect(await tierOf(quiet)).toBe('centre');
    const atCentre = await w.users.centre.client.get(`/api/consultations/${quiet}`);
    expect(atCentre.body.ownerTeam.tier).toBe('centre');
    expect(atCentre.body.routingReason.params).toEqual({ days: 3, from: '湘南東部' });

    // The figures count it.
    const figures = await w.users.centreAdmin.client.get('/api/consultations/figures?nendo=2026');
    expect(figures.status).toBe(200);
    expect(figures.body.firstContact.escalated).toBeGreaterThanOrEqual(1);
    expect(figures.body.firstContact.routedToRegion).toBeGreaterThanOrEqual(1);
    expect(figures.body.firstContact.routedToCentre).toBeGreaterThanOrEqual(1);
  });

  it('honours the prefecture’s number of working days and its extra closures', async () => {
    const id = await ask('142077');
    await openedOn(id, '2027-02-01'); // Monday
    const set = await w.users.centreAdmin.client.request('PUT', '/api/consultations/caseload/rule', {
      topShare: 0.1,
      maxShare: 0.4,
      minCases: 10,
      escalateAfterWorkingDays: 1,
    });
    expect(set.status).toBe(200);
    expect(set.body.escalateAfterWorkingDays).toBe(1);
    const closed = await w.users.centreAdmin.client.request('POST', '/api/calendar/closures', {
      closedOn: '2027-02-02',
      label: '臨時休業',
    });
    expect(closed.status).toBe(200);
    // One working day after Monday is Wednesday (Tuesday closed): not yet on Wednesday, on Thursday.
    await escalateUnanswered(t.db.systemDb, '14', jst('2027-02-03T18:00:00'));
    expect(await tierOf(id)).toBe('municipality');
    await escalateUnanswered(t.db.systemDb, '14', jst('2027-02-04T08:00:00'));
    expect(await tierOf(id)).toBe('region');
    const page = await w.users.coordA.client.get(`/api/consultations/${id}`);
    expect(page.body.routingReason).toEqual({
      code: 'consultation_escalated_unanswered',
      params: { days: 1, from: '茅ヶ崎市' },
    });
  });

  it('is queued once per prefecture and period by the schedule, and runs as a job', async () => {
    const now = t.clock.now();
    const schedule = [{ kind: ESCALATE_JOB_KIND, everyMs: ESCALATE_EVERY_MS }];
    expect(await queueScheduledJobs(t.db.systemDb, schedule, now)).toBe(2); // prefectures 14 and 43
    expect(await queueScheduledJobs(t.db.systemDb, schedule, now)).toBe(0);
    await t.deps.jobs.drain();
    const done = await t.db.systemDb.select().from(jobs).where(eq(jobs.kind, ESCALATE_JOB_KIND));
    expect(done.map((j) => j.status)).toEqual(['succeeded', 'succeeded']);
    expect(await queueScheduledJobs(t.db.systemDb, schedule, new Date(now.getTime() + 30 * 60_000))).toBe(0);
    expect(await queueScheduledJobs(t.db.systemDb, schedule, new Date(now.getTime() + 61 * 60_000))).toBe(2);
  });
});
