/**
 * Completion, certificates and the public check through the API: the rule per participant, issuing to all who
 * completed (audited), the PDF for the holder and for staff of the session only, revocation, re-issue, the
 * learner's own record, and the public check answering no more than serial, course, date and name.
 */
import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, trainingCompletions } from '../../db/schema';
import { isoDateInJapan } from '../../shared/dates';
import { nendoOf } from '../../shared/nendo';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { parseCertificateSerial } from './certificate-serial';
import { CERTIFICATE_CHECK_RATE_LIMIT } from './routes-certificates';
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
let jiro: Learner;

const tick = (client: TestClient, day: number, l: Learner, present: boolean) =>
  client.put(`/api/learning/sessions/${s.session.id}/days/${s.days[day]!.id}/attendance/${l.applicationId}`, {
    present,
  });
const completions = (client: TestClient) => client.get(`/api/learning/sessions/${s.session.id}/completions`);

beforeAll(async () => {
  t = await createTestApp({ publicUrl: 'https://tsunagu.example.lg.jp' });
  w = await attendanceWorld(t);
  s = await makeSessionWithDays(t, { ownerCentreId: w.branch.id, requireAssignment: true });
  hanako = await addLearner(t, s.session.id, '湘南 花子');
  taro = await addLearner(t, s.session.id, '藤沢 太郎');
  jiro = await addLearner(t, s.session.id, '茅ヶ崎 次郎');
  const staff = w.users.branchStaff;
  // 花子: both days and the assignment accepted. 太郎: both days, no assignment. 次郎: one day, assignment.
  for (const l of [hanako, taro])
    for (const d of [0, 1]) expect((await tick(staff, d, l, true)).status).toBe(200);
  await tick(staff, 0, jiro, true);
  await tick(staff, 1, jiro, false);
  for (const l of [hanako, jiro]) {
    await l.client.put(`/api/learning/me/applications/${l.applicationId}/assignment`, {
      body: '事例レポート',
    });
    await staff.put(`/api/learning/sessions/${s.session.id}/assignments/${l.applicationId}/acceptance`, {
      accepted: true,
    });
  }
}, 90_000);
afterAll(() => t.close());

describe('completion', () => {
  it('evaluates each participant against the course’s rule and says what is missing', async () => {
    const res = await completions(w.users.branchStaff);
    expect(res.status).toBe(200);
    expect(res.body.rule).toEqual({ allDays: true, allLessons: true, assignment: true });
    const by = (l: Learner) =>
      res.body.rows.find((r: { applicationId: string }) => r.applicationId === l.applicationId);
    expect(by(hanako)).toMatchObject({
      complete: true,
      gaps: [],
      daysPresent: 2,
      completedOn: expect.any(String),
    });
    expect(by(taro)).toMatchObject({ complete: false, gaps: ['assignment'], assignment: 'not_submitted' });
    expect(by(jiro)).toMatchObject({ complete: false, gaps: ['days'], daysPresent: 1, daysTotal: 2 });
    expect(by(hanako).certificate).toBeNull();
  });
});

describe('certificates', () => {
  let certificateId: string;
  let serial: string;

  it('issues to everyone who completed, with a valid serial for the completion’s 年度, audited', async () => {
    const res = await w.users.branchStaff.post(`/api/learning/sessions/${s.session.id}/certificates`, {});
    expect(res.status).toBe(200);
    expect(res.body.issued).toHaveLength(1);
    expect(res.body.issued[0].applicationId).toBe(hanako.applicationId);
    expect(res.body.skipped).toEqual([]);
    ({ certificateId, serial } = res.body.issued[0]);
    expect(parseCertificateSerial(serial)).toEqual({ ok: true, serial });
    const [row] = await t.db.systemDb
      .select()
      .from(trainingCompletions)
      .where(eq(trainingCompletions.id, certificateId));
    // The assignment was accepted after the last day: that is when the rule was met.
    expect(row!.completedOn).toBe(isoDateInJapan(t.clock.now()));
    expect(serial.startsWith(`${nendoOf(isoDateInJapan(t.clock.now()))}-`)).toBe(true);
    const audit = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'training_certificate'));
    expect(audit.some((a) => a.action === 'create' && a.entityIds.includes(certificateId))).toBe(true);
  });

  it('skips, with reasons, those named who have not completed or hold one already', async () => {
    const res = await w.users.admin.post(`/api/learning/sessions/${s.session.id}/certificates`, {
      applicationIds: [hanako.applicationId, taro.applicationId, '00000000-0000-4000-8000-000000000000'],
    });
    expect(res.body.issued).toEqual([]);
    expect(res.body.skipped).toEqual([
      { applicationId: hanako.applicationId, reason: 'already_issued' },
      { applicationId: taro.applicationId, reason: 'not_complete' },
      { applicationId: '00000000-0000-4000-8000-000000000000', reason: 'not_participant' },
    ]);
  });

  it('gives the PDF to its holder, with the facts and the check address in it', async () => {
    const res = await t.app.request(`/api/learning/certificates/${certificateId}.pdf`, {
      headers: { cookie: hanako.client.cookie!, 'x-forwarded-for': '192.0.2.10' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe('修了証 医療的ケア児等コーディネーター養成研修');
    expect(doc.getAuthor()).toBe('湘南支部');
    expect(doc.getSubject()).toBe(`修了証番号　${serial}`);
  });

  it('gives the PDF to staff of the session (audited as an export) and to no one else (404)', async () => {
    const path = `/api/learning/certificates/${certificateId}.pdf`;
    const before = (await t.db.systemDb.select().from(auditLog).where(eq(auditLog.action, 'export'))).length;
    const staff = await w.users.branchStaff.get(path);
    expect(staff.status).toBe(200);
    const after = (await t.db.systemDb.select().from(auditLog).where(eq(auditLog.action, 'export'))).length;
    expect(after).toBe(before + 1);
    expect((await w.users.admin.get(path)).status).toBe(200);
    for (const client of [taro.client, w.users.coordB, w.users.other, w.users.auditor]) {
      expect((await client.get(path)).status).toBe(404);
    }
    expect(
      (await taro.client.get('/api/learning/certificates/00000000-0000-4000-8000-000000000000.pdf')).status,
    ).toBe(404);
  });

  it('shows the learner their own record, and nobody else’s', async () => {
    const mine = await hanako.client.get('/api/learning/me/completions');
    expect(mine.body.holderName).toBe('湘南 花子');
    expect(mine.body.completions).toEqual([
      expect.objectContaining({
        id: certificateId,
        serial,
        courseTitle: '医療的ケア児等コーディネーター養成研修',
        courseKind: 'coordinator_course',
        sessionTitle: '令和8年度 第1回',
        completedOn: isoDateInJapan(t.clock.now()),
        centreName: '湘南支部',
      }),
    ]);
    expect((await taro.client.get('/api/learning/me/completions')).body.completions).toEqual([]);
    // A staff account has no learner record of its own.
    expect((await w.users.branchStaff.get('/api/learning/me/completions')).status).toBe(403);
  });

  it('confirms the serial publicly with only serial, course, date and name, however it is typed', async () => {
    const anon = new TestClient(t);
    const res = await anon.get(`/api/public/learning/certificates/${serial}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      serial,
      courseTitle: '医療的ケア児等コーディネーター養成研修',
      completedOn: isoDateInJapan(t.clock.now()),
      holderName: '湘南 花子',
    });
    const typed = encodeURIComponent(serial.toLowerCase().replace(/-/g, ' '));
    expect((await anon.get(`/api/public/learning/certificates/${typed}`)).body.serial).toBe(serial);
    const wrongCheck = serial.slice(0, -1) + (serial.endsWith('0') ? '1' : '0');
    expect((await anon.get(`/api/public/learning/certificates/${wrongCheck}`)).status).toBe(404);
    expect((await anon.get('/api/public/learning/certificates/2026-0000-0000-0000')).status).toBe(404);
  });

  it('revokes with a reason (audited); the public check and the PDF then stop; re-issuing gives a new serial', async () => {
    const noReason = await w.users.branchStaff.post(
      `/api/learning/certificates/${certificateId}/revocation`,
      {
        reason: ' ',
      },
    );
    expect(noReason.status).toBe(400);
    expect(
      (
        await w.users.coordB.post(`/api/learning/certificates/${certificateId}/revocation`, {
          reason: '誤発行',
        })
      ).status,
    ).toBe(404);
    const res = await w.users.branchStaff.post(`/api/learning/certificates/${certificateId}/revocation`, {
      reason: '出席記録の誤りのため',
    });
    expect(res.status).toBe(200);
    expect(res.body.revokedAt).not.toBeNull();
    const again = await w.users.branchStaff.post(`/api/learning/certificates/${certificateId}/revocation`, {
      reason: '重ねて',
    });
    expect(again.body.error.code).toBe('learning_certificate_revoked');
    expect((await new TestClient(t).get(`/api/public/learning/certificates/${serial}`)).status).toBe(404);
    expect((await hanako.client.get(`/api/learning/certificates/${certificateId}.pdf`)).status).toBe(409);
    expect((await hanako.client.get('/api/learning/me/completions')).body.completions).toEqual([]);

    const reissued = await w.users.branchStaff.post(`/api/learning/sessions/${s.session.id}/certificates`, {
      applicationIds: [hanako.applicationId],
    });
    expect(reissued.body.issued).toHaveLength(1);
    expect(reissued.body.issued[0].certificateId).toBe(certificateId);
    expect(reissued.body.issued[0].serial).not.toBe(serial);
    expect((await new TestClient(t).get(`/api/public/learning/certificates/${serial}`)).status).toBe(404);
    const fresh = reissued.body.issued[0].serial;
    expect((await new TestClient(t).get(`/api/public/learning/certificates/${fresh}`)).status).toBe(200);
  });

  it('keeps the completion screen and issuing from other owners and prefectures (404) and learners (403)', async () => {
    for (const client of [w.users.coordB, w.users.other]) {
      expect((await completions(client)).status).toBe(404);
      expect((await client.post(`/api/learning/sessions/${s.session.id}/certificates`, {})).status).toBe(404);
    }
    expect((await completions(hanako.client)).status).toBe(403);
    expect((await hanako.client.post(`/api/learning/sessions/${s.session.id}/certificates`, {})).status).toBe(
      403,
    );
  });

  it('limits the public check per address', async () => {
    const anon = new TestClient(t);
    anon.ip = '198.51.100.77';
    const statuses: number[] = [];
    for (let i = 0; i <= CERTIFICATE_CHECK_RATE_LIMIT.limit; i++) {
      statuses.push((await anon.get('/api/public/learning/certificates/2026-0000-0000-0000')).status);
    }
    expect(statuses.slice(0, -1).every((x) => x === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
