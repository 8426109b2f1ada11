import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { makePrefecture, makeUser, TEST_PASSWORD } from '../../test/factories';

let secure: TestApp;
let plain: TestApp;
beforeAll(async () => {
  secure = await createTestApp({ cookieSecure: true });
  plain = await createTestApp({ cookieSecure: false });
  for (const app of [secure, plain]) await makePrefecture(app.db.systemDb, '43');
});
afterAll(async () => {
  await secure.close();
  await plain.close();
});

/** The Set-Cookie header's attributes, lower-cased, without the name=value pair. */
function attributes(setCookie: string): string[] {
  return setCookie
    .split(';')
    .slice(1)
    .map((a) => a.trim().toLowerCase());
}

async function signIn(app: TestApp) {
  const u = await makeUser(app.db.systemDb, 'municipal_staff', { municipalityCode: '432016' });
  const client = new TestClient(app);
  const res = await client.post('/api/auth/sign-in', { email: u.email, password: TEST_PASSWORD });
  expect(res.status).toBe(200);
  return { client, setCookie: res.headers.get('set-cookie') ?? '' };
}

describe('session cookie', () => {
  it('is Secure and __Host- prefixed when served securely, and read under that name', async () => {
    const { client, setCookie } = await signIn(secure);
    expect(setCookie).toMatch(/^__Host-tsunagu_session=[\w-]{43};/);
    const attrs = attributes(setCookie);
    expect(attrs).toEqual(expect.arrayContaining(['path=/', 'secure', 'httponly', 'samesite=lax']));
    expect(attrs.some((a) => a.startsWith('domain='))).toBe(false);
    expect((await client.get('/api/auth/session')).body.authenticated).toBe(true);
    // The same token under the unprefixed name is not a session here.
    const token = client.cookie?.split('=')[1];
    const unprefixed = await secure.app.request('/api/auth/session', {
      headers: { cookie: `tsunagu_session=${token}` },
    });
    expect(((await unprefixed.json()) as { authenticated: boolean }).authenticated).toBe(false);
    // Signing out clears the prefixed cookie (a __Host- cookie can only be replaced with Secure and Path=/).
    const out = await client.post('/api/auth/sign-out');
    const cleared = out.headers.get('set-cookie') ?? '';
    expect(cleared).toMatch(/^__Host-tsunagu_session=;/);
    expect(attributes(cleared)).toEqual(expect.arrayContaining(['path=/', 'secure', 'max-age=0']));
    expect((await client.get('/api/auth/session')).body.authenticated).toBe(false);
  });

  it('keeps working over plain http in development, without Secure or the prefix', async () => {
    const { client, setCookie } = await signIn(plain);
    expect(setCookie).toMatch(/^tsunagu_session=[\w-]{43};/);
    const attrs = attributes(setCookie);
    expect(attrs).toEqual(expect.arrayContaining(['path=/', 'httponly', 'samesite=lax']));
    expect(attrs).not.toContain('secure');
    expect((await client.get('/api/auth/session')).body.authenticated).toBe(true);
  });

  it('is secure in production or behind an https PUBLIC_URL, unless COOKIE_SECURE says otherwise', () => {
    const base = { TSUNAGU_SECRET: 'x'.repeat(40) };
    const cases: [Record<string, string>, boolean][] = [
      [{}, false],
      [{ NODE_ENV: 'production' }, true],
      [{ PUBLIC_URL: 'https://tsunagu.pref.example.lg.jp' }, true],
      [{ PUBLIC_URL: 'http://tsunagu.local:3000' }, false],
      [{ NODE_ENV: 'production', COOKIE_SECURE: 'false' }, false],
      [{ COOKIE_SECURE: 'true' }, true],
    ];
    for (const [env, expected] of cases) {
      expect(loadConfig({ ...base, ...env }).cookieSecure, JSON.stringify(env)).toBe(expected);
    }
  });
});
