/**
 * Personal links by mail (decision 0028): with mail on, each link issued to a recipient with an address is queued
 * in the outbox with the invitation and reaches a real SMTP server carrying the link and no answer; a reminder
 * mails fresh links only to those who have not answered; the old link dies. Denied: a role that cannot send
 * gets 403 and nothing is queued.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages } from '../../db/schema';
import { createLogger } from '../../server/logger';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { type ConsultationWorld, consultationWorld } from '../consultations/testing';
import { drainMail } from '../mail/sender';
import type { MailSettings } from '../mail/settings';
import { startTestSmtp, type TestSmtp } from '../mail/test-smtp';
import { smtpTransport } from '../mail/transport';
import { surveyVia } from './testing';

const PUBLIC = 'https://tsunagu.example.lg.jp';
let t: TestApp;
let w: ConsultationWorld;
let smtp: TestSmtp;
let settings: MailSettings;

async function drain() {
  const transport = smtpTransport(settings);
  try {
    await drainMail(t.db.systemDb, { transport, settings, now: t.clock.now, log: createLogger('silent') });
  } finally {
    transport.close();
  }
}

const linkIn = (text: string) =>
  /https:\/\/tsunagu\.example\.lg\.jp\/public\/surveys\/([A-Za-z0-9_-]+)/.exec(text)?.[1];

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
}, 60_000);
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('survey links by mail', () => {
  it('mails each personal link with an address, and a reminder only to those who have not answered', async () => {
    const centre = w.users.centre.client;
    const s = await surveyVia(centre, { openLink: false, closesAt: '2099-05-31T14:59:00.000Z' });
    const sent = await centre.post(`/api/surveys/${s.id}/invitations`, {
      recipients: [
        { name: '藤沢 花子', municipalityCode: '142051', email: 'hanako@example.jp' },
        { name: '茅ヶ崎 太郎', municipalityCode: '142077', email: 'taro@example.jp' },
        { name: '平塚 次郎', municipalityCode: '142034', address: '平塚市浅間町1-1' },
        { name: '大和 三郎', email: 'not an address' },
      ],
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ mailOn: true, mailed: 2 });
    expect(sent.body.links.map((l: { mailed: boolean }) => l.mailed)).toEqual([true, true, false, false]);
    // The unusable address is kept as failed in the outbox, for administrators to see.
    const rows = await t.db.systemDb
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.kind, 'survey_invitation'));
    expect(rows.map((r) => r.status).sort()).toEqual(['failed', 'queued', 'queued']);

    const before = smtp.received.length;
    await drain();
    const got = smtp.received.slice(before);
    expect(got.map((m) => m.to[0]).sort()).toEqual(['hanako@example.jp', 'taro@example.jp']);
    const hanako = got.find((m) => m.to[0] === 'hanako@example.jp')!;
    expect(hanako.subject).toBe('【つなぐ】アンケートへのご協力のお願い');
    expect(hanako.text).toContain('藤沢 花子 様');
    expect(hanako.text).toContain('「医療的ケア児の保護者アンケート」');
    expect(hanako.text).toContain('令和81年5月31日');
    const hanakoLink = sent.body.links[0].url as string;
    expect(hanako.text).toContain(hanakoLink);
    const token = linkIn(hanako.text)!;

    // 花子 answers through the mailed link.
    const visitor = new TestClient(t);
    const answered = await visitor.post(`/api/public/surveys/${token}/answers`, {
      answers: { satisfied: 'no', needs: ['short_stay'], comment: '送迎がほしい' },
    });
    expect(answered.status).toBe(201);

    // The reminder mails only 太郎 (the others have no usable address) and carries no answer.
    const reminded = await centre.post(`/api/surveys/${s.id}/reminders`);
    expect(reminded.status).toBe(200);
    expect(reminded.body.mailed).toBe(1);
    expect(reminded.body.links).toHaveLength(3);
    const mark = smtp.received.length;
    await drain();
    const again = smtp.received.slice(mark);
    expect(again.map((m) => m.to)).toEqual([['taro@example.jp']]);
    expect(again[0]!.subject).toBe('【つなぐ】（再送）アンケートへのご協力のお願い');
    expect(again[0]!.text).toContain('以前のリンクは使えなくなりました');
    expect(again[0]!.text).not.toContain('送迎');
    // 太郎's first link died; the mailed one answers.
    const taroOld = linkIn(got.find((m) => m.to[0] === 'taro@example.jp')!.text)!;
    const taroNew = linkIn(again[0]!.text)!;
    expect(taroNew).not.toBe(taroOld);
    expect((await visitor.get(`/api/public/surveys/${taroOld}`)).status).toBe(404);
    expect((await visitor.get(`/api/public/surveys/${taroNew}`)).body.state).toBe('open');
    // The body is cleared once sent (it carried a one-time link).
    const after = await t.db.systemDb
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.toAddress, 'taro@example.jp'));
    expect(after.every((r) => r.status === 'sent' && r.bodyText === null)).toBe(true);
  });

  it('writes the mail in English when asked, and says an anonymous survey is anonymous', async () => {
    const centre = w.users.centre.client;
    const s = await surveyVia(centre, { openLink: false, anonymous: true, title: 'Training evaluation' });
    // A name that would break a mail header is refused before anything is issued or queued.
    const bad = await centre.post(`/api/surveys/${s.id}/invitations`, {
      recipients: [{ name: 'Ann\r\nBcc: x@example.jp', email: 'ann@example.jp' }],
    });
    expect([bad.status, bad.body.error.issues[0].code]).toEqual([400, 'control_character']);
    const sent = await centre.post(`/api/surveys/${s.id}/invitations?mailLang=en`, {
      recipients: [{ name: 'Ann Bell', email: 'ann@example.jp' }],
    });
    expect(sent.body.mailed).toBe(1);
    const mark = smtp.received.length;
    await drain();
    const [m] = smtp.received.slice(mark);
    expect(m!.subject).toBe('[Tsunagu] Please answer our survey');
    expect(m!.text).toContain('"Training evaluation"');
    expect(m!.text).toContain('The survey is anonymous');
    expect(m!.to).toEqual(['ann@example.jp']);
    expect(m!.text).toContain('Dear Ann Bell,');
  });

  it('denied: a municipal officer cannot send links, and nothing is queued', async () => {
    const s = await surveyVia(w.users.centre.client, { openLink: false });
    const before = await t.db.systemDb.select().from(mailMessages);
    const res = await w.users.fujisawa.client.post(`/api/surveys/${s.id}/invitations`, {
      recipients: [{ name: '誰か', email: 'someone@example.jp' }],
    });
    expect(res.status).toBe(403);
    expect(await t.db.systemDb.select().from(mailMessages)).toHaveLength(before.length);
  });
});
