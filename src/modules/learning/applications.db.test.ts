/**
 * Applications and the balanced selection through the API: apply within the window, run, explain, announce,
 * override, cancel and move up, two staff at once, and the denied story (another branch or prefecture: 404; a
 * learner never reads or changes another's application).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  learnerProfiles,
  notifications,
  trainingApplications,
  trainingCourses,
  trainingSessions,
} from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { makeCentre, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';

const LEARNER = 'learner';
const FUJISAWA = '142051';
const CHIGASAKI = '142077';
const YOKOHAMA = '141003';

let t: TestApp;
let hq: TestClient;
let branchA: TestClient;
let branchB: TestClient;
let other: TestClient;
let regionEast: string;
let regionYokohama: string;
let centreA: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makePrefecture(db, '43');
  regionEast = (await makeRegion(db, '14', '湘南東部', [FUJISAWA, CHIGASAKI])).id;
  regionYokohama = (await makeRegion(db, '14', '横浜', [YOKOHAMA])).id;
  const hqCentre = await makeCentre(db, '14', { kind: 'hq' });
  centreA = (await makeCentre(db, '14', { kind: 'branch', parentId: hqCentre.id, regionIds: [regionEast] }))
    .id;
  const centreB = await makeCentre(db, '14', {
    kind: 'branch',
    parentId: hqCentre.id,
    regionIds: [regionYokohama],
  });
  hq = (await signedInUser(t, 'centre_admin', { prefectureCode: '14' })).client;
  branchA = (await signedInUser(t, 'centre_staff', { prefectureCode: '14', centreId: centreA })).client;
  branchB = (await signedInUser(t, 'centre_staff', { prefectureCode: '14', centreId: centreB.id })).client;
  other = (await signedInUser(t, 'centre_admin', { prefectureCode: '43' })).client;
});
afterAll(async () => {
  await t.close();
});

/** A session owned by branch A, open now (window ±10 days), with a capacity. */
async function makeSession(
  opts: {
    capacity?: number | null;
    kind?: 'coordinator_course' | 'follow_up';
    status?: 'open' | 'draft';
    closed?: boolean;
  } = {},
) {
  const db = t.db.systemDb;
  const now = t.clock.now().getTime();
  const [course] = await db
    .insert(trainingCourses)
    .values({
      prefectureCode: '14',
      kind: opts.kind ?? 'coordinator_course',
      title: 'コーディネーター養成研修',
      ownerCentreId: centreA,
    })
    .returning();
  const [session] = await db
    .insert(trainingSessions)
    .values({
      courseId: course!.id,
      prefectureCode: '14',
      ownerCentreId: centreA,
      title: '令和8年度 第1回',
      delivery: 'in_person',
      place: '県立保健福祉センター',
      capacity: opts.capacity === undefined ? 4 : opts.capacity,
      status: opts.status ?? 'open',
      applicationsOpenAt: new Date(now - 10 * 86_400_000),
      applicationsCloseAt: new Date(now + (opts.closed ? -1 : 10) * 86_400_000),
    })
    .returning();
  return session!.id;
}

async function learner(
  profession: 'nurse' | 'care_worker' | 'physician' | 'teacher',
  municipalityCode: string | null,
) {
  const l = await signedInUser(t, LEARNER, { prefectureCode: '14' });
  await t.db.systemDb.insert(learnerProfiles).values({
    userId: l.user.id,
    prefectureCode: '14',
    profession,
    municipalityCode,
    workplaceName: '訪問看護ステーション',
  });
  return l;
}

async function apply(
  client: TestClient,
  sessionId: string,
  profession: string,
  municipalityCode: string | null,
) {
  return client.post(`/api/learning/sessions/${sessionId}/apply`, {
    profession,
    municipalityCode,
    workplace: '職場',
  });
}

async function applicants(sessionId: string, client = branchA) {
  const res = await client.get(`/api/learning/sessions/${sessionId}/applicants`);
  expect(res.status).toBe(200);
  return res.body;
}

describe('applying', () => {
  it('takes an application within the window with the region from the municipality, once', async () => {
    const s = await makeSession();
    const l = await learner('nurse', FUJISAWA);
    const ctx = await l.client.get(`/api/learning/sessions/${s}/apply`);
    expect(ctx.status).toBe(200);
    expect(ctx.body.session.acceptsApplications).toBe(true);
    expect(ctx.body.defaults).toMatchObject({
      profession: 'nurse',
      municipalityCode: FUJISAWA,
      workplace: '訪問看護ステーション',
    });
    const res = await apply(l.client, s, 'nurse', FUJISAWA);
    expect(res.status).toBe(201);
    const [row] = await t.db.systemDb
      .select()
      .from(trainingApplications)
      .where(eq(trainingApplications.id, res.body.id));
    expect(row).toMatchObject({ regionId: regionEast, professionGroup: 'medical', status: 'applied' });
    expect((await apply(l.client, s, 'nurse', FUJISAWA)).status).toBe(409);
    const mine = await l.client.get('/api/learning/me/applications');
    expect(mine.body.items).toEqual([
      expect.objectContaining({ id: res.body.id, status: 'applied', waitRank: null }),
    ]);
  });

  it('refuses outside the window, a draft session (404), staff (403), a follow-up without its pre-survey', async () => {
    const l = await learner('care_worker', CHIGASAKI);
    const closed = await makeSession({ closed: true });
    const res = await apply(l.client, closed, 'care_worker', CHIGASAKI);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('learning_applications_closed');
    expect((await apply(l.client, await makeSession({ status: 'draft' }), 'care_worker', null)).status).toBe(
      404,
    );
    expect((await apply(hq, await makeSession(), 'nurse', null)).status).toBe(403);
    const followUp = await makeSession({ kind: 'follow_up' });
    const noSurvey = await apply(l.client, followUp, 'care_worker', CHIGASAKI);
    expect(noSurvey.body.error.code).toBe('learning_pre_survey_required');
    const withSurvey = await l.client.post(`/api/learning/sessions/${followUp}/apply`, {
      profession: 'care_worker',
      municipalityCode: CHIGASAKI,
      workplace: '',
      preSurvey: { activeAsCoordinator: true, casesLastYear: 12, topics: '災害時の支援', challenges: '' },
    });
    expect(withSurvey.status).toBe(201);
    const list = await applicants(followUp);
    expect(list.items[0].preSurvey).toMatchObject({ casesLastYear: 12 });
    expect((await apply(l.client, await makeSession(), 'nurse', '999999')).status).toBe(400);
  });
});

/** Eight applicants: east 2 medical + 2 welfare, Yokohama 1 medical + 2 welfare, one without a region. */
async function filledSession(capacity = 4) {
  const s = await makeSession({ capacity });
  const people = [
    await learner('nurse', FUJISAWA),
    await learner('physician', CHIGASAKI),
    await learner('care_worker', FUJISAWA),
    await learner('teacher', CHIGASAKI),
    await learner('nurse', YOKOHAMA),
    await learner('care_worker', YOKOHAMA),
    await learner('teacher', YOKOHAMA),
    await learner('teacher', null),
  ];
  const ids: string[] = [];
  for (const p of people) {
    const profile = await t.db.systemDb
      .select()
      .from(learnerProfiles)
      .where(eq(learnerProfiles.userId, p.user.id));
    const res = await apply(p.client, s, profile[0]!.profession, profile[0]!.municipalityCode);
    expect(res.status).toBe(201);
    ids.push(res.body.id);
  }
  return { s, people, ids };
}

describe('selection', () => {
  it('runs the balanced rule, explains it, hides it from learners until announced, then tells each applicant', async () => {
    const { s, people, ids } = await filledSession(4);
    const run = await branchA.post(`/api/learning/sessions/${s}/selection`, {
      selectionVersion: 0,
      seed: '00000000000000aa',
    });
    expect(run.status).toBe(200);
    const list = await applicants(s);
    expect(list.counts).toMatchObject({ selected: 4, waiting: 4 });
    expect(list.selection).toMatchObject({
      seed: '00000000000000aa',
      guaranteeSeatsGiven: 4,
      reproducible: true,
      announcedAt: null,
    });
    for (const region of [regionEast, regionYokohama]) {
      const seated = list.items.filter(
        (i: { regionId: string; status: string }) => i.regionId === region && i.status === 'selected',
      );
      expect(seated.map((i: { professionGroup: string }) => i.professionGroup).sort()).toEqual([
        'medical',
        'welfare',
      ]);
      expect(seated.every((i: { reason: string }) => i.reason.startsWith('guaranteed_'))).toBe(true);
    }
    expect(
      list.items
        .filter((i: { waitRank: number | null }) => i.waitRank)
        .map((i: { waitRank: number }) => i.waitRank),
    ).toEqual([1, 2, 3, 4]);
    const east = list.selection.regions.find((r: { regionId: string }) => r.regionId === regionEast);
    expect(east).toMatchObject({ regionName: '湘南東部', applicants: 4, guaranteed: 2 });

    // Not announced: the learner still reads "applied".
    const before = await people[0]!.client.get('/api/learning/me/applications');
    expect(before.body.items[0]).toMatchObject({ status: 'applied', reason: null });

    // Re-running before the announcement gives the same result with the same seed.
    expect(
      (
        await branchA.post(`/api/learning/sessions/${s}/selection`, {
          selectionVersion: 1,
          seed: '00000000000000aa',
        })
      ).status,
    ).toBe(200);
    const again = await applicants(s);
    expect(again.items.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual(
      list.items.map((i: { id: string; status: string }) => [i.id, i.status]),
    );

    const announced = await branchA.post(`/api/learning/sessions/${s}/selection/announce`, { version: 2 });
    expect(announced.status).toBe(200);
    const told = await t.db.systemDb
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'learning_selection_result'));
    expect(told.filter((n) => ids.includes(n.entityId ?? ''))).toHaveLength(8);
    const mine = await people[0]!.client.get('/api/learning/me/applications');
    expect(['selected', 'waiting']).toContain(mine.body.items[0].status);
    const rerun = await branchA.post(`/api/learning/sessions/${s}/selection`, { selectionVersion: 3 });
    expect(rerun.body.error.code).toBe('learning_selection_announced');
  });

  it('lets only one of two staff running at once win (the other gets 409)', async () => {
    const { s } = await filledSession(3);
    const [a, b] = await Promise.all([
      branchA.post(`/api/learning/sessions/${s}/selection`, { selectionVersion: 0 }),
      hq.post(`/api/learning/sessions/${s}/selection`, { selectionVersion: 0 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const runs = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'training_session'), eq(auditLog.action, 'update')));
    expect(runs.filter((r) => r.entityIds.includes(s))).toHaveLength(1);
  });

  it('needs a capacity', async () => {
    const s = await makeSession({ capacity: null });
    const res = await branchA.post(`/api/learning/sessions/${s}/selection`, { selectionVersion: 0 });
    expect(res.body.error.code).toBe('learning_selection_no_capacity');
  });

  it('keeps a staff override with its reason across a re-run, audited', async () => {
    const { s, ids } = await filledSession(4);
    const noRegion = ids[7]!;
    const row = (await applicants(s)).items.find((i: { id: string }) => i.id === noRegion);
    const res = await branchA.post(`/api/learning/applications/${noRegion}/override`, {
      outcome: 'selected',
      reason: '地域の事情により',
      version: row.version,
    });
    expect(res.status).toBe(200);
    expect(
      (
        await branchA.post(`/api/learning/applications/${noRegion}/override`, {
          outcome: 'selected',
          reason: 'x',
          version: row.version,
        })
      ).status,
    ).toBe(409);
    await branchA.post(`/api/learning/sessions/${s}/selection`, { selectionVersion: 0 });
    const list = await applicants(s);
    expect(list.items.find((i: { id: string }) => i.id === noRegion)).toMatchObject({
      status: 'selected',
      reason: 'override_selected',
      overrideReason: '地域の事情により',
    });
    expect(list.counts.selected).toBe(4);
    expect(list.selection.seats).toBe(3);
    const audit = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'training_application'));
    expect(
      audit.some(
        (a) => a.entityIds.includes(noRegion) && (a.detail as { change?: string }).change === 'override',
      ),
    ).toBe(true);
  });

  it('moves up the next person when a selected learner cancels, keeping the region’s guarantee', async () => {
    const { s, people, ids } = await filledSession(4);
    await branchA.post(`/api/learning/sessions/${s}/selection`, {
      selectionVersion: 0,
      seed: '0123456789abcdef',
    });
    await branchA.post(`/api/learning/sessions/${s}/selection/announce`, { version: 1 });
    const list = await applicants(s);
    // Fujisawa / Chigasaki medical applicants are ids 0 and 1: one holds the guaranteed seat, the other waits.
    const seatedMedical = list.items.find(
      (i: { id: string; status: string }) => (i.id === ids[0] || i.id === ids[1]) && i.status === 'selected',
    );
    const waitingMedical = list.items.find(
      (i: { id: string; status: string }) => (i.id === ids[0] || i.id === ids[1]) && i.status === 'waiting',
    );
    const who = people[ids.indexOf(seatedMedical.id)]!;
    const res = await who.client.post(`/api/learning/me/applications/${seatedMedical.id}/cancel`, {
      version: seatedMedical.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.movedUp).toBe(waitingMedical.id);
    const after = await applicants(s);
    expect(after.items.find((i: { id: string }) => i.id === waitingMedical.id)).toMatchObject({
      status: 'selected',
      reason: 'moved_up',
    });
    expect(
      after.items
        .filter((i: { status: string }) => i.status === 'waiting')
        .map((i: { waitRank: number }) => i.waitRank),
    ).toEqual([1, 2, 3]);
    const note = await t.db.systemDb
      .select()
      .from(notifications)
      .where(eq(notifications.entityId, waitingMedical.id));
    expect(note.map((n) => n.titleEn)).toContain('You have a seat in “令和8年度 第1回”');
  });
});

describe('denied', () => {
  it('another branch and another prefecture get 404 on every endpoint; a learner gets 403 on staff ones', async () => {
    const { s, people, ids } = await filledSession(4);
    const app = ids[0]!;
    const calls: [string, string, unknown?][] = [
      ['GET', `/api/learning/sessions/${s}/applicants`],
      ['POST', `/api/learning/sessions/${s}/selection`, { selectionVersion: 0 }],
      ['POST', `/api/learning/sessions/${s}/selection/announce`, { version: 1 }],
      [
        'POST',
        `/api/learning/applications/${app}/override`,
        { outcome: 'selected', reason: 'x', version: 1 },
      ],
      ['POST', `/api/learning/applications/${app}/cancel`, { reason: 'x', version: 1 }],
    ];
    for (const client of [branchB, other]) {
      for (const [method, path, body] of calls) {
        expect((await client.request(method, path, body)).status, `${method} ${path}`).toBe(404);
      }
    }
    for (const [method, path, body] of calls) {
      expect((await people[1]!.client.request(method, path, body)).status, `${method} ${path}`).toBe(403);
    }
    // A learner cannot cancel or see another's application.
    expect(
      (await people[1]!.client.post(`/api/learning/me/applications/${app}/cancel`, { version: 1 })).status,
    ).toBe(404);
    const mine = await people[1]!.client.get('/api/learning/me/applications');
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([ids[1]]);
    // Nothing changed.
    const [row] = await t.db.systemDb
      .select()
      .from(trainingApplications)
      .where(eq(trainingApplications.id, app));
    expect(row).toMatchObject({ status: 'applied', version: 1 });
    // Another prefecture's learner does not see the session to apply.
    const far = await signedInUser(t, LEARNER, { prefectureCode: '43' });
    expect((await far.client.get(`/api/learning/sessions/${s}/apply`)).status).toBe(404);
  });
});
