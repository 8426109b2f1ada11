/**
 * A learner's sign-up confirmed by e-mail (mail on): the link arrives at a real SMTP server in the form's
 * language, works once and creates the account as the centre's 承認 does; an expired link is refused and a new
 * sign-up replaces it; an address with an account gets the same answer and no mail. With mail off, the
 * answer says the centre confirms and nothing is queued.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, learnerSignUps, mailMessages, users } from '../../db/schema';
import { createTestApp, TestClient } from '../../test/app';
import { makeOrganisation, makePrefecture, makeUser } from '../../test/factories';
import { linkIn, type MailTestApp, mailTestApp } from '../mail/testing-mail-app';
import { SIGN_UP_LINK_TTL_MS } from './learners-sign-up-mail';

let m: MailTestApp;
let hospital: { id: string };
let ip = 0;

const anon = () => {
  const c = new TestClient(m.t);
  c.ip = `198.51.100.${++ip}`;
  return c;
};
const form = (over: Record<string, unknown> = {}) => ({
  displayName: '看護 花子',
  email: `hanako${++ip}@example.jp`,
  password: 'a long enough password',
  profession: 'nurse',
  workplace: { organisationId: hospital.id },
  municipalityCode: '142051',
  ...over,
});
const tokenOf = (path: string) => path.split('token=')[1]!;

beforeAll(async () => {
  m = await mailTestApp();
  await makePrefecture(m.t.db.systemDb, '14');
  hospital = await makeOrganisation(m.t.db.systemDb, '14', {
    kind: 'hospital',
    name: '藤沢市民病院',
    municipalityCode: '142051',
  });
}, 60_000);
afterAll(() => m.close());

describe('sign-up confirmed by e-mail', () => {
  it('mails a link that creates the account once; the learner signs in with the password chosen', async () => {
    const body = form({ locale: 'en', displayName: 'Hanako Kango' });
    const res = await anon().post('/api/public/learning/sign-up', body);
    expect([res.status, res.body]).toEqual([201, { received: true, confirmation: 'email' }]);
    const [mail, ...more] = await m.drain();
    expect(more).toEqual([]);
    expect(mail!.to).toEqual([body.email]);
    expect(mail!.subject).toBe('[Tsunagu] Confirm your learner sign-up');
    expect(mail!.text).toContain('Dear Hanako Kango');
    expect(mail!.text).not.toContain('藤沢'); // the workplace is not repeated in the mail
    const path = linkIn(mail!.text)!;
    expect(path).toMatch(/^\/learning\/sign-up\/confirm#token=[A-Za-z0-9_-]{43}$/);
    // Stored hashed, never as sent.
    const [row] = await m.t.db.systemDb
      .select()
      .from(learnerSignUps)
      .where(eq(learnerSignUps.email, body.email));
    expect(row!.confirmTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.confirmTokenHash).not.toBe(tokenOf(path));

    const ok = await anon().post('/api/public/learning/sign-up/confirm', { token: tokenOf(path) });
    expect([ok.status, ok.body]).toEqual([200, { confirmed: true }]);
    const again = await anon().post('/api/public/learning/sign-up/confirm', { token: tokenOf(path) });
    expect([again.status, again.body.error.code]).toEqual([400, 'token_invalid']);
    const [done] = await m.t.db.systemDb.select().from(learnerSignUps).where(eq(learnerSignUps.id, row!.id));
    expect(done).toMatchObject({
      status: 'approved',
      confirmedBy: 'email',
      decidedBy: null,
      confirmTokenHash: null,
    });
    const signIn = await anon().post('/api/auth/sign-in', { email: body.email, password: body.password });
    expect(signIn.status).toBe(200);
    const audit = await m.t.db.systemDb
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'learner_sign_up'));
    expect(audit.map((a) => (a.detail as { event: string }).event)).toContain('learner_sign_up_confirmed');
  });

  it('answers the same to an address with an account and mails nothing', async () => {
    const staff = await makeUser(m.t.db.systemDb, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142051',
    });
    const res = await anon().post('/api/public/learning/sign-up', form({ email: staff.email }));
    expect([res.status, res.body]).toEqual([201, { received: true, confirmation: 'email' }]);
    expect(await m.drain()).toEqual([]);
    expect(
      await m.t.db.systemDb.select().from(learnerSignUps).where(eq(learnerSignUps.email, staff.email)),
    ).toEqual([]);
  });

  it('refuses an expired or unknown link; a new sign-up for the address replaces the expired one', async () => {
    const body = form();
    await anon().post('/api/public/learning/sign-up', body);
    const [first] = await m.drain();
    expect(first!.subject).toBe('【つなぐ】受講者登録の確認');
    // A second sign-up while the link is live: same answer, nothing new.
    await anon().post('/api/public/learning/sign-up', body);
    expect(await m.drain()).toEqual([]);
    m.t.clock.advance(SIGN_UP_LINK_TTL_MS + 60_000);
    const late = await anon().post('/api/public/learning/sign-up/confirm', {
      token: tokenOf(linkIn(first!.text)!),
    });
    expect([late.status, late.body.error.code]).toEqual([400, 'token_invalid']);
    const unknown = await anon().post('/api/public/learning/sign-up/confirm', { token: 'x'.repeat(43) });
    expect(unknown.status).toBe(400);
    expect(await m.t.db.systemDb.select().from(users).where(eq(users.email, body.email))).toEqual([]);

    await anon().post('/api/public/learning/sign-up', body);
    const [second] = await m.drain();
    const ok = await anon().post('/api/public/learning/sign-up/confirm', {
      token: tokenOf(linkIn(second!.text)!),
    });
    expect(ok.status).toBe(200);
    const rows = await m.t.db.systemDb
      .select()
      .from(learnerSignUps)
      .where(eq(learnerSignUps.email, body.email));
    expect(rows.map((r) => r.status).sort()).toEqual(['approved', 'rejected']);
  });

  it('lets the centre still approve a sign-up waiting for its link; the link then no longer works', async () => {
    const body = form();
    await anon().post('/api/public/learning/sign-up', body);
    const [mail] = await m.drain();
    const { signedInUser } = await import('../../test/sign-in');
    const admin = (await signedInUser(m.t, 'centre_admin', { prefectureCode: '14' })).client;
    const list = await admin.get('/api/learning/learners/sign-ups');
    const s = list.body.items.find((i: { email: string }) => i.email === body.email);
    expect(
      (await admin.post(`/api/learning/learners/sign-ups/${s.id}/approve`, { version: s.version })).status,
    ).toBe(200);
    const late = await anon().post('/api/public/learning/sign-up/confirm', {
      token: tokenOf(linkIn(mail!.text)!),
    });
    expect(late.status).toBe(400);
  });
});

describe('sign-up with mail off', () => {
  it('says the centre confirms and queues nothing', async () => {
    const off = await createTestApp();
    try {
      await makePrefecture(off.db.systemDb, '14');
      const org = await makeOrganisation(off.db.systemDb, '14', {
        kind: 'hospital',
        name: '病院',
        municipalityCode: '142051',
      });
      const res = await new TestClient(off).post(
        '/api/public/learning/sign-up',
        form({ workplace: { organisationId: org.id } }),
      );
      expect([res.status, res.body]).toEqual([201, { received: true, confirmation: 'centre' }]);
      expect(await off.db.systemDb.select().from(mailMessages)).toEqual([]);
      const [row] = await off.db.systemDb.select().from(learnerSignUps);
      expect(row!.confirmTokenHash).toBeNull();
    } finally {
      await off.close();
    }
  });
});
