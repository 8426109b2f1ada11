import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  auditLog,
  councilActionItems,
  councilBodies,
  councilMeetings,
  mailMessages,
  notificationDigests,
  notificationMailPreferences,
  notifications,
} from '../../db/schema';
import { queueScheduledJobs } from '../../jobs/schedule';
import { createLogger } from '../../server/logger';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { makeUser } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { type ConsultationWorld, consultationWorld, intake } from '../consultations/testing';
import { drainMail } from '../mail/sender';
import type { MailSettings } from '../mail/settings';
import { startTestSmtp, type TestSmtp } from '../mail/test-smtp';
import { smtpTransport } from '../mail/transport';
import { runDigests } from './digest';
import { DIGEST_EVERY_MS, DIGEST_JOB_KIND } from './digest-job';
import { withMailSettings } from './mail-context';
import { notify } from './notify';

/**
 * Notifications by mail (decision 0030): each user's choices per kind (saved under a version, refused for a kind
 * the account does not receive), a mail at once queued in the notification's own transaction, and the daily
 * digest — once per user and day even when two runs race, nothing when there is nothing to say — read at a real
 * SMTP server: addresses, subject, links, and no case or child in the text.
 */
const PUBLIC = 'https://tsunagu.example.lg.jp';
const NARRATIVE = '人工呼吸器を使う3歳の子の保育園入園について、看護師の配置がある園を知りたい。';
/** Tuesday 8 December 2026, 07:30 in Japan: a working morning. */
const TUESDAY_0730 = new Date('2026-12-07T22:30:00Z');
let t: TestApp;
let smtp: TestSmtp;
let settings: MailSettings;
let w: ConsultationWorld;

async function drain() {
  const before = smtp.received.length;
  const transport = smtpTransport(settings);
  try {
    await drainMail(t.db.systemDb, { transport, settings, now: t.clock.now, log: createLogger('silent') });
  } finally {
    transport.close();
  }
  return smtp.received.slice(before);
}

async function choose(userId: string, choices: Record<string, string>) {
  await t.db.systemDb
    .insert(notificationMailPreferences)
    .values({ userId, choices })
    .onConflictDoUpdate({ target: notificationMailPreferences.userId, set: { choices } });
}

const mailsTo = (userId: string) =>
  t.db.systemDb.select().from(mailMessages).where(eq(mailMessages.recipientUserId, userId));

beforeAll(async () => {
  smtp = await startTestSmtp();
  settings = {
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    user: undefined,
    password: undefined,
    from: { name: 'つなぐ', address: 'no-reply@example.lg.jp' },
    publicUrl: PUBLIC,
    timeoutMs: 2_000,
  };
  t = await createTestApp({ mail: settings, publicUrl: PUBLIC });
  w = await consultationWorld(t);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});
beforeEach(() => {
  t.clock.current = new Date();
});

describe('mail preferences', () => {
  it('lists the kinds of the role, all off; saves a change under its version, audited', async () => {
    const { client, user } = await signedInUser(t, 'centre_staff', { prefectureCode: '14' });
    const first = await client.get('/api/notifications/mail-preferences');
    expect(first.status).toBe(200);
    expect(first.body.mailOn).toBe(true);
    expect(first.body.version).toBe(0);
    const kinds = first.body.kinds.map((k: { kind: string }) => k.kind);
    expect(kinds).toContain('consultation_handoff');
    expect(kinds).not.toContain('child_moved_in'); // only municipal staff hear of a move-in
    expect(first.body.kinds.every((k: { delivery: string }) => k.delivery === 'off')).toBe(true);
    const reminders = first.body.kinds.find((k: { kind: string }) => k.kind === 'work_reminders');
    expect(reminders.deliveries).toEqual(['off', 'digest']);

    const saved = await client.patch('/api/notifications/mail-preferences', {
      version: 0,
      choices: { consultation_handoff: 'immediate', work_reminders: 'digest' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    const byKind = Object.fromEntries(
      saved.body.kinds.map((k: { kind: string; delivery: string }) => [k.kind, k.delivery]),
    );
    expect(byKind).toMatchObject({
      consultation_handoff: 'immediate',
      work_reminders: 'digest',
      consultation_assigned: 'off',
    });
    const audit = await t.db.systemDb.select().from(auditLog).where(eq(auditLog.actorUserId, user.id));
    expect(audit.map((a) => a.detail)).toContainEqual({
      event: 'notification_mail_preferences',
      choices: { consultation_handoff: 'immediate', work_reminders: 'digest' },
    });

    // A second change keeps the kinds it leaves out.
    const again = await client.patch('/api/notifications/mail-preferences', {
      version: 1,
      choices: { consultation_handoff: 'digest' },
    });
    expect(again.body.version).toBe(2);
    const [row] = await t.db.systemDb
      .select()
      .from(notificationMailPreferences)
      .where(eq(notificationMailPreferences.userId, user.id));
    expect(row!.choices).toEqual({ consultation_handoff: 'digest', work_reminders: 'digest' });
  });

  it('refuses a stale version (409), a kind the account does not receive and reminders at once (400), changing nothing', async () => {
    const { client, user } = await signedInUser(t, 'centre_staff', { prefectureCode: '14' });
    await client.patch('/api/notifications/mail-preferences', {
      version: 0,
      choices: { consultation_assigned: 'digest' },
    });
    const stale = await client.patch('/api/notifications/mail-preferences', {
      version: 0,
      choices: { consultation_assigned: 'immediate' },
    });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'conflict']);
    for (const choices of [
      { child_moved_in: 'immediate' },
      { nonsense: 'digest' },
      { work_reminders: 'immediate' },
    ]) {
      const bad = await client.patch('/api/notifications/mail-preferences', { version: 1, choices });
      expect([bad.status, bad.body.error.code], JSON.stringify(choices)).toEqual([400, 'validation_failed']);
      expect(bad.body.error.issues[0].ja).toBeTruthy();
      expect(bad.body.error.issues[0].en).toBeTruthy();
    }
    const wrongDelivery = await client.patch('/api/notifications/mail-preferences', {
      version: 1,
      choices: { consultation_assigned: 'hourly' },
    });
    expect(wrongDelivery.status).toBe(400);
    const [row] = await t.db.systemDb
      .select()
      .from(notificationMailPreferences)
      .where(eq(notificationMailPreferences.userId, user.id));
    expect([row!.version, row!.choices]).toEqual([1, { consultation_assigned: 'digest' }]);
  });

  it('denied: signed out is 401; an auditor receives no kind and can choose none', async () => {
    const anon = new TestClient(t);
    expect((await anon.get('/api/notifications/mail-preferences')).status).toBe(401);
    const { client } = await signedInUser(t, 'auditor', { prefectureCode: '14' });
    const mine = await client.get('/api/notifications/mail-preferences');
    expect(mine.body.kinds).toEqual([]);
    const bad = await client.patch('/api/notifications/mail-preferences', {
      version: 0,
      choices: { consultation_assigned: 'immediate' },
    });
    expect(bad.status).toBe(400);
  });
});

describe('a notification mailed at once', () => {
  it('is queued with the notification when a case is assigned, and says nothing of the case', async () => {
    const colleague = await signedInUser(t, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142051',
    });
    const quiet = await signedInUser(t, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142051',
    });
    await choose(colleague.user.id, { consultation_assigned: 'immediate' });
    const c = await intake(w.users.fujisawa.client);
    const moved = await w.users.fujisawa.client.patch(`/api/consultations/${c.id}`, {
      version: c.version,
      assignedUserId: colleague.user.id,
    });
    expect(moved.status).toBe(200);
    const got = await drain();
    expect(got.map((m) => m.to)).toEqual([[colleague.user.email]]);
    expect(got[0]!.subject).toBe('【つなぐ】新しいお知らせがあります');
    expect(got[0]!.text).toContain(`${PUBLIC}/notifications`);
    expect(got[0]!.text).not.toContain(NARRATIVE);
    expect(got[0]!.text).not.toContain(c.id);
    expect(await mailsTo(quiet.user.id)).toEqual([]);
  });

  it('rolls back with the notification; a municipality’s notification mails its staff who chose so', async () => {
    const staff = await makeUser(t.db.systemDb, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142077',
    });
    await choose(staff.id, { child_moved_in: 'immediate' });
    const note = {
      prefectureCode: '14',
      recipientMunicipalityCode: '142077',
      kind: 'child_moved_in',
      titleJa: '転入',
      titleEn: 'Moved in',
      at: t.clock.now(),
    };
    await expect(
      withMailSettings(settings, () =>
        t.db.systemDb.transaction(async (tx) => {
          await notify(tx, note);
          expect(
            await tx.select().from(mailMessages).where(eq(mailMessages.recipientUserId, staff.id)),
          ).toHaveLength(1);
          throw new Error('the change failed');
        }),
      ),
    ).rejects.toThrow('the change failed');
    expect(await mailsTo(staff.id)).toEqual([]);
    expect(
      await t.db.systemDb
        .select()
        .from(notifications)
        .where(eq(notifications.recipientMunicipalityCode, '142077')),
    ).toEqual([]);

    await withMailSettings(settings, () => t.db.systemDb.transaction((tx) => notify(tx, note)));
    expect((await mailsTo(staff.id)).map((m) => [m.kind, m.status])).toEqual([['notification', 'queued']]);
    // Outside a request or job (mail context) nothing is mailed: the in-app notification alone.
    await t.db.systemDb.transaction((tx) => notify(tx, note));
    expect(await mailsTo(staff.id)).toHaveLength(1);
  });
});

describe('the daily digest', () => {
  it('writes one digest per user and day even when two runs race; counts and links only', async () => {
    const db = t.db.systemDb;
    t.clock.current = new Date('2026-12-07T12:00:00Z');
    const me = await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142051' });
    await choose(me.user.id, { consultation_request: 'digest', work_reminders: 'digest' });
    // Three requests reach the municipality's inbox the day before, one is already read; a case of mine is overdue.
    for (let i = 0; i < 3; i++)
      await notify(db, {
        prefectureCode: '14',
        recipientMunicipalityCode: '142051',
        kind: 'consultation_public_request',
        text: { code: 'consultation_public_request' },
        at: t.clock.now(),
      });
    const c = await intake(me.client);
    const due = await me.client.patch(`/api/consultations/${c.id}`, {
      version: c.version,
      assignedUserId: me.user.id,
      nextActionOn: '2026-12-04',
    });
    expect(due.status).toBe(200);
    // A council action item of mine due today.
    const [body] = await db
      .insert(councilBodies)
      .values({ prefectureCode: '14', kind: 'prefectural_council', name: '検討会議' })
      .returning();
    const [meeting] = await db
      .insert(councilMeetings)
      .values({
        bodyId: body!.id,
        prefectureCode: '14',
        title: '第1回',
        startsAt: new Date('2026-11-01T05:00:00Z'),
        endsAt: new Date('2026-11-01T06:00:00Z'),
      })
      .returning();
    await db.insert(councilActionItems).values({
      meetingId: meeting!.id,
      bodyId: body!.id,
      prefectureCode: '14',
      title: '資料の準備',
      ownerUserId: me.user.id,
      dueOn: '2026-12-08',
    });
    const [read] = await db
      .select()
      .from(notifications)
      .where(eq(notifications.recipientMunicipalityCode, '142051'));
    await me.client.post(`/api/notifications/${read!.id}/read`, {});

    // Before 07:00 and on a closed day nothing is written.
    expect(await runDigests(db, settings, '14', new Date('2026-12-07T21:30:00Z'))).toEqual({
      skipped: 'before_hour',
    });
    expect(await runDigests(db, settings, '14', new Date('2026-12-12T00:00:00Z'))).toEqual({
      skipped: 'closed_day',
    });
    expect(await runDigests(db, undefined, '14', TUESDAY_0730)).toEqual({ skipped: 'mail_off' });

    const [a, b] = await Promise.all([
      runDigests(db, settings, '14', TUESDAY_0730),
      runDigests(db, settings, '14', TUESDAY_0730),
    ]);
    const sent = (r: typeof a) => ('sent' in r ? r.sent : 0);
    expect(sent(a) + sent(b)).toBe(1);
    const rows = await db
      .select()
      .from(notificationDigests)
      .where(eq(notificationDigests.userId, me.user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.day).toBe('2026-12-08');
    expect(await mailsTo(me.user.id)).toHaveLength(1);

    t.clock.current = TUESDAY_0730;
    const got = (await drain()).filter((m) => m.to.includes(me.user.email));
    expect(got).toHaveLength(1);
    expect(got[0]!.subject).toBe('【つなぐ】令和8年12月8日のまとめ');
    const text = got[0]!.text;
    expect(text).toContain('相談の受付・エスカレーション（担当チームへの新しい相談）: 2件');
    expect(text).toContain(`${PUBLIC}/notifications`);
    expect(text).toContain('期限を過ぎた相談（次の対応・フォローアップ）: 1件');
    expect(text).toContain(`${PUBLIC}/consultations?view=overdue`);
    expect(text).toContain('今日が期限の協議の場の宿題: 1件');
    expect(text).toContain(`${PUBLIC}/councils/action-items`);
    expect(text).not.toContain(NARRATIVE);
    expect(text).not.toContain('資料の準備');

    // A later run the same morning writes nothing more.
    expect(await runDigests(db, settings, '14', new Date('2026-12-08T01:00:00Z'))).toMatchObject({ sent: 0 });
    expect(await mailsTo(me.user.id)).toHaveLength(1);
  });

  it('sends nothing when there is nothing to say, and runs as the scheduled job', async () => {
    const db = t.db.systemDb;
    const idle = await makeUser(db, 'centre_staff', { prefectureCode: '43' });
    await choose(idle.id, { consultation_handoff: 'digest', work_reminders: 'digest' });
    const wednesday = new Date('2026-12-08T23:00:00Z');
    t.clock.current = wednesday;
    expect(
      await queueScheduledJobs(db, [{ kind: DIGEST_JOB_KIND, everyMs: DIGEST_EVERY_MS }], wednesday),
    ).toBeGreaterThan(0);
    await t.deps.jobs.drain();
    expect(await mailsTo(idle.id)).toEqual([]);
    const [row] = await db
      .select()
      .from(notificationDigests)
      .where(and(eq(notificationDigests.userId, idle.id), eq(notificationDigests.day, '2026-12-09')));
    expect([row!.items, row!.mailMessageId]).toEqual([0, null]);
  });
});
