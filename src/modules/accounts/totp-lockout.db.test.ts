import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../../db/schema';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { generateTotpSecret, makePrefecture, makeUser, TEST_PASSWORD } from '../../test/factories';
import { TOTP_IP_LIMIT, TOTP_SESSION_LIMIT } from './second-factor';
import { totpCode } from './totp';

const STEP_MS = 30_000;
let t: TestApp;
let lenient: TestApp;
let address = 0;

beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '43');
  // An account lock far away, so only the throttles can stop the guesses.
  lenient = await createTestApp({ signInMaxFailures: 100 });
  await makePrefecture(lenient.db.systemDb, '43');
});
afterAll(async () => {
  await t.close();
  await lenient.close();
});

/** A code the server does not accept now (none of the steps around the clock's). */
function wrongCode(secret: string, app: TestApp): string {
  const now = app.clock.now().getTime();
  const valid = new Set([-1, 0, 1].map((d) => totpCode(secret, new Date(now + d * STEP_MS))));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

/** A client at its own address that has given the right password and owes the code. */
async function halfSigned(app: TestApp, email: string, ip = `203.0.113.${++address}`) {
  const client = new TestClient(app);
  client.ip = ip;
  const res = await client.post('/api/auth/sign-in', { email, password: TEST_PASSWORD });
  expect(res.status).toBe(200);
  expect(res.body.mustVerifyTotp).toBe(true);
  return client;
}

async function halfSignedSessionsOf(app: TestApp, userId: string) {
  return app.db.systemDb
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.secondFactorDone, false)));
}

describe('TOTP guessing', () => {
  it('refuses the right code after eight wrong ones: the guesses lock the account and end the session', async () => {
    const secret = generateTotpSecret();
    const u = await makeUser(t.db.systemDb, 'centre_staff', { totpSecret: secret });
    const client = await halfSigned(t, u.email);
    // Another half-signed session of the same account, opened before the lock.
    const other = await halfSigned(t, u.email);
    const answers: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await client.post('/api/auth/totp', { code: wrongCode(secret, t) });
      answers.push(`${res.status} ${res.body.error.code}`);
    }
    expect(answers).toEqual([
      '401 invalid_totp',
      '401 invalid_totp',
      '401 invalid_totp',
      '401 invalid_totp',
      '423 account_locked',
      '401 unauthenticated',
      '401 unauthenticated',
      '401 unauthenticated',
    ]);
    const right = await client.post('/api/auth/totp', { code: totpCode(secret, t.clock.now()) });
    expect(right.status).toBe(401);
    expect((await client.get('/api/auth/session')).body.authenticated).toBe(false);
    // The lock ended every half-signed session of the account, not just the guessing one.
    expect(await halfSignedSessionsOf(t, u.id)).toEqual([]);
    const otherRight = await other.post('/api/auth/totp', { code: totpCode(secret, t.clock.now()) });
    expect(otherRight.status).toBe(401);
    // The password does not open a new session either while the lock lasts.
    const again = new TestClient(t);
    again.ip = `203.0.113.${++address}`;
    const signIn = await again.post('/api/auth/sign-in', { email: u.email, password: TEST_PASSWORD });
    expect(signIn.body.error.code).toBe('invalid_credentials');
    const [row] = await t.db.systemDb.select().from(users).where(eq(users.id, u.id));
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(t.clock.now().getTime());
    // After the lock, password and code sign in again.
    t.clock.advance(16 * 60_000);
    const later = await halfSigned(t, u.email);
    const done = await later.post('/api/auth/totp', { code: totpCode(secret, t.clock.now()) });
    expect(done.status).toBe(200);
    expect(done.body.authenticated).toBe(true);
  });

  it('answers alike for the right and a wrong code while the account is locked', async () => {
    const secret = generateTotpSecret();
    const u = await makeUser(t.db.systemDb, 'auditor', { totpSecret: secret });
    const client = await halfSigned(t, u.email);
    // Locked by wrong passwords elsewhere while this session waits for its code.
    const guesser = new TestClient(t);
    guesser.ip = `203.0.113.${++address}`;
    for (let i = 0; i < 5; i++) {
      await guesser.post('/api/auth/sign-in', { email: u.email, password: 'not the password' });
    }
    expect(await halfSignedSessionsOf(t, u.id)).toEqual([]);
    const right = await client.post('/api/auth/totp', { code: totpCode(secret, t.clock.now()) });
    const wrong = await client.post('/api/auth/totp', { code: wrongCode(secret, t) });
    expect(right.status).toBe(401);
    expect(right.body).toEqual(wrong.body);
    expect(right.body.error.code).toBe('unauthenticated');
  });

  it('does not reset the guesses left on the code when the password is given again', async () => {
    const secret = generateTotpSecret();
    const u = await makeUser(t.db.systemDb, 'centre_staff', { totpSecret: secret });
    const first = await halfSigned(t, u.email);
    for (let i = 0; i < 3; i++) {
      expect((await first.post('/api/auth/totp', { code: wrongCode(secret, t) })).status).toBe(401);
    }
    const second = await halfSigned(t, u.email);
    expect((await second.post('/api/auth/totp', { code: wrongCode(secret, t) })).status).toBe(401);
    const locking = await second.post('/api/auth/totp', { code: wrongCode(secret, t) });
    expect(locking.body.error.code).toBe('account_locked');
  });

  it('ends the run of failures with a complete sign-in', async () => {
    const secret = generateTotpSecret();
    const u = await makeUser(t.db.systemDb, 'centre_staff', { totpSecret: secret });
    const client = await halfSigned(t, u.email);
    for (let i = 0; i < 4; i++) await client.post('/api/auth/totp', { code: wrongCode(secret, t) });
    expect((await client.post('/api/auth/totp', { code: totpCode(secret, t.clock.now()) })).status).toBe(200);
    const [row] = await t.db.systemDb.select().from(users).where(eq(users.id, u.id));
    expect(row?.failedSignIns).toBe(0);
    expect(row?.lockedUntil).toBeNull();
  });

  it('throttles codes per session', async () => {
    const secret = generateTotpSecret();
    const u = await makeUser(lenient.db.systemDb, 'centre_staff', { totpSecret: secret });
    const client = await halfSigned(lenient, u.email);
    for (let i = 0; i < TOTP_SESSION_LIMIT; i++) {
      expect((await client.post('/api/auth/totp', { code: wrongCode(secret, lenient) })).status).toBe(401);
    }
    const over = await client.post('/api/auth/totp', { code: totpCode(secret, lenient.clock.now()) });
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('rate_limited');
    // A new session of the same account, from another address, is not held back by that one's count.
    const fresh = await halfSigned(lenient, u.email);
    const done = await fresh.post('/api/auth/totp', { code: totpCode(secret, lenient.clock.now()) });
    expect(done.status).toBe(200);
  });

  it('throttles codes per client address across sessions and accounts', async () => {
    const ip = '203.0.113.250';
    const accounts = await Promise.all(
      [0, 1, 2, 3].map(async () => {
        const secret = generateTotpSecret();
        return { secret, user: await makeUser(lenient.db.systemDb, 'centre_staff', { totpSecret: secret }) };
      }),
    );
    let tried = 0;
    for (const { secret, user } of accounts.slice(0, 3)) {
      const client = await halfSigned(lenient, user.email, ip);
      for (let i = 0; i < TOTP_SESSION_LIMIT && tried < TOTP_IP_LIMIT; i++, tried++) {
        expect((await client.post('/api/auth/totp', { code: wrongCode(secret, lenient) })).status).toBe(401);
      }
    }
    expect(tried).toBe(TOTP_IP_LIMIT);
    const last = accounts[3]!;
    const client = await halfSigned(lenient, last.user.email, ip);
    const over = await client.post('/api/auth/totp', { code: totpCode(last.secret, lenient.clock.now()) });
    expect(over.status).toBe(429);
  });
});
