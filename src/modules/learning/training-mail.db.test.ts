/**
 * Training messages by mail (decision 0032), read at a real SMTP server: selection results in each learner's
 * language with the same sentence as the in-app notification, the certificate issued, and the reminder a few
 * days before a session — once per learner and session however often the job runs. With mail off the same
 * actions queue nothing.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages, notificationMailPreferences, users } from '../../db/schema';
import { addDays, isoDateInJapan } from '../../shared/dates';
import { createTestApp } from '../../test/app';
import { linkIn, type MailTestApp, mailTestApp } from '../mail/testing-mail-app';
import { REMIND_DAYS_BEFORE, remindLearners } from './reminder-job';
import { type AttendanceWorld, addLearner, attendanceWorld, makeSessionWithDays } from './testing-attendance';

let m: MailTestApp;
let w: AttendanceWorld;

beforeAll(async () => {
  m = await mailTestApp();
  w = await attendanceWorld(m.t);
}, 90_000);
afterAll(() => m.close());

describe('training messages by mail', () => {
  it('mails each applicant their selection result in their own language, as the notification says it', async () => {
    const { session } = await makeSessionWithDays(m.t, { capacity: 1 });
    const first = await addLearner(m.t, session.id, '受講 一郎');
    const second = await addLearner(m.t, session.id, 'Jiro Juko');
    await m.t.db.systemDb.update(users).set({ locale: 'en' }).where(eq(users.id, second.userId));
    await m.drain();
    expect(
      (
        await w.users.admin.post(`/api/learning/sessions/${session.id}/selection`, {
          selectionVersion: 0,
          seed: '00000000000000aa',
        })
      ).status,
    ).toBe(200);
    expect(await m.drain()).toEqual([]); // a run is not an announcement: nobody is told yet
    expect(
      (await w.users.admin.post(`/api/learning/sessions/${session.id}/selection/announce`, { version: 1 }))
        .status,
    ).toBe(200);
    const got = await m.drain();
    expect(got).toHaveLength(2);
    const [emailOf1] = await m.t.db.systemDb.select().from(users).where(eq(users.id, first.userId));
    const ja = got.find((g) => g.to[0] === emailOf1!.email)!;
    const en = got.find((g) => g.to[0] !== emailOf1!.email)!;
    expect(ja.subject).toBe('【つなぐ】研修の受講についてのお知らせ');
    expect(en.subject).toBe('[Tsunagu] About your training application');
    expect(ja.text).toContain('受講 一郎 様');
    expect(en.text).toContain('Dear Jiro Juko');
    const sentences = [ja.text, en.text].join('\n');
    expect(sentences).toMatch(/「令和8年度 第1回」(の受講が決まりました|は補欠1番です)/);
    expect(sentences).toMatch(
      /(You have a seat in|You are number 1 on the waiting list of) “令和8年度 第1回”/,
    );
    // Neither mail names the other applicant.
    expect(ja.text).not.toContain('Jiro');
    expect(en.text).not.toContain('一郎');
    expect(linkIn(ja.text)).toBe('/learning/me');
  });

  it('tells a learner who asked for notification mail once: the result mail, no second notification mail', async () => {
    const { session } = await makeSessionWithDays(m.t, { capacity: 1 });
    const keen = await addLearner(m.t, session.id, '通知 希望');
    // A choice kept from before training results had their own mail; the account page no longer offers it.
    await m.t.db.systemDb
      .insert(notificationMailPreferences)
      .values({ userId: keen.userId, choices: { learning: 'immediate' } as never });
    const prefs = await keen.client.get('/api/notifications/mail-preferences');
    expect([prefs.status, prefs.body.kinds]).toEqual([200, []]);
    expect(
      (
        await keen.client.patch('/api/notifications/mail-preferences', {
          version: 1,
          choices: { learning: 'immediate' },
        })
      ).status,
    ).toBe(400);
    await m.drain();
    await w.users.admin.post(`/api/learning/sessions/${session.id}/selection`, { selectionVersion: 0 });
    expect(
      (await w.users.admin.post(`/api/learning/sessions/${session.id}/selection/announce`, { version: 1 }))
        .status,
    ).toBe(200);
    const got = await m.drain();
    const [address] = await m.t.db.systemDb.select().from(users).where(eq(users.id, keen.userId));
    expect(got.filter((g) => g.to[0] === address!.email).map((g) => g.subject)).toEqual([
      '【つなぐ】研修の受講についてのお知らせ',
    ]);
    const rows = await m.t.db.systemDb
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.recipientUserId, keen.userId));
    expect(rows.map((r) => r.kind)).toEqual(['training_result']);
  });

  it('mails the holder when a certificate is issued, with the course and serial', async () => {
    const s = await makeSessionWithDays(m.t, { ownerCentreId: w.branch.id });
    const hanako = await addLearner(m.t, s.session.id, '湘南 花子', 'selected');
    for (const d of s.days)
      await w.users.branchStaff.put(
        `/api/learning/sessions/${s.session.id}/days/${d.id}/attendance/${hanako.applicationId}`,
        { present: true },
      );
    await m.drain();
    const res = await w.users.branchStaff.post(`/api/learning/sessions/${s.session.id}/certificates`, {});
    expect(res.status).toBe(200);
    const serial = res.body.issued[0].serial as string;
    const [mail, ...more] = await m.drain();
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('【つなぐ】修了証が発行されました');
    expect(mail!.text).toContain(`「医療的ケア児等コーディネーター養成研修」の修了証（番号 ${serial}）`);
  });

  it('reminds seat holders a few days before the first day, once each; not the waiting, not later sessions', async () => {
    const today = isoDateInJapan(m.t.clock.now());
    const soon = await makeSessionWithDays(m.t, {
      days: [addDays(today, REMIND_DAYS_BEFORE), addDays(today, 10)],
    });
    const later = await makeSessionWithDays(m.t, { days: [addDays(today, REMIND_DAYS_BEFORE + 5)] });
    await addLearner(m.t, soon.session.id, '座席 あり', 'selected');
    await addLearner(m.t, soon.session.id, '補欠 さん', 'waiting');
    await addLearner(m.t, later.session.id, '先の 研修', 'selected');
    await m.drain();
    expect(await remindLearners(m.t.db.systemDb, m.settings, '14', m.t.clock.now())).toBe(1);
    expect(await remindLearners(m.t.db.systemDb, m.settings, '14', m.t.clock.now())).toBe(0);
    const [mail, ...more] = await m.drain();
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('【つなぐ】研修のご案内：令和8年度 第1回');
    expect(mail!.text).toContain('座席 あり 様');
    expect(mail!.text).toContain('会場：かながわ県民センター 301会議室');
    expect(mail!.text).toMatch(/日程：令和\d+年\d+月\d+日（[日月火水木金土]） 09:30/);
  });
});

describe('training messages with mail off', () => {
  it('announces results and reminds nobody by mail: the outbox stays empty', async () => {
    const off = await createTestApp();
    try {
      const ow = await attendanceWorld(off);
      const today = isoDateInJapan(off.clock.now());
      const { session } = await makeSessionWithDays(off, { capacity: 1, days: [addDays(today, 2)] });
      await addLearner(off, session.id, '受講 一郎');
      await ow.users.admin.post(`/api/learning/sessions/${session.id}/selection`, { selectionVersion: 0 });
      expect(
        (await ow.users.admin.post(`/api/learning/sessions/${session.id}/selection/announce`, { version: 1 }))
          .status,
      ).toBe(200);
      expect(await remindLearners(off.db.systemDb, undefined, '14', off.clock.now())).toBe(0);
      expect(await off.db.systemDb.select().from(mailMessages)).toEqual([]);
    } finally {
      await off.close();
    }
  });
});
