import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import {
  generateTotpSecret,
  makeCentre,
  makePrefecture,
  makeRegion,
  makeUser,
  TEST_PASSWORD,
} from '../../test/factories';
import { signInAs } from '../../test/sign-in';
import { totpCode } from './totp';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '43');
});
afterAll(() => t.close());

describe('sign-in', () => {
  it("names the kind of the user's scope in the session answer (branch staff: regions)", async () => {
    const db = t.db.systemDb;
    const region = await makeRegion(db, '43', '熊本市', ['431001']);
    const hq = await makeCentre(db, '43', { kind: 'hq', name: '本部' });
    const branch = await makeCentre(db, '43', {
      kind: 'branch',
      parentId: hq.id,
      name: '熊本市支部',
      regionIds: [region.id],
    });
    const cases = [
      { opts: { centreId: branch.id }, role: 'centre_staff', scopeKind: 'regions' },
      { opts: {}, role: 'centre_staff', scopeKind: 'prefecture' },
      { opts: {}, role: 'centre_admin', scopeKind: 'prefecture' },
      { opts: { municipalityCode: '432016' }, role: 'municipal_staff', scopeKind: 'municipality' },
    ] as const;
    for (const c of cases) {
      const secret = generateTotpSecret();
      const u = await makeUser(db, c.role, { ...c.opts, totpSecret: secret });
      const client = await signInAs(t, u, secret);
      const session = await client.get('/api/auth/session');
      expect(session.status).toBe(200);
      expect(session.body.user).toMatchObject({ id: u.id, role: c.role, scopeKind: c.scopeKind });
    }
    // The sign-in answer carries it too (before the second factor).
    const u = await makeUser(db, 'municipal_staff', { municipalityCode: '432016' });
    const signedIn = await new TestClient(t).post('/api/auth/sign-in', {
      email: u.email,
      password: TEST_PASSWORD,
    });
    expect(signedIn.body.user.scopeKind).toBe('municipality');
  });

  it('signs in a municipal user with a password and rotates the session cookie', async () => {
    const u = await makeUser(t.db.systemDb, 'municipal_staff', { municipalityCode: '432016' });
    const client = new TestClient(t);
    const first = await client.post('/api/auth/sign-in', { email: u.email, password: TEST_PASSWORD });
    expect(first.status).toBe(200);
    expect(first.body.authenticated).toBe(true);
    const cookie1 = client.cookie;
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(first.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    const again = await client.post('/api/auth/sign-in', { email: u.email, password: TEST_PASSWORD });
    expect(again.status).toBe(200);
    expect(client.cookie).not.toBe(cookie1);
    // The old session no longer works.
    const old = new TestClient(t);
    old.cookie = cookie1;
    expect((await old.get('/api/auth/session')).body.authenticated).toBe(false);
  });

  it('answers the same for an unknown e-mail and a wrong password', async () => {
    const u = await makeUser(t.db.systemDb, 'municipal_staff', { municipalityCode: '432016' });
    const client = new TestClient(t);
    const a = await client.post('/api/auth/sign-in', { email: 'nobody@example.jp', password: 'x' });
    const b = await client.post('/api/auth/sign-in', { email: u.email, password: 'wrong password!' });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body.error.code).toBe('invalid_credentials');
    expect(b.body.error.code).toBe('invalid_credentials');
    expect(a.body.error.ja).toContain('パスワード');
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    const u = await makeUser(t.db.systemDb, 'municipal_staff', { municipalityCode: '432016' });
    const client = new TestClient(t);
    client.ip = '192.0.2.77';
    for (let i = 0; i < 4; i++) {
      expect(
        (await client.post('/api/auth/sign-in', { email: u.email, password: 'bad password' })).status,
      ).toBe(401);
    }
    // The attempt that locks and every attempt while locked answer like a wrong password (no enumeration).
    const fifth = await client.post('/api/auth/sign-in', { email: u.email, password: 'bad password' });
    expect(fifth.body.error.code).toBe('invalid_credentials');
    const right = await client.post('/api/auth/sign-in', { email: u.email, password: TEST_PASSWORD });
    expect(right.status).toBe(401);
    expect(right.body.error.code).toBe('invalid_credentials');
    t.clock.advance(16 * 60_000);
    expect((await client.post('/api/auth/sign-in', { email: u.email, password: TEST_PASSWORD })).status).toBe(
      200,
    );
  });

  it('requires the TOTP code for a role that sees more than one municipality', async () => {
    const secret = generateTotpSecret();
    const u = await makeUser(t.db.systemDb, 'centre_staff', { totpSecret: secret });
    const client = new TestClient(t);
    const res = await client.post('/api/auth/sign-in', { email: u.email, password: TEST_PASSWORD });
    expect(res.body.authenticated).toBe(false);
    expect(res.body.mustVerifyTotp).toBe(true);
    const bad = await client.post('/api/auth/totp', {
      code: '000000' === totpCode(secret, t.clock.now()) ? '111111' : '000000',
    });
    expect(bad.status).toBe(401);
    const good = await client.post('/api/auth/totp', { code: totpCode(secret, t.clock.now()) });
    expect(good.status).toBe(200);
    expect(good.body.authenticated).toBe(true);
    // The same code cannot be replayed.
    const other = new TestClient(t);
    await other.post('/api/auth/sign-in', { email: u.email, password: TEST_PASSWORD });
    expect((await other.post('/api/auth/totp', { code: totpCode(secret, t.clock.now()) })).status).toBe(401);
  });

  it('makes a role that needs TOTP enrol before anything else', async () => {
    const u = await makeUser(t.db.systemDb, 'regional_coordinator', { totpSecret: null });
    const client = new TestClient(t);
    const res = await client.post('/api/auth/sign-in', { email: u.email, password: TEST_PASSWORD });
    expect(res.body.mustEnrolTotp).toBe(true);
    const enrol = await client.post('/api/auth/totp/enrol');
    expect(enrol.status).toBe(200);
    expect(enrol.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const confirm = await client.post('/api/auth/totp/confirm', {
      code: totpCode(enrol.body.secret, t.clock.now()),
    });
    expect(confirm.status).toBe(200);
    expect(confirm.body.authenticated).toBe(true);
  });

  it('refuses a state-changing request without the CSRF token or from another origin', async () => {
    const u = await makeUser(t.db.systemDb, 'municipal_staff', { municipalityCode: '432016' });
    const client = new TestClient(t);
    await client.post('/api/auth/sign-in', { email: u.email, password: TEST_PASSWORD });
    const token = client.csrf;
    client.csrf = null;
    expect((await client.post('/api/auth/locale', { locale: 'en' })).body.error.code).toBe('csrf_failed');
    client.csrf = token;
    const cross = await client.request(
      'POST',
      '/api/auth/locale',
      { locale: 'en' },
      { origin: 'https://evil.example' },
    );
    expect(cross.status).toBe(403);
    expect((await client.post('/api/auth/locale', { locale: 'en' })).status).toBe(200);
  });

  it('expires an idle session', async () => {
    const u = await makeUser(t.db.systemDb, 'municipal_staff', { municipalityCode: '432016' });
    const client = new TestClient(t);
    await client.post('/api/auth/sign-in', { email: u.email, password: TEST_PASSWORD });
    expect((await client.get('/api/auth/session')).body.authenticated).toBe(true);
    t.clock.advance(31 * 60_000);
    expect((await client.get('/api/auth/session')).body.authenticated).toBe(false);
  });

  it('answers malformed JSON and wrong types with 400 in both languages', async () => {
    const client = new TestClient(t);
    const bad = await client.request('POST', '/api/auth/sign-in', '{"email":', {});
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('malformed_json');
    const wrong = await client.post('/api/auth/sign-in', { email: 42 });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('validation_failed');
    expect(wrong.body.error.en).toBeTruthy();
    expect(wrong.body.error.issues.length).toBeGreaterThan(0);
  });
});
