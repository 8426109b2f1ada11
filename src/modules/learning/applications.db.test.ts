/**
 * Applications and the balanced selection through the API: apply within the window, run, explain, announce,
 * override, cancel and move up, two staff at once. The denied story is in applications-denied.db.test.ts.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, notifications, trainingApplications } from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { type ApplicationsWorld, applicationsWorld, CHIGASAKI, FUJISAWA } from './testing';

let t: TestApp;
let hq: TestClient;
let branchA: TestClient;
let regionEast: string;
let regionYokohama: string;
let makeSession: ApplicationsWorld['makeSession'];
let learner: ApplicationsWorld['learner'];
let apply: ApplicationsWorld['apply'];
let applicants: ApplicationsWorld['applicants'];
let filledSession: ApplicationsWorld['filledSession'];

beforeAll(async () => {
  t = await createTestApp();
  ({ hq, branchA, regionEast, regionYokohama, makeSession, learner, apply, applicants, filledSession } =
    await applicationsWorld(t));
});
afterAll(async () => {
  await t.close();
});

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
