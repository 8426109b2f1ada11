import { eq } from 'drizzle-orm';
import { users } from '../db/schema';
import { ROLE_INFO, type Role } from '../modules/access/roles';
import { totpCode, totpStep } from '../modules/accounts/totp';
import type { TestApp } from './app';
import { TestClient } from './app';
import { generateTotpSecret, makeUser, TEST_PASSWORD, type UserOpts } from './factories';

const STEP_MS = 30_000;
let nextAddress = 0;

/**
 * Signs a factory user in (password, then TOTP when the user has it) and returns the browser-like client.
 * Each client gets its own address so the per-address sign-in throttle never trips a long test file.
 * A TOTP code is accepted once per 30-second step (±1 step): the helper uses the next unused step and
 * moves the test clock on by whole steps only when it has to.
 */
export async function signInAs(
  t: TestApp,
  user: { id: string; email: string },
  totpSecret?: string,
  password = TEST_PASSWORD,
): Promise<TestClient> {
  const client = new TestClient(t);
  nextAddress = (nextAddress % 250) + 1;
  client.ip = `198.51.100.${nextAddress}`;
  const res = await client.post('/api/auth/sign-in', { email: user.email, password });
  if (res.status !== 200)
    throw new Error(`sign-in of ${user.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  if (res.body.mustEnrolTotp)
    throw new Error(`${user.email} must enrol TOTP first: create it with a totpSecret`);
  if (!res.body.mustVerifyTotp) return client;
  if (!totpSecret) throw new Error(`${user.email} has TOTP: pass its secret`);
  const [row] = await t.db.systemDb
    .select({ last: users.totpLastStep })
    .from(users)
    .where(eq(users.id, user.id));
  const last = row?.last ?? null;
  let step = totpStep(t.clock.now());
  if (last !== null && last >= step + 1) {
    t.clock.advance((last - step) * STEP_MS);
    step = totpStep(t.clock.now());
  }
  const useStep = last !== null && last >= step ? last + 1 : step;
  const done = await client.post('/api/auth/totp', {
    code: totpCode(totpSecret, new Date(useStep * STEP_MS)),
  });
  if (done.status !== 200)
    throw new Error(`TOTP of ${user.email} failed: ${done.status} ${JSON.stringify(done.body)}`);
  return client;
}

/**
 * Makes a user of the role (TOTP enrolled when the role requires it) and signs it in.
 * Defaults to prefecture 43 like makeUser; pass `prefectureCode: null` for a system administrator.
 */
export async function signedInUser(t: TestApp, role: Role, opts: UserOpts = {}) {
  const secret = ROLE_INFO[role].requiresTotp ? generateTotpSecret() : undefined;
  const user = await makeUser(t.db.systemDb, role, { ...opts, totpSecret: secret ?? null });
  const client = await signInAs(t, user, secret);
  return { user, client, secret };
}
