import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages, users } from '../../db/schema';
import { createLogger } from '../../server/logger';
import { CARE_ITEM_SHORT_LABELS } from '../../shared/vocab/care-items';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { makeChild, makePrefecture, makeUser } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { queueMail } from './outbox';
import { drainMail } from './sender';
import type { MailSettings } from './settings';
import { startSilentServer, startTestSmtp, type TestSmtp } from './test-smtp';
import { smtpTransport } from './transport';

/**
 * Outgoing mail end to end against a real SMTP server started here: what arrives (addresses, subject, language,
 * the link, and nothing of a child), a relay that refuses or hangs (the message stays queued and is retried), a
 * 5xx refusal (bounced, shown to administrators, resent), header injection refused.
 */
const PUBLIC = 'https://tsunagu.example.lg.jp';
let t: TestApp;
let smtp: TestSmtp;
let settings: MailSettings;
let admin: TestClient;
const log = createLogger('silent');

const settingsFor = (port: number, timeoutMs = 2_000): MailSettings => ({
  host: '127.0.0.1',
  port,
  secure: false,
  user: undefined,
  password: undefined,
  from: { name: 'つなぐ', address: 'no-reply@example.lg.jp' },
  publicUrl: PUBLIC,
  timeoutMs,
});

async function drainTo(s: MailSettings) {
  const transport = smtpTransport(s);
  try {
    return await drainMail(t.db.systemDb, { transport, settings: s, now: t.clock.now, log });
  } finally {
    transport.close();
  }
}

const outbox = async () =>
  t.db.systemDb.select().from(mailMessages).orderBy(mailMessages.createdAt, mailMessages.id);

beforeAll(async () => {
  smtp = await startTestSmtp();
  settings = settingsFor(smtp.port);
  t = await createTestApp({ mail: settings, publicUrl: PUBLIC });
  await makePrefecture(t.db.systemDb, '43');
  ({ client: admin } = await signedInUser(t, 'centre_admin'));
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('an invitation and a password reset', () => {
  it('mails the invitation in Japanese with its link, and the link sets the password', async () => {
    const res = await admin.post('/api/admin/users', {
      email: 'sato@example.jp',
      displayName: '佐藤 花子',
      role: 'municipal_staff',
      scope: { municipalityCode: '431001' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.mail).toEqual({ status: 'queued', problem: null });
    expect(res.body.invitationUrl).toMatch(/^\/invite#token=/);
    expect(await drainTo(settings)).toMatchObject({ sent: 1 });
    const got = smtp.received.at(-1)!;
    expect(got.to).toEqual(['sato@example.jp']);
    expect(got.from).toBe('no-reply@example.lg.jp');
    expect(got.subject).toBe('【つなぐ】アカウントへの招待');
    expect(got.text).toContain('佐藤 花子 様');
    expect(got.text).toContain(`${PUBLIC}${res.body.invitationUrl}`);
    // The link mailed is the one shown: it opens the account.
    const token = res.body.invitationUrl.split('token=')[1];
    const accept = await new TestClient(t).post('/api/auth/invitations/accept', {
      token,
      password: 'a long enough passphrase 42',
    });
    expect(accept.status).toBe(200);
    const [row] = (await outbox()).filter((m) => m.toAddress === 'sato@example.jp');
    expect(row).toMatchObject({ status: 'sent', attempts: 1, bodyText: null });
  });

  it('mails a reset link in English to a user who reads English', async () => {
    const u = await makeUser(t.db.systemDb, 'municipal_staff', { municipalityCode: '431001' });
    await t.db.systemDb
      .update(users)
      .set({ locale: 'en', displayName: 'Ken Mori' })
      .where(eq(users.id, u.id));
    const res = await admin.post(`/api/admin/users/${u.id}/reset-password`, {});
    expect(res.status).toBe(200);
    expect(res.body.mail.status).toBe('queued');
    await drainTo(settings);
    const got = smtp.received.at(-1)!;
    expect(got.to).toEqual([u.email]);
    expect(got.subject).toBe('[Tsunagu] Reset your password');
    expect(got.text).toContain('Dear Ken Mori,');
    expect(got.text).toContain(`${PUBLIC}/reset-password#token=`);
    expect(got.headers['message-id']).toMatch(/@example\.lg\.jp>$/);
  });

  it('carries no child name and no care in any message', async () => {
    const child = await makeChild(t.db.systemDb, '43', '431001', { familyName: '鈴木', givenName: '一郎' });
    const staff = await makeUser(t.db.systemDb, 'municipal_staff', { municipalityCode: '431001' });
    await t.db.systemDb.transaction((tx) =>
      queueMail(
        tx,
        settings,
        { userId: staff.id, prefectureCode: '43', email: staff.email, displayName: '担当者', locale: 'ja' },
        { kind: 'notification', name: '担当者', link: '/notifications' },
        { createdBy: null, now: t.clock.now() },
      ),
    );
    await drainTo(settings);
    expect(smtp.received.at(-1)!.subject).toBe('【つなぐ】新しいお知らせがあります');
    for (const m of smtp.received) {
      const all = `${m.subject}\n${m.text}`;
      expect(all).not.toContain(child.familyName);
      expect(all).not.toContain(child.givenName);
      for (const label of Object.values(CARE_ITEM_SHORT_LABELS)) expect(all).not.toContain(label.ja);
    }
  });
});

describe('a relay that fails', () => {
  it('keeps a message queued while the relay cannot be reached, and sends it once it can', async () => {
    const before = smtp.received.length;
    const u = await makeUser(t.db.systemDb, 'municipal_staff', { municipalityCode: '431001' });
    await admin.post(`/api/admin/users/${u.id}/reset-password`, {});
    const closed = await startSilentServer();
    await closed.close(); // nothing listens there now
    expect(await drainTo(settingsFor(closed.port))).toMatchObject({ retried: 1, sent: 0 });
    let [row] = (await outbox()).filter((m) => m.recipientUserId === u.id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, problem: 'relay_unavailable' });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(t.clock.now().getTime());
    // Not due yet: nothing is claimed.
    expect(await drainTo(settings)).toMatchObject({ sent: 0 });
    t.clock.advance(61_000);
    expect(await drainTo(settings)).toMatchObject({ sent: 1 });
    [row] = (await outbox()).filter((m) => m.recipientUserId === u.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.received.length).toBe(before + 1);
  });

  it('treats a relay that never answers as a timeout, and a 4xx as "try later"', async () => {
    const silent = await startSilentServer();
    const hang = await makeUser(t.db.systemDb, 'municipal_staff', { municipalityCode: '431001' });
    const busy = await makeUser(t.db.systemDb, 'municipal_staff', {
      municipalityCode: '431001',
      email: 'busy-1@example.jp',
    });
    await admin.post(`/api/admin/users/${hang.id}/reset-password`, {});
    expect(await drainTo(settingsFor(silent.port, 300))).toMatchObject({ retried: 1 });
    await silent.close();
    await admin.post(`/api/admin/users/${busy.id}/reset-password`, {});
    t.clock.advance(10 * 60_000);
    await drainTo(settings);
    const rows = await outbox();
    expect(rows.find((m) => m.recipientUserId === busy.id)).toMatchObject({
      status: 'queued',
      problem: 'relay_refused',
    });
    expect(rows.find((m) => m.recipientUserId === busy.id)!.lastError).toContain('451');
    expect(rows.find((m) => m.recipientUserId === hang.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('marks a 5xx refusal bounced, shows it to administrators and lets them send it again', async () => {
    const u = await makeUser(t.db.systemDb, 'municipal_staff', {
      municipalityCode: '431001',
      email: 'bounce-1@example.jp',
    });
    await admin.post(`/api/admin/users/${u.id}/reset-password`, {});
    await drainTo(settings);
    const list = await admin.get('/api/mail/outbox?status=bounced');
    expect(list.status).toBe(200);
    expect(list.body.mailOn).toBe(true);
    const bounced = list.body.messages.find(
      (m: { toAddress: string }) => m.toAddress === 'bounce-1@example.jp',
    );
    expect(bounced).toMatchObject({ status: 'bounced', problem: 'address_refused', canResend: true });
    expect(bounced.lastError).toContain('550');
    expect(list.body.counts.bounced).toBeGreaterThanOrEqual(1);
    const again = await admin.post(`/api/mail/outbox/${bounced.id}/resend`, {});
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'queued', attempts: 0 });
    // A message that is queued cannot be resent again.
    expect((await admin.post(`/api/mail/outbox/${bounced.id}/resend`, {})).status).toBe(409);
  });

  it('stays queued in the database when a sender dies mid-send, and is sent once the lease runs out', async () => {
    const u = await makeUser(t.db.systemDb, 'municipal_staff', { municipalityCode: '431001' });
    await admin.post(`/api/admin/users/${u.id}/reset-password`, {});
    // A sender claimed it and died before the relay answered.
    await t.db.systemDb
      .update(mailMessages)
      .set({ status: 'sending', attempts: 1, leaseUntil: new Date(t.clock.now().getTime() + 60_000) })
      .where(eq(mailMessages.recipientUserId, u.id));
    expect(await drainTo(settings)).toMatchObject({ sent: 0 });
    t.clock.advance(61_000);
    expect(await drainTo(settings)).toMatchObject({ sent: 1 });
    const [row] = (await outbox()).filter((m) => m.recipientUserId === u.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('bad input', () => {
  it('refuses a line break in a recipient name before writing anything', async () => {
    const before = (await outbox()).length;
    await expect(
      t.db.systemDb.transaction((tx) =>
        queueMail(
          tx,
          settings,
          {
            userId: null,
            prefectureCode: '43',
            email: 'x@example.jp',
            displayName: 'x\r\nBcc: evil@example.com',
            locale: 'ja',
          },
          { kind: 'notification', name: 'x', link: '/notifications' },
          { createdBy: null, now: t.clock.now() },
        ),
      ),
    ).rejects.toMatchObject({ code: 'mail_header_invalid' });
    expect((await outbox()).length).toBe(before);
  });

  it('keeps a message for a user without a usable address as failed, with the reason', async () => {
    const r = await t.db.systemDb.transaction((tx) =>
      queueMail(
        tx,
        settings,
        { userId: null, prefectureCode: '43', email: '', displayName: '宛先なし', locale: 'ja' },
        { kind: 'notification', name: '宛先なし', link: '/notifications' },
        { createdBy: null, now: t.clock.now() },
      ),
    );
    expect(r).toMatchObject({ status: 'failed', problem: 'no_address' });
    const list = await admin.get('/api/mail/outbox?status=failed');
    expect(list.body.messages.some((m: { problem: string }) => m.problem === 'no_address')).toBe(true);
  });
});
