/**
 * Mail to people outside the centre's staff from the public forms and the review (decision 0032), read at a
 * real SMTP server: the acknowledgement with its receipt number to an address left on a form; the municipality's
 * active staff told when a registration of its resident is accepted with the consent to share (KA-2) — without
 * the child's name; and staff's reply from the case page (checked, on the timeline, audited; denied out of scope).
 * With mail off nothing is queued and the reply is refused (409 mail_off).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, consultationActions, consultations, mailMessages, registrations } from '../../db/schema';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { makePrefecture, makeUser } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { linkIn, type MailTestApp, mailTestApp } from '../mail/testing-mail-app';
import { type FormOverrides, registrationForm } from '../registrations/testing';

let m: MailTestApp;
let ip = 0;
let admin: TestClient;
let fujisawa: TestClient;
let fujisawaEmail: string;
let chigasaki: TestClient;
let auditor: TestClient;

const visitor = (t: TestApp) => {
  const c = new TestClient(t);
  c.ip = `192.0.2.${++ip}`;
  return c;
};
const consultation = (over: Record<string, unknown> = {}) => ({
  municipalityCode: '142051',
  askerKind: 'family',
  name: '相談 花子',
  email: 'hanako.family@example.jp',
  childDescription: '2歳、経管栄養',
  topics: ['welfare_services'],
  narrative: '短期入所を使えるところを知りたいです。',
  ...over,
});

async function caseOf(t: TestApp, receiptNo: string, client: TestClient) {
  const [row] = await t.db.systemDb
    .select({ id: consultations.id })
    .from(consultations)
    .where(eq(consultations.receiptNo, receiptNo));
  const page = await client.get(`/api/consultations/${row!.id}`);
  expect(page.status).toBe(200);
  return page.body;
}

beforeAll(async () => {
  m = await mailTestApp();
  const db = m.t.db.systemDb;
  await makePrefecture(db, '14');
  admin = (await signedInUser(m.t, 'centre_admin', { prefectureCode: '14' })).client;
  const f = await signedInUser(m.t, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142051' });
  fujisawa = f.client;
  fujisawaEmail = f.user.email;
  chigasaki = (
    await signedInUser(m.t, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142077' })
  ).client;
  auditor = (await signedInUser(m.t, 'auditor', { prefectureCode: '14' })).client;
}, 60_000);
afterAll(() => m.close());

describe('acknowledgements of the public forms', () => {
  it('acknowledges a consultation request with its receipt number in the form’s language; none without an address', async () => {
    await m.drain();
    const res = await visitor(m.t).post(
      '/api/public/consultations',
      consultation({ locale: 'en', name: 'Hanako' }),
    );
    expect(res.status).toBe(201);
    const [ack, ...more] = await m.drain();
    expect(more).toEqual([]);
    expect(ack!.to).toEqual(['hanako.family@example.jp']);
    expect(ack!.subject).toBe(
      `[Tsunagu] We received your consultation request (receipt ${res.body.receiptNo})`,
    );
    expect(ack!.text).toContain('Dear Hanako');
    expect(ack!.text).not.toContain('経管栄養');
    expect(ack!.text).not.toContain('短期入所');
    expect(linkIn(ack!.text)).toBe('/public');
    const none = await visitor(m.t).post('/api/public/consultations', consultation({ email: undefined }));
    expect(none.status).toBe(201);
    expect(await m.drain()).toEqual([]);
  });

  it('acknowledges a registration to the submitter’s address', async () => {
    await m.drain();
    const res = await visitor(m.t).post('/api/public/registrations', registrationForm());
    expect(res.status).toBe(201);
    const [ack] = await m.drain();
    expect(ack!.to).toEqual(['misaki@example.jp']);
    expect(ack!.subject).toBe(`【つなぐ】登録のお申し込みを受け付けました（受付番号 ${res.body.receiptNo}）`);
    expect(ack!.text).toContain('髙橋 美咲 様');
  });
});

describe('KA-2: the municipality told of an accepted registration', () => {
  async function submitted(over: FormOverrides = {}) {
    const res = await visitor(m.t).post('/api/public/registrations', registrationForm(over));
    const [row] = await m.t.db.systemDb
      .select()
      .from(registrations)
      .where(eq(registrations.receiptNo, res.body.receiptNo));
    return row!;
  }

  it('mails the municipality’s active staff, not disabled or invited-only accounts, without the child’s name', async () => {
    const db = m.t.db.systemDb;
    await makeUser(db, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142051',
      disabled: true,
    });
    const invited = await makeUser(db, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142051',
    });
    const { users } = await import('../../db/schema');
    await db.update(users).set({ passwordHash: null }).where(eq(users.id, invited.id));
    const reg = await submitted();
    await m.drain();
    const res = await admin.post(`/api/registrations/${reg.id}/accept`, {});
    expect(res.status).toBe(200);
    const got = await m.drain();
    expect(got.map((g) => g.to)).toEqual([[fujisawaEmail]]);
    expect(got[0]!.subject).toBe('【つなぐ】貴市区町村の住民の登録が受理されました');
    expect(got[0]!.text).toContain(`受付番号 ${reg.receiptNo}`);
    expect(linkIn(got[0]!.text)).toBe(`/children/${res.body.childId}`);
    for (const word of ['髙橋', 'タカハシ', '経管', '人工呼吸', '胃ろう'])
      expect(got[0]!.text).not.toContain(word);
  });

  it('mails nobody when the family did not consent to share with the municipality', async () => {
    const reg = await submitted({ consents: { share_municipality: false } } as FormOverrides);
    await m.drain();
    expect((await admin.post(`/api/registrations/${reg.id}/accept`, {})).status).toBe(200);
    expect(await m.drain()).toEqual([]);
  });
});

describe('a reply to the family from the case page', () => {
  it('sends staff’s text, records it on the timeline and audits it', async () => {
    const res = await visitor(m.t).post('/api/public/consultations', consultation());
    await m.drain();
    const page = await caseOf(m.t, res.body.receiptNo, fujisawa);
    expect(page.replyByMail).toBe(true);
    const sent = await fujisawa.post(`/api/consultations/${page.id}/reply`, {
      subject: 'ご相談ありがとうございます',
      text: '担当の者から明日お電話します。\nご都合の悪い時間があればお知らせください。',
    });
    expect(sent.status).toBe(201);
    const [mail] = await m.drain();
    expect(mail!.to).toEqual(['hanako.family@example.jp']);
    expect(mail!.subject).toBe(`【つなぐ】ご相談ありがとうございます（受付番号 ${res.body.receiptNo}）`);
    expect(mail!.text).toContain('相談 花子 様');
    expect(mail!.text).toContain('ご都合の悪い時間があればお知らせください。');
    const entry = sent.body.timeline
      ? sent.body.timeline.find((a: { kind: string }) => a.kind === 'mail_reply')
      : sent.body.actions.find((a: { kind: string }) => a.kind === 'mail_reply');
    expect(entry.note).toContain('ご相談ありがとうございます');
    const audit = await m.t.db.systemDb
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'consultation'));
    expect(audit.some((a) => (a.detail as { event?: string }).event === 'family_replied')).toBe(true);
  });

  it('refuses a subject with a line break, an empty or too long text, changing nothing', async () => {
    const res = await visitor(m.t).post('/api/public/consultations', consultation());
    await m.drain();
    const page = await caseOf(m.t, res.body.receiptNo, fujisawa);
    const bad = [
      { subject: 'ご連絡\nBcc: x@example.jp', text: '本文' },
      { subject: '件名', text: '   ' },
      { subject: '', text: '本文' },
      { subject: '件名', text: 'あ'.repeat(2001) },
    ];
    for (const body of bad) {
      const r = await fujisawa.post(`/api/consultations/${page.id}/reply`, body);
      expect([r.status, r.body.error.code]).toEqual([400, 'validation_failed']);
      expect(r.body.error.issues[0].ja).toBeTruthy();
    }
    expect(await m.drain()).toEqual([]);
    const entries = await m.t.db.systemDb
      .select()
      .from(consultationActions)
      .where(
        and(eq(consultationActions.consultationId, page.id), eq(consultationActions.kind, 'mail_reply')),
      );
    expect(entries).toEqual([]);
    // The timeline form cannot record a reply by hand.
    const byHand = await fujisawa.post(`/api/consultations/${page.id}/actions`, {
      kind: 'mail_reply',
      note: 'x',
    });
    expect(byHand.status).toBe(400);
  });

  it('is denied out of scope (404) and to read-only roles (403); a case without an address answers 409', async () => {
    const res = await visitor(m.t).post('/api/public/consultations', consultation());
    const page = await caseOf(m.t, res.body.receiptNo, fujisawa);
    const body = { subject: '件名', text: '本文' };
    expect((await chigasaki.post(`/api/consultations/${page.id}/reply`, body)).status).toBe(404);
    const ro = await auditor.post(`/api/consultations/${page.id}/reply`, body);
    expect(ro.status).toBe(403);
    const noAddress = await visitor(m.t).post(
      '/api/public/consultations',
      consultation({ email: undefined }),
    );
    const bare = await caseOf(m.t, noAddress.body.receiptNo, fujisawa);
    expect(bare.replyByMail).toBe(false);
    const r = await fujisawa.post(`/api/consultations/${bare.id}/reply`, body);
    expect([r.status, r.body.error.code]).toEqual([409, 'reply_no_address']);
  });
});

describe('with mail off', () => {
  it('queues no acknowledgement and refuses a reply (409 mail_off); the page offers none', async () => {
    const off = await createTestApp();
    try {
      await makePrefecture(off.db.systemDb, '14');
      const staff = (
        await signedInUser(off, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142051' })
      ).client;
      const res = await visitor(off).post('/api/public/consultations', consultation());
      expect(res.status).toBe(201);
      const page = await caseOf(off, res.body.receiptNo, staff);
      expect(page.replyByMail).toBe(false);
      const r = await staff.post(`/api/consultations/${page.id}/reply`, { subject: '件名', text: '本文' });
      expect([r.status, r.body.error.code]).toEqual([409, 'mail_off']);
      expect(await off.db.systemDb.select().from(mailMessages)).toEqual([]);
    } finally {
      await off.close();
    }
  });
});
