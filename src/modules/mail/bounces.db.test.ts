import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, mailMessages, users } from '../../db/schema';
import type { TestClient } from '../../test/app';
import { makePrefecture, makeUser } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { type MailTestApp, mailTestApp } from './testing-mail-app';

/**
 * Bouncing addresses (decision 0028, late bounces), against a real SMTP server: a bounce an administrator records
 * after the relay took the message, and a 5xx refusal, both stop further mail to the address (held back without
 * contacting the relay) until an administrator clears it or resends; the list the outbox and 管理 › 利用者 show;
 * refusals outside the administrator's reach (404), for other roles (403) and for messages not sent (409).
 */
let m: MailTestApp;
let admin: TestClient;

const rowsTo = (userId: string) =>
  m.t.db.systemDb
    .select()
    .from(mailMessages)
    .where(eq(mailMessages.recipientUserId, userId))
    .orderBy(mailMessages.createdAt, mailMessages.id);

async function resetLinkFor(userId: string) {
  expect((await admin.post(`/api/admin/users/${userId}/reset-password`, {})).status).toBe(200);
  m.t.clock.advance(1_000);
}

beforeAll(async () => {
  m = await mailTestApp();
  await makePrefecture(m.t.db.systemDb, '43');
  ({ client: admin } = await signedInUser(m.t, 'centre_admin'));
}, 60_000);
afterAll(() => m.close());

describe('a bounce that comes back after the relay took the message', () => {
  it('is recorded by an administrator, holds back further mail to the address until cleared, then mail flows', async () => {
    const u = await makeUser(m.t.db.systemDb, 'municipal_staff', {
      municipalityCode: '431001',
      email: 'late@example.jp',
    });
    await resetLinkFor(u.id);
    expect((await m.drain()).map((g) => g.to)).toEqual([['late@example.jp']]);
    const [sent] = await rowsTo(u.id);
    expect(sent!.status).toBe('sent');

    const recorded = await admin.post(`/api/mail/outbox/${sent!.id}/bounced`, {
      note: '  550 5.1.1 <late@example.jp>: Recipient address rejected (returned to no-reply) ',
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body).toMatchObject({ status: 'bounced', problem: 'bounce_reported', canResend: false });
    expect(recorded.body.lastError).toBe(
      '550 5.1.1 <late@example.jp>: Recipient address rejected (returned to no-reply)',
    );
    // Recording it twice: it is no longer a sent message.
    expect((await admin.post(`/api/mail/outbox/${sent!.id}/bounced`, {})).body.error.code).toBe(
      'mail_not_sent',
    );

    const list = await admin.get('/api/mail/bounces');
    expect(list.status).toBe(200);
    expect(list.body.addresses).toContainEqual(
      expect.objectContaining({ address: 'late@example.jp', messages: 1, userIds: [u.id] }),
    );

    // The next mail to the address is held back: the relay never hears of it.
    await resetLinkFor(u.id);
    expect(await m.drain()).toEqual([]);
    const held = (await rowsTo(u.id)).at(-1)!;
    expect(held).toMatchObject({ status: 'failed', problem: 'address_bouncing' });

    // Cleared (the address compared without case): the held message can be sent again, and arrives.
    const cleared = await admin.post('/api/mail/bounces/clear', { address: 'LATE@example.jp' });
    expect(cleared.status).toBe(200);
    expect(cleared.body.addresses.map((a: { address: string }) => a.address)).not.toContain(
      'late@example.jp',
    );
    expect((await rowsTo(u.id))[0]).toMatchObject({ status: 'bounced', problem: 'bounce_cleared' });
    expect((await admin.post(`/api/mail/outbox/${held.id}/resend`, {})).status).toBe(200);
    expect((await m.drain()).map((g) => g.to)).toEqual([['late@example.jp']]);

    const events = (
      await m.t.db.systemDb.select().from(auditLog).where(eq(auditLog.entityType, 'mail_message'))
    )
      .map((a) => (a.detail as { event?: string }).event)
      .filter(Boolean);
    expect(events).toEqual(
      expect.arrayContaining(['mail_bounce_recorded', 'mail_bounce_cleared', 'mail_resent']),
    );
  });
});

describe('a refusal at once', () => {
  it('holds back later mail too; resending goes to the corrected address and the old one stays bouncing', async () => {
    const u = await makeUser(m.t.db.systemDb, 'municipal_staff', {
      municipalityCode: '431001',
      email: 'bounce-early@example.jp',
    });
    await resetLinkFor(u.id);
    expect(await m.drain()).toEqual([]);
    await resetLinkFor(u.id);
    expect(await m.drain()).toEqual([]);
    const [refused, held] = await rowsTo(u.id);
    expect(refused).toMatchObject({ status: 'bounced', problem: 'address_refused', attempts: 1 });
    expect(held).toMatchObject({ status: 'failed', problem: 'address_bouncing', lastError: null });

    // The administrator corrects the address on 管理 › 利用者 and resends: the mail goes to the new address.
    await m.t.db.systemDb.update(users).set({ email: 'fixed@example.jp' }).where(eq(users.id, u.id));
    const again = await admin.post(`/api/mail/outbox/${held!.id}/resend`, {});
    expect([again.status, again.body.toAddress]).toEqual([200, 'fixed@example.jp']);
    expect((await m.drain()).map((g) => g.to)).toEqual([['fixed@example.jp']]);
    const list = await admin.get('/api/mail/bounces');
    expect(list.body.addresses).toContainEqual(
      expect.objectContaining({ address: 'bounce-early@example.jp', userIds: [u.id] }),
    );
  });
});

describe('denied', () => {
  it('keeps other prefectures’ messages from an administrator (404), refuses other roles (403) and bad input (400)', async () => {
    await makePrefecture(m.t.db.systemDb, '14');
    const elsewhere = await makeUser(m.t.db.systemDb, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '141003',
      email: 'other-pref@example.jp',
    });
    const { client: admin14 } = await signedInUser(m.t, 'centre_admin', { prefectureCode: '14' });
    expect((await admin14.post(`/api/admin/users/${elsewhere.id}/reset-password`, {})).status).toBe(200);
    await m.drain();
    const [theirs] = await rowsTo(elsewhere.id);
    expect((await admin.post(`/api/mail/outbox/${theirs!.id}/bounced`, {})).status).toBe(404);
    expect(
      (await admin14.post(`/api/mail/outbox/${theirs!.id}/bounced`, { note: 'x'.repeat(501) })).status,
    ).toBe(400);
    expect((await admin14.post(`/api/mail/outbox/${theirs!.id}/bounced`, {})).status).toBe(200);
    // Prefecture 43's administrator neither sees nor clears prefecture 14's bouncing address.
    const mine = await admin.get('/api/mail/bounces');
    expect(mine.body.addresses.map((a: { address: string }) => a.address)).not.toContain(
      'other-pref@example.jp',
    );
    expect((await admin.post('/api/mail/bounces/clear', { address: 'other-pref@example.jp' })).status).toBe(
      404,
    );
    expect((await admin.post('/api/mail/bounces/clear', { address: '' })).status).toBe(400);
    const [still] = await rowsTo(elsewhere.id);
    expect(still).toMatchObject({ status: 'bounced', problem: 'bounce_reported' });

    const { client: staff } = await signedInUser(m.t, 'centre_staff');
    expect((await staff.get('/api/mail/bounces')).status).toBe(403);
    expect((await staff.post('/api/mail/bounces/clear', { address: 'late@example.jp' })).status).toBe(403);
    expect((await staff.post(`/api/mail/outbox/${theirs!.id}/bounced`, {})).status).toBe(403);
  });
});
