/**
 * The coordinator roster, the supervise pool with its proposal and the training figures through the API: who
 * is on the roster (standing completions of a coordinator course only), counts per municipality and region,
 * the activity flag under optimistic locking, each area's view, the pool kept by the branch and proposed by
 * load, the figures by 年度 with the follow-up effect, the workbooks; and the denied story.
 */

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultations, learnerProfiles, trainingAttendance, trainingCompletions } from '../../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../../test/app';
import { makeOrganisation, makePerson } from '../../../test/factories';
import { openWorkbook } from '../../../test/xlsx';
import { intake } from '../../consultations/testing';
import {
  type AttendanceWorld,
  addLearner,
  attendanceWorld,
  type Learner,
  makeSessionWithDays,
} from '../testing-attendance';

let t: TestApp;
let w: AttendanceWorld;
let s: Awaited<ReturnType<typeof makeSessionWithDays>>;
let hanako: Learner; // 藤沢市 (region A), completed, works at the trained station
let taro: Learner; // 厚木市 142123 (region B), completed
let jiro: Learner; // selected, absent, not completed
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await attendanceWorld(t);
  const db = t.db.systemDb;
  s = await makeSessionWithDays(t, { days: ['2026-06-01', '2026-06-08'] });
  hanako = await addLearner(t, s.session.id, '湘南 花子', 'selected');
  taro = await addLearner(t, s.session.id, '県央 太郎', 'selected');
  jiro = await addLearner(t, s.session.id, '欠席 次郎', 'selected');
  const org = await makeOrganisation(db, '14', {
    name: '湘南訪問看護ステーション',
    municipalityCode: '142051',
  });
  orgId = org.id;
  await db.insert(learnerProfiles).values([
    {
      userId: hanako.userId,
      prefectureCode: '14',
      profession: 'nurse',
      workplaceOrganisationId: org.id,
      municipalityCode: '142051',
    },
    {
      userId: taro.userId,
      prefectureCode: '14',
      profession: 'social_worker',
      workplaceName: '県央相談支援事業所',
      municipalityCode: '142123',
    },
  ]);
  for (const l of [hanako, taro]) {
    for (const d of s.days) {
      await db
        .insert(trainingAttendance)
        .values({ sessionDayId: d.id, applicationId: l.applicationId, present: true, recordedBy: l.userId });
    }
  }
  await db.insert(trainingCompletions).values([
    {
      prefectureCode: '14',
      courseId: s.course.id,
      sessionId: s.session.id,
      learnerUserId: hanako.userId,
      completedOn: '2026-06-08',
      certificateSerial: 'T-1',
    },
    {
      prefectureCode: '14',
      courseId: s.course.id,
      sessionId: s.session.id,
      learnerUserId: taro.userId,
      completedOn: '2026-06-08',
      certificateSerial: 'T-2',
    },
    // A revoked one does not count.
    {
      prefectureCode: '14',
      courseId: s.course.id,
      sessionId: null,
      learnerUserId: jiro.userId,
      completedOn: '2026-06-08',
      certificateSerial: 'T-3',
      revokedAt: new Date(),
    },
  ]);
  // Consultations from the station: one before the training (not counted), one after.
  const before = await intake(w.users.municipal);
  const after = await intake(w.users.municipal);
  await db
    .update(consultations)
    .set({ askerOrganisationId: org.id, openedOn: '2026-05-01' })
    .where(eq(consultations.id, before.id));
  await db
    .update(consultations)
    .set({ askerOrganisationId: org.id, openedOn: '2026-09-01' })
    .where(eq(consultations.id, after.id));
});

async function workbook(client: TestClient, path: string) {
  const raw = await t.app.request(path, {
    headers: { cookie: client.cookie!, 'x-forwarded-for': client.ip },
  });
  expect(raw.status).toBe(200);
  return openWorkbook(raw);
}

afterAll(async () => {
  await t?.close();
});

type Roster = {
  canEdit: boolean;
  rows: {
    learnerUserId: string;
    name: string;
    nendo: number;
    activity: string;
    version: number;
    workplace: string | null;
    professionGroup: string | null;
    regionName: string | null;
  }[];
  byMunicipality: { key: string; trained: number; active: number }[];
  byRegion: { name: string | null; trained: number; active: number }[];
  totals: { trained: number; active: number };
};

describe('coordinator roster', () => {
  it('lists standing completions of the coordinator course with workplace, group and region', async () => {
    const res = await w.users.admin.get('/api/learning/roster');
    expect(res.status).toBe(200);
    const r = res.body as Roster;
    expect(r.canEdit).toBe(true);
    expect(r.rows.map((x) => x.name).sort()).toEqual(['湘南 花子', '県央 太郎'].sort());
    const h = r.rows.find((x) => x.learnerUserId === hanako.userId)!;
    expect(h).toMatchObject({
      nendo: 2026,
      workplace: '湘南訪問看護ステーション',
      professionGroup: 'medical',
      regionName: '湘南東部',
      activity: 'unconfirmed',
    });
    expect(r.rows.find((x) => x.learnerUserId === taro.userId)!.professionGroup).toBe('welfare');
    expect(r.totals).toMatchObject({ trained: 2, active: 0 });
  });

  it('keeps the activity flag with its date, under the version read', async () => {
    const put = (v: number, active: boolean) =>
      w.users.admin.put(`/api/learning/roster/${hanako.userId}/status`, {
        version: v,
        active,
        confirmedOn: '2026-10-01',
      });
    const first = await put(0, true);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ activity: 'active', confirmedOn: '2026-10-01', version: 1 });
    expect((await put(0, false)).status).toBe(409);
    const r = (await w.users.admin.get('/api/learning/roster')).body as Roster;
    expect(r.totals.active).toBe(1);
    expect(r.byRegion.find((x) => x.name === '湘南東部')).toMatchObject({ trained: 1, active: 1 });
    expect(r.byMunicipality.find((x) => x.key === '142051')).toMatchObject({ trained: 1, active: 1 });
  });

  it('shows a branch its regions, a coordinator their region, an auditor everyone read-only', async () => {
    const branch = (await w.users.branchStaff.get('/api/learning/roster')).body as Roster;
    expect(branch.rows.map((x) => x.name)).toEqual(['湘南 花子']);
    const coord = (await w.users.coordB.get('/api/learning/roster')).body as Roster;
    expect(coord.rows.map((x) => x.name)).toEqual(['県央 太郎']);
    const auditor = (await w.users.auditor.get('/api/learning/roster')).body as Roster;
    expect(auditor.canEdit).toBe(false);
    expect(auditor.rows).toHaveLength(2);
    // A coordinator outside the caller's area answers as an unknown id.
    const out = await w.users.branchStaff.put(`/api/learning/roster/${taro.userId}/status`, {
      version: 0,
      active: true,
      confirmedOn: '2026-10-01',
    });
    expect(out.status).toBe(404);
  });

  it('exports the roster as a workbook', async () => {
    const wb = await workbook(w.users.admin, '/api/learning/roster/export?lang=ja');
    expect(wb.worksheets.map((x) => x.name)).toEqual(['名簿', '市町村別', '圏域別']);
    expect(wb.worksheets[0]!.rowCount).toBe(3);
  });
});

describe('supervise pool and proposal', () => {
  it('is kept by the branch and proposes the least-loaded cover', async () => {
    const db = t.db.systemDb;
    const a = await makePerson(db, '14', { familyName: '青木', givenName: '医師', familyKana: 'あおき' });
    const b = await makePerson(db, '14', { familyName: '井上', givenName: '福祉', familyKana: 'いのうえ' });
    const c = await makePerson(db, '14', { familyName: '上田', givenName: '万能', familyKana: 'うえだ' });
    const add = (personId: string, tags: string[]) =>
      w.users.branchStaff.post('/api/learning/supervise-pool', { centreId: w.branch.id, personId, tags });
    expect((await add(a.id, ['medical'])).status).toBe(201);
    expect((await add(b.id, ['welfare'])).status).toBe(201);
    expect((await add(c.id, ['medical', 'welfare', 'education'])).status).toBe(201);
    expect((await add(a.id, ['medical'])).status).toBe(409);
    // Not the branch's own HQ pool.
    const hq = await w.users.branchStaff.post('/api/learning/supervise-pool', {
      centreId: w.hq.id,
      personId: a.id,
      tags: ['medical'],
    });
    expect(hq.status).toBe(403);
    const p = await w.users.admin.get(
      `/api/learning/supervise-pool/proposal?centreId=${w.branch.id}&tags=medical,welfare,education`,
    );
    expect(p.status).toBe(200);
    expect((p.body as { members: { personId: string }[] }).members.map((m) => m.personId)).toEqual([c.id]);
    const p2 = await w.users.admin.get(
      `/api/learning/supervise-pool/proposal?centreId=${w.branch.id}&tags=medical,psychology`,
    );
    expect(p2.body).toMatchObject({ uncovered: ['psychology'], members: [{ personId: a.id }] });
    const pool = (await w.users.coordB.get('/api/learning/supervise-pool')).body as {
      members: { id: string; personId: string; version: number }[];
    };
    expect(pool.members).toHaveLength(3);
    const ma = pool.members.find((m) => m.personId === a.id)!;
    expect((await w.users.coordB.delete(`/api/learning/supervise-pool/${ma.id}`)).status).toBe(403);
    expect(
      (
        await w.users.branchStaff.put(`/api/learning/supervise-pool/${ma.id}`, {
          version: ma.version,
          tags: ['medical', 'nursing'],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await w.users.branchStaff.put(`/api/learning/supervise-pool/${ma.id}`, {
          version: ma.version,
          tags: ['medical'],
        })
      ).status,
    ).toBe(409);
    expect((await w.users.branchStaff.delete(`/api/learning/supervise-pool/${ma.id}`)).status).toBe(200);
  });
});

describe('training figures', () => {
  type F = {
    totals: {
      participants: number;
      attendees: number;
      completed: number;
      rate: number;
      attendanceDays: number;
    };
    byCourseKind: { key: string; attendees: number }[];
    byProfessionGroup: { key: string; participants: number }[];
    bySession: { participants: number; completed: number }[];
    followUp: {
      nendo: number;
      consultations: number;
      trainedOrganisations: number;
      askingOrganisations: number;
    }[];
  };
  it('counts the 年度 by kind, profession and region, with completion rates and the follow-up effect', async () => {
    const res = await w.users.admin.get('/api/learning/figures?nendo=2026');
    expect(res.status).toBe(200);
    const f = res.body as F;
    expect(f.totals).toMatchObject({ participants: 3, attendees: 2, completed: 2, attendanceDays: 4 });
    expect(f.totals.rate).toBeCloseTo(2 / 3);
    expect(f.byCourseKind).toEqual([expect.objectContaining({ key: 'coordinator_course', attendees: 2 })]);
    expect(f.byProfessionGroup).toEqual([expect.objectContaining({ key: 'medical', participants: 3 })]);
    expect(f.bySession).toEqual([expect.objectContaining({ participants: 3, completed: 2 })]);
    const y = f.followUp.find((x) => x.nendo === 2026)!;
    expect(y).toMatchObject({ consultations: 1, trainedOrganisations: 1, askingOrganisations: 1 });
    expect(f.followUp).toHaveLength(5);
    expect(orgId).toBeTruthy();
  });

  it('follows the caller’s area and exports a workbook', async () => {
    const coord = (await w.users.coordB.get('/api/learning/figures?nendo=2026')).body as F;
    expect(coord.totals.participants).toBe(0);
    const wb = await workbook(w.users.auditor, '/api/learning/figures/export?nendo=2026&lang=en');
    expect(wb.worksheets.map((s) => s.name)).toContain('Completion by session');
  });
});

describe('denied', () => {
  it('refuses learners, municipal and provider staff and other prefectures’ ids', async () => {
    for (const c of [w.users.municipal, w.users.provider, hanako.client]) {
      for (const path of [
        '/api/learning/roster',
        '/api/learning/roster/export',
        '/api/learning/figures',
        '/api/learning/supervise-pool',
      ]) {
        expect((await c.get(path)).status).toBe(403);
      }
      const put = await c.put(`/api/learning/roster/${hanako.userId}/status`, {
        version: 1,
        active: false,
        confirmedOn: '2026-10-02',
      });
      expect(put.status).toBe(403);
    }
    // The other prefecture's administrator sees an empty roster and no one of ours.
    const other = (await w.users.other.get('/api/learning/roster')).body as Roster;
    expect(other.rows).toEqual([]);
    const put = await w.users.other.put(`/api/learning/roster/${hanako.userId}/status`, {
      version: 1,
      active: false,
      confirmedOn: '2026-10-02',
    });
    expect(put.status).toBe(404);
    expect(
      (await w.users.other.get(`/api/learning/supervise-pool/proposal?centreId=${w.branch.id}&tags=medical`))
        .status,
    ).toBe(404);
    expect(
      (
        await w.users.auditor.put(`/api/learning/roster/${hanako.userId}/status`, {
          version: 1,
          active: false,
          confirmedOn: '2026-10-02',
        })
      ).status,
    ).toBe(403);
  });
});
