import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { users } from '../../db/schema';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { makePrefecture, makeUser, TEST_PASSWORD } from '../../test/factories';
import { LINK_TOKEN_IP_LIMIT } from './complete-token';
import { hashPassword, verifyPassword } from './password';
import { issueToken } from './tokens';

// The real functions, watched: the tests check which requests spend an Argon2 hash.
vi.mock('./password', async (importOriginal) => {
  const real = await importOriginal<typeof import('./password')>();
  return { ...real, hashPassword: vi.fn(real.hashPassword), verifyPassword: vi.fn(real.verifyPassword) };
});

let t: TestApp;
let address = 0;
beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '43');
});
afterAll(() => t.close());
beforeEach(() => {
  vi.mocked(hashPassword).mockClear();
  vi.mocked(verifyPassword).mockClear();
});

function clientAt(ip = `198.18.0.${++address}`) {
  const client = new TestClient(t);
  client.ip = ip;
  return client;
}

async function lockedUser() {
  const u = await makeUser(t.db.systemDb, 'municipal_staff', { municipalityCode: '432016' });
  await t.db.systemDb
    .update(users)
    .set({ lockedUntil: new Date(t.clock.now().getTime() + 10 * 60_000) })
    .where(eq(users.id, u.id));
  return u;
}

describe('sign-in gives no existence oracle', () => {
  it('answers a locked account and an unknown e-mail alike, each after one password hash', async () => {
    const locked = await lockedUser();
    const disabled = await makeUser(t.db.systemDb, 'municipal_staff', {
      municipalityCode: '432016',
      disabled: true,
    });
    const attempts = {
      unknown: { email: 'nobody-here@example.jp', password: 'some password' },
      lockedWrong: { email: locked.email, password: 'some password' },
      lockedRight: { email: locked.email, password: TEST_PASSWORD },
      disabled: { email: disabled.email, password: TEST_PASSWORD },
    };
    const answers: Record<string, { status: number; body: unknown; cookie: string | null }> = {};
    for (const [name, body] of Object.entries(attempts)) {
      vi.mocked(verifyPassword).mockClear();
      const res = await clientAt().post('/api/auth/sign-in', body);
      answers[name] = { status: res.status, body: res.body, cookie: res.headers.get('set-cookie') };
      // No shortcut: every one of them spends the cost of checking a password.
      expect(vi.mocked(verifyPassword), name).toHaveBeenCalledTimes(1);
    }
    expect(answers.unknown?.status).toBe(401);
    expect(answers.unknown?.body).toMatchObject({ error: { code: 'invalid_credentials' } });
    expect(answers.unknown?.cookie).toBeNull();
    for (const name of ['lockedWrong', 'lockedRight', 'disabled'])
      expect(answers[name], name).toEqual(answers.unknown);
  });

  it('answers the attempt that locks like any wrong password', async () => {
    const u = await makeUser(t.db.systemDb, 'municipal_staff', { municipalityCode: '432016' });
    const unknown = await clientAt().post('/api/auth/sign-in', { email: 'no-one@example.jp', password: 'x' });
    const client = clientAt();
    for (let i = 0; i < t.deps.config.signInMaxFailures; i++) {
      const res = await client.post('/api/auth/sign-in', { email: u.email, password: 'wrong password' });
      expect({ status: res.status, body: res.body }).toEqual({ status: unknown.status, body: unknown.body });
    }
    const [row] = await t.db.systemDb.select().from(users).where(eq(users.id, u.id));
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(t.clock.now().getTime());
  });
});

describe('invitation and password-reset links', () => {
  const routes = [
    ['/api/auth/invitations/accept', 'invitation'],
    ['/api/auth/password-reset/complete', 'password_reset'],
  ] as const;

  it.each(routes)('%s refuses an invalid link without hashing the password', async (path, purpose) => {
    const u = await makeUser(t.db.systemDb, 'municipal_staff', { municipalityCode: '432016' });
    const used = await issueToken(t.db.systemDb, u.id, purpose, { createdBy: null, now: t.clock.now() });
    const client = clientAt();
    const password = 'a new long password';
    for (const token of ['x'.repeat(43), used.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'))]) {
      const res = await client.post(path, { token, password });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('token_invalid');
    }
    // A link of the other kind is invalid here too.
    const other = purpose === 'invitation' ? 'password_reset' : 'invitation';
    const wrongKind = await issueToken(t.db.systemDb, u.id, other, { createdBy: null, now: t.clock.now() });
    expect((await client.post(path, { token: wrongKind, password })).body.error.code).toBe('token_invalid');
    expect(vi.mocked(hashPassword)).not.toHaveBeenCalled();
    // A live link hashes once and sets the password; used again, it is refused without hashing.
    const ok = await client.post(path, { token: used, password });
    expect(ok.status).toBe(200);
    expect(vi.mocked(hashPassword)).toHaveBeenCalledTimes(1);
    const again = await client.post(path, { token: used, password });
    expect(again.body.error.code).toBe('token_invalid');
    expect(vi.mocked(hashPassword)).toHaveBeenCalledTimes(1);
    const signIn = await clientAt().post('/api/auth/sign-in', { email: u.email, password });
    expect(signIn.status).toBe(200);
  });

  it('rate-limits attempts per client address, both links together', async () => {
    const ip = '198.18.1.1';
    const client = clientAt(ip);
    for (let i = 0; i < LINK_TOKEN_IP_LIMIT; i++) {
      const [path] = routes[i % 2]!;
      const res = await client.post(path, {
        token: `guess-${i}`.padEnd(43, 'x'),
        password: 'a new long password',
      });
      expect(res.body.error.code).toBe('token_invalid');
    }
    const over = await client.post(routes[0][0], { token: 'y'.repeat(43), password: 'a new long password' });
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('rate_limited');
    expect((await client.post(routes[1][0], { token: 'z'.repeat(43), password: 'x' })).status).toBe(429);
    // Another address is not held back.
    const elsewhere = await clientAt().post(routes[0][0], {
      token: 'y'.repeat(43),
      password: 'a new long password',
    });
    expect(elsewhere.body.error.code).toBe('token_invalid');
    expect(vi.mocked(hashPassword)).not.toHaveBeenCalled();
  });
});
