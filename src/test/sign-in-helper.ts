import type { users } from '../db/schema';
import { totpCode } from '../modules/accounts/totp';
import { type TestApp, TestClient } from './app';
import { TEST_PASSWORD } from './factories';

/**
 * Signs a factory user in through the real endpoints (password, then TOTP when enrolled) and returns the
 * client holding the session. TOTP steps are single-use, so the clock moves one step after each use.
 */
export async function signInAs(t: TestApp, user: typeof users.$inferSelect, totpSecret?: string | null) {
  const client = new TestClient(t);
  const res = await client.post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in failed for ${user.email}: ${JSON.stringify(res.body)}`);
  if (res.body.mustVerifyTotp) {
    if (!totpSecret) throw new Error(`${user.email} needs a TOTP secret`);
    const r = await client.post('/api/auth/totp', { code: totpCode(totpSecret, t.clock.now()) });
    if (r.status !== 200) throw new Error(`TOTP failed for ${user.email}: ${JSON.stringify(r.body)}`);
    t.clock.advance(30_000);
  }
  return client;
}
