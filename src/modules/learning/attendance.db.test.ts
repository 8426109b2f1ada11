/**
 * Attendance and the assignment through the API: the sheet, ticks from two tablets, the roster rule, the
 * learner's submission and staff acceptance, and who may do what (404 outside scope).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import {
  type AttendanceWorld,
  addLearner,
  attendanceWorld,
  type Learner,
  makeSessionWithDays,
} from './testing-attendance';

let t: TestApp;
let w: AttendanceWorld;
let s: Awaited<ReturnType<typeof makeSessionWithDays>>;
let hanako: Learner;
let taro: Learner;
let waiting: Learner;

beforeAll(async () => {
  t = await createTestApp();
  w = await attendanceWorld(t);
  s = await makeSessionWithDays(t, { ownerCentreId: w.branch.id, requireAssignment: true });
  hanako = await addLearner(t, s.session.id, '湘南 花子');
  taro = await addLearner(t, s.session.id, '藤沢 太郎');
  waiting = await addLearner(t, s.session.id, '補欠 次郎', 'waiting');
}, 60_000);
afterAll(() => t.close());

const sheetPath = () => `/api/learning/sessions/${s.session.id}/attendance`;
const tickPath = (dayIndex: number, l: Learner) =>
  `/api/learning/sessions/${s.session.id}/days/${s.days[dayIndex]!.id}/attendance/${l.applicationId}`;

describe('attendance', () => {
  it('gives the sheet: days in order, the roster by name (not the waiting list), no marks yet', async () => {
    const res = await w.users.branchStaff.get(sheetPath());
    expect(res.status).toBe(200);
    expect(res.body.session).toMatchObject({ title: '令和8年度 第1回', courseKind: 'coordinator_course' });
    expect(res.body.days.map((d: { heldOn: string }) => d.heldOn)).toEqual(['2026-06-01', '2026-06-08']);
    expect(res.body.days[0]).toMatchObject({ startsAt: '09:30', endsAt: '16:30', partTitle: '1日目 講義' });
    expect(res.body.participants.map((p: { name: string }) => p.name).sort()).toEqual([
      '湘南 花子',
      '藤沢 太郎',
    ]);
    expect(res.body.marks).toEqual([]);
    expect(res.body.canRecord).toBe(true);
  });

  it('records a tick, with who and when, and writes an audit entry', async () => {
    const res = await w.users.branchStaff.put(tickPath(0, hanako), { present: true, seenRecordedAt: null });
    expect(res.status).toBe(200);
    expect(res.body.mark).toMatchObject({ present: true, applicationId: hanako.applicationId });
    expect(res.body.mark.recordedByName).toBe('centre_staff user');
    const entries = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'training_attendance'), eq(auditLog.action, 'update')));
    expect(entries.some((e) => e.entityIds.includes(hanako.applicationId))).toBe(true);
  });

  it('two tablets ticking different people both keep their ticks', async () => {
    t.clock.advance(1000);
    const [a, b] = await Promise.all([
      w.users.branchStaff.put(tickPath(1, hanako), { present: true, seenRecordedAt: null }),
      w.users.admin.put(tickPath(1, taro), { present: false, seenRecordedAt: null }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const sheet = await w.users.admin.get(sheetPath());
    const day2 = sheet.body.marks.filter((m: { dayId: string }) => m.dayId === s.days[1]!.id);
    expect(day2).toHaveLength(2);
    expect(day2.find((m: { applicationId: string }) => m.applicationId === taro.applicationId).present).toBe(
      false,
    );
  });

  it('a tick on a cell a colleague changed since the screen loaded is refused with the current mark', async () => {
    t.clock.advance(1000);
    const first = await w.users.admin.put(tickPath(0, taro), { present: true, seenRecordedAt: null });
    expect(first.status).toBe(200);
    // The branch tablet still shows no mark for this cell.
    const stale = await w.users.branchStaff.put(tickPath(0, taro), { present: false, seenRecordedAt: null });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.detail.mark).toMatchObject({
      present: true,
      recordedByName: 'centre_admin user',
    });
    // Having seen it, the tablet may change it.
    t.clock.advance(1000);
    const seen = await w.users.branchStaff.put(tickPath(0, taro), {
      present: false,
      seenRecordedAt: first.body.mark.recordedAt,
    });
    expect(seen.status).toBe(200);
    expect(seen.body.mark.present).toBe(false);
    // Clearing a mark.
    t.clock.advance(1000);
    const cleared = await w.users.branchStaff.put(tickPath(0, taro), {
      present: null,
      seenRecordedAt: seen.body.mark.recordedAt,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.mark).toBeNull();
  });

  it('answers 404 for a participant not on the roster, a day of another session and an unknown id', async () => {
    expect((await w.users.branchStaff.put(tickPath(0, waiting), { present: true })).status).toBe(404);
    const other = await makeSessionWithDays(t, { ownerCentreId: w.branch.id });
    const foreignDay = `/api/learning/sessions/${s.session.id}/days/${other.days[0]!.id}/attendance/${hanako.applicationId}`;
    expect((await w.users.branchStaff.put(foreignDay, { present: true })).status).toBe(404);
    const bogus = `/api/learning/sessions/${s.session.id}/days/nope/attendance/${hanako.applicationId}`;
    expect((await w.users.branchStaff.put(bogus, { present: true })).status).toBe(404);
  });

  it('keeps the sheet from staff outside the session’s owner, other prefectures and learners', async () => {
    for (const client of [w.users.coordB, w.users.other]) {
      expect((await client.get(sheetPath())).status).toBe(404);
      expect((await client.put(tickPath(0, hanako), { present: false })).status).toBe(404);
    }
    // Roles without staff access to learning are refused outright (403), like every staff learning endpoint.
    for (const client of [w.users.municipal, w.users.provider, hanako.client]) {
      expect((await client.get(sheetPath())).status).toBe(403);
      expect((await client.put(tickPath(0, hanako), { present: false })).status).toBe(403);
    }
    // The auditor is read-only everywhere.
    expect((await w.users.auditor.put(tickPath(0, hanako), { present: false })).status).toBe(403);
  });

  it('puts everyone who applied on the roster of a session without a capacity, only the selected otherwise', async () => {
    const capped = await makeSessionWithDays(t, { ownerCentreId: w.branch.id, capacity: 20 });
    const a = await addLearner(t, capped.session.id, '選考 待子', 'applied');
    const b = await addLearner(t, capped.session.id, '受講 決子', 'selected');
    const sheet = await w.users.branchStaff.get(`/api/learning/sessions/${capped.session.id}/attendance`);
    const ids = sheet.body.participants.map((p: { applicationId: string }) => p.applicationId);
    expect(ids).toEqual([b.applicationId]);
    expect(ids).not.toContain(a.applicationId);
  });
});

describe('the assignment', () => {
  const mine = (l: Learner) => `/api/learning/me/applications/${l.applicationId}/assignment`;
  const acceptance = (l: Learner) =>
    `/api/learning/sessions/${s.session.id}/assignments/${l.applicationId}/acceptance`;

  it('the learner submits and revises it; staff accept it; then it is closed to changes', async () => {
    const first = await hanako.client.put(mine(hanako), {
      body: '事例：在宅で人工呼吸器を使う5歳児の就園支援',
    });
    expect(first.status).toBe(200);
    expect(first.body.state).toBe('submitted');
    const revised = await hanako.client.put(mine(hanako), {
      body: '事例（改訂）：就園に向けた調整会議の記録',
    });
    expect(revised.body.body).toBe('事例（改訂）：就園に向けた調整会議の記録');
    const accepted = await w.users.branchStaff.put(acceptance(hanako), { accepted: true });
    expect(accepted.status).toBe(200);
    expect(accepted.body.state).toBe('accepted');
    const late = await hanako.client.put(mine(hanako), { body: 'もう一度' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('learning_assignment_accepted');
    const back = await w.users.branchStaff.put(acceptance(hanako), { accepted: false });
    expect(back.body.state).toBe('submitted');
    await w.users.branchStaff.put(acceptance(hanako), { accepted: true });
  });

  it('cannot be accepted before it is submitted; an empty body is refused', async () => {
    const res = await w.users.branchStaff.put(acceptance(taro), { accepted: true });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('learning_assignment_missing');
    expect((await taro.client.put(mine(taro), { body: '   ' })).status).toBe(400);
  });

  it('a learner cannot submit for another learner’s application (404), nor staff of another owner accept', async () => {
    expect((await taro.client.put(mine(hanako), { body: '他人の課題' })).status).toBe(404);
    expect((await waiting.client.put(mine(waiting), { body: '補欠' })).status).toBe(404);
    expect((await w.users.coordB.put(acceptance(hanako), { accepted: false })).status).toBe(404);
    expect((await w.users.other.put(acceptance(hanako), { accepted: false })).status).toBe(404);
  });

  it('lists the learner’s assignments with where each stands', async () => {
    const res = await hanako.client.get('/api/learning/me/completions');
    expect(res.status).toBe(200);
    expect(res.body.assignments).toEqual([
      expect.objectContaining({ applicationId: hanako.applicationId, state: 'accepted' }),
    ]);
    const other = await taro.client.get('/api/learning/me/completions');
    expect(other.body.assignments[0]).toMatchObject({
      applicationId: taro.applicationId,
      state: 'not_submitted',
    });
  });
});
