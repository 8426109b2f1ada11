import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages } from '../../db/schema';
import { DIVISIONS, type Division } from '../../shared/vocab/network';
import type { TestClient } from '../../test/app';
import { signedInUser } from '../../test/sign-in';
import { type ConsultationWorld, consultationWorld, intake } from '../consultations/testing';
import { type MailTestApp, mailTestApp } from '../mail/testing-mail-app';
import { runDigests } from './digest';

/**
 * The daily digest across the four municipal divisions (母子保健・障害福祉・保育・教育) of one municipality, read
 * at a real SMTP server: each division's staff member gets only their own overdue follow-ups and next actions due,
 * never a colleague's or the municipality's whole list; the one with nothing due gets no mail. Counts and links
 * only — no case subject or narrative.
 */
let m: MailTestApp;
let w: ConsultationWorld;
type Staff = { id: string; email: string; client: TestClient };
const staff = {} as Record<Division, Staff>;
/** Monday 7 December 2026, 21:00 in Japan: the cases are written the evening before the digest. */
const MONDAY_EVENING = new Date('2026-12-07T12:00:00Z');
/** Tuesday 8 December 2026, 07:30 in Japan: a working morning. */
const TUESDAY_0730 = new Date('2026-12-07T22:30:00Z');
const SUBJECTS = ['母子手帳と訪問指導', '障害福祉サービスの申請', '保育園の看護師配置', '学校の付添い'];

async function caseOf(
  d: Division,
  subject: string,
  dates: { nextActionOn?: string; referralFollowUpOn?: string },
) {
  const me = staff[d];
  const c = await intake(me.client, { subject });
  const patched = await me.client.patch(`/api/consultations/${c.id}`, {
    version: c.version,
    assignedUserId: me.id,
    ...(dates.nextActionOn ? { nextActionOn: dates.nextActionOn } : {}),
  });
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  if (dates.referralFollowUpOn) {
    const referred = await me.client.post(`/api/consultations/${c.id}/actions`, {
      kind: 'referral',
      resourceText: '相談支援事業所あおば',
      followUpOn: dates.referralFollowUpOn,
      minutes: 10,
    });
    expect(referred.status, JSON.stringify(referred.body)).toBe(201);
  }
  return c.id;
}

beforeAll(async () => {
  m = await mailTestApp();
  m.t.clock.current = MONDAY_EVENING;
  w = await consultationWorld(m.t);
  for (const d of DIVISIONS) {
    const { user, client } = await signedInUser(m.t, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142051',
      division: d,
    });
    staff[d] = { id: user.id, email: user.email, client };
    const chose = await client.patch('/api/notifications/mail-preferences', {
      version: 0,
      choices: { work_reminders: 'digest' },
    });
    expect(chose.status).toBe(200);
  }
}, 90_000);
afterAll(() => m.close());

describe('the daily digest of the four divisions', () => {
  it('gives each division’s staff only their own cases due; nothing to the one with none', async () => {
    // 母子保健: a next action past due. 障害福祉: one past due and a referral whose follow-up is past.
    // 保育: a next action due on the digest's day. 教育: nothing of their own, while the municipality's
    // general staff (no division) has a case overdue that nobody in a division may be told of as theirs.
    await caseOf('maternal_child_health', SUBJECTS[0]!, { nextActionOn: '2026-12-04' });
    await caseOf('disability_welfare', SUBJECTS[1]!, { nextActionOn: '2026-12-03' });
    await caseOf('disability_welfare', SUBJECTS[1]!, { referralFollowUpOn: '2026-12-01' });
    await caseOf('childcare', SUBJECTS[2]!, { nextActionOn: '2026-12-08' });
    const general = await intake(w.users.fujisawa.client, { subject: SUBJECTS[3] });
    expect(
      (
        await w.users.fujisawa.client.patch(`/api/consultations/${general.id}`, {
          version: general.version,
          assignedUserId: w.users.fujisawa.id,
          nextActionOn: '2026-12-02',
        })
      ).status,
    ).toBe(200);

    expect(await runDigests(m.t.db.systemDb, m.settings, '14', TUESDAY_0730)).toMatchObject({ sent: 3 });
    m.t.clock.current = TUESDAY_0730;
    const got = await m.drain();
    const digestOf = (d: Division) => got.filter((g) => g.to.includes(staff[d].email));
    const only = (d: Division) => {
      const mails = digestOf(d);
      expect(mails, d).toHaveLength(1);
      expect(mails[0]!.subject).toBe('【つなぐ】令和8年12月8日のまとめ');
      return mails[0]!.text;
    };

    const mch = only('maternal_child_health');
    expect(mch).toContain('期限を過ぎた相談（次の対応・フォローアップ）: 1件');
    expect(mch).not.toContain('今日が期限の相談');
    expect(mch).toContain('https://tsunagu.example.lg.jp/consultations?view=overdue');

    const welfare = only('disability_welfare');
    expect(welfare).toContain('期限を過ぎた相談（次の対応・フォローアップ）: 2件');
    expect(welfare).not.toContain('今日が期限の相談');

    const care = only('childcare');
    expect(care).toContain('今日が期限の相談: 1件');
    expect(care).not.toContain('期限を過ぎた相談');

    expect(digestOf('education')).toEqual([]);
    const educationMail = await m.t.db.systemDb
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.recipientUserId, staff.education.id));
    expect(educationMail).toEqual([]);

    expect(care).toContain('https://tsunagu.example.lg.jp/consultations?view=mine');
    for (const text of [mch, welfare, care]) {
      for (const subject of SUBJECTS) expect(text).not.toContain(subject);
      expect(text).not.toContain('相談支援事業所あおば');
    }
    // Exactly three mails this morning: none to the municipality's general staff, who chose no digest.
    expect(got).toHaveLength(3);
  });
});
