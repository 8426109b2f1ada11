import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, mailMessages } from '../../db/schema';
import { createLogger } from '../../server/logger';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { makePrefecture, makeUser } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { FORGOT_ACCOUNT_LIMIT, FORGOT_IP_LIMIT, requestPasswordReset } from './forgot-password';
import { drainMail } from './sender';
import type { MailSettings } from './settings';
import { startTestSmtp, type TestSmtp } from './test-smtp';
import { bouncedMessage } from './testing';
import { smtpTransport } from './transport';

/**
 * Self-service "forgot password": always 202, a link only to an existing enabled account, throttled per client
 * address (429), per e-mail address and per account (silently); the link lands on the reset page and works.
 * And the denied story of the outbox: only administrators read it (403), another prefecture's message is 404.
 */
const PUBLIC = 'https://tsunagu.example.lg.jp';
let t: TestApp;
let smtp: TestSmtp;
let settings: MailSettings;
let ip = 0;

function anonymous(): TestClient {
  const c = new TestClient(t);
  ip++;
  c.ip = `203.0.113.${ip}`;
  return c;
}

async function drain() {
  const transport = smtpTransport(settings);
  try {
    await drainMail(t.db.systemDb, { transport, settings, now: t.clock.now, log: createLogger('silent') });
  } finally {
    transport.close();
  }
}

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
  await makePrefecture(t.db.systemDb, '43');
  await makePrefecture(t.db.systemDb, '14');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('POST /api/auth/password-reset', () => {
  it('answers 202 alike for an account, an unknown address and a disabled account; mails only the account', async () => {
    const user = await makeUser(t.db.systemDb, 'municipal_staff', { municipalityCode: '431001' });
    const disabled = await makeUser(t.db.systemDb, 'municipal_staff', {
      municipalityCode: '431001',
      disabled: true,
    });
    const answers = [];
    for (const email of [user.email.toUpperCase(), 'nobody@example.jp', disabled.email])
      answers.push(await anonymous().post('/api/auth/password-reset', { email }));
    for (const a of answers) {
      expect(a.status).toBe(202);
      expect(a.body).toEqual({ accepted: true, mailOn: true });
    }
    const before = smtp.received.length;
    await drain();
    const got = smtp.received.slice(before);
    expect(got.map((m) => m.to)).toEqual([[user.email]]);
    expect(got[0]!.subject).toBe('【つなぐ】パスワード再設定のご案内');
    const link = /https:\/\/tsunagu\.example\.lg\.jp(\/reset-password#token=[A-Za-z0-9_-]+)/.exec(
      got[0]!.text,
    );
    expect(link).not.toBeNull();
    // The link lands on the existing reset flow: its token sets a new password once.
    const token = link![1]!.split('token=')[1];
    const done = await anonymous().post('/api/auth/password-reset/complete', {
      token,
      password: 'a brand new passphrase 7',
    });
    expect(done.status).toBe(200);
    const again = await anonymous().post('/api/auth/password-reset/complete', {
      token,
      password: 'a brand new passphrase 8',
    });
    expect(again.status).toBe(400);
    const audited = await t.db.systemDb.select().from(auditLog).where(eq(auditLog.actorUserId, user.id));
    expect(audited).toEqual([]); // asked by nobody signed in: the entry names the account, not an actor
  });

  it('sends no more than the limit per address and per account, still answering 202', async () => {
    const user = await makeUser(t.db.systemDb, 'municipal_staff', { municipalityCode: '431001' });
    for (let i = 0; i < FORGOT_ACCOUNT_LIMIT + 2; i++) {
      const res = await anonymous().post('/api/auth/password-reset', { email: user.email });
      expect(res.status).toBe(202);
    }
    const rows = await t.db.systemDb
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.recipientUserId, user.id));
    expect(rows).toHaveLength(FORGOT_ACCOUNT_LIMIT);
    // An hour later the address may ask again.
    t.clock.advance(61 * 60_000);
    await anonymous().post('/api/auth/password-reset', { email: user.email });
    expect(
      await t.db.systemDb.select().from(mailMessages).where(eq(mailMessages.recipientUserId, user.id)),
    ).toHaveLength(FORGOT_ACCOUNT_LIMIT + 1);
  });

  it('answers 429 to one client address asking too often, whatever the address asked about', async () => {
    const c = anonymous();
    for (let i = 0; i < FORGOT_IP_LIMIT; i++)
      expect((await c.post('/api/auth/password-reset', { email: `x${i}@example.jp` })).status).toBe(202);
    const over = await c.post('/api/auth/password-reset', { email: 'y@example.jp' });
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('rate_limited');
  });

  it('with mail off answers 202 and says so, writing nothing', async () => {
    const off = await createTestApp();
    try {
      await makePrefecture(off.db.systemDb, '43');
      const user = await makeUser(off.db.systemDb, 'municipal_staff', { municipalityCode: '431001' });
      const res = await new TestClient(off).post('/api/auth/password-reset', { email: user.email });
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ accepted: true, mailOn: false });
      expect(await off.db.systemDb.select().from(mailMessages)).toEqual([]);
    } finally {
      await off.close();
    }
  });
});

describe('forgot password: the same work whether or not the address has an account', () => {
  /** Statements sent through the database handle (drizzle's logger) and transactions opened while `fn` runs. */
  async function measure(fn: () => Promise<void>): Promise<{ statements: number; transactions: number }> {
    const db = t.db.systemDb as unknown as {
      session: { logger: unknown; options: { logger?: unknown } };
      transaction: (...a: unknown[]) => Promise<unknown>;
    };
    const counts = { statements: 0, transactions: 0 };
    const logger = { logQuery: () => void counts.statements++ };
    const [before, beforeOpt, transaction] = [db.session.logger, db.session.options.logger, db.transaction];
    db.session.logger = logger;
    db.session.options.logger = logger;
    db.transaction = (...a: unknown[]) => {
      counts.transactions++;
      return transaction.apply(db, a);
    };
    try {
      await fn();
    } finally {
      db.session.logger = before;
      db.session.options.logger = beforeOpt;
      db.transaction = transaction;
    }
    return counts;
  }

  it('sends as many statements in as many transactions for an account, an unknown address and a disabled account', async () => {
    const user = await makeUser(t.db.systemDb, 'municipal_staff', { municipalityCode: '431001' });
    const disabled = await makeUser(t.db.systemDb, 'municipal_staff', {
      municipalityCode: '431001',
      disabled: true,
    });
    const ask = (email: string) => () =>
      requestPasswordReset(t.deps, { email, meta: { ip: '198.51.100.7', userAgent: null, requestId: 'r' } });
    const known = await measure(ask(user.email));
    const unknown = await measure(ask('nobody-here@example.jp'));
    const off = await measure(ask(disabled.email));
    expect(known.transactions).toBe(1);
    expect(known.statements).toBeGreaterThanOrEqual(9); // 4 before the transaction, 5 in it
    expect(unknown).toEqual(known);
    expect(off).toEqual(known);
    // The unknown address's transaction wrote only an audit entry naming no account.
    const mailed = await t.db.systemDb
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.recipientUserId, user.id));
    expect(mailed.length).toBeGreaterThan(0);
    const unmatched = await t.db.systemDb.select().from(auditLog).where(eq(auditLog.requestId, 'r'));
    expect(unmatched.map((a) => [a.entityIds, (a.detail as { event: string }).event]).sort()).toEqual(
      [
        [[], 'password_reset_unmatched'],
        [[], 'password_reset_unmatched'],
        [[user.id], 'password_reset_requested'],
      ].sort(),
    );
  });
});

describe('the outbox: denied', () => {
  it('refuses every role but administrators (403), and another prefecture’s message is not found', async () => {
    const foreignUser = await makeUser(t.db.systemDb, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142051',
    });
    const foreign = await bouncedMessage(t.db.systemDb, '14', foreignUser.id);
    for (const role of ['centre_staff', 'municipal_staff', 'auditor', 'regional_coordinator'] as const) {
      const { client } = await signedInUser(
        t,
        role,
        role === 'municipal_staff' ? { municipalityCode: '431001' } : {},
      );
      expect((await client.get('/api/mail/outbox')).status, role).toBe(403);
      expect((await client.post(`/api/mail/outbox/${foreign}/resend`, {})).status, role).toBe(403);
    }
    const { client: admin } = await signedInUser(t, 'centre_admin');
    const list = await admin.get('/api/mail/outbox');
    expect(list.status).toBe(200);
    expect(list.body.messages.map((m: { id: string }) => m.id)).not.toContain(foreign);
    const res = await admin.post(`/api/mail/outbox/${foreign}/resend`, {});
    expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
    const { client: sys } = await signedInUser(t, 'system_admin', { prefectureCode: null });
    expect((await sys.get('/api/mail/outbox')).body.messages.map((m: { id: string }) => m.id)).toContain(
      foreign,
    );
  });
});
