import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema';
import { demoAccounts, demoDatabase } from '../../db/schema/demo';
import { markDemoDatabase } from '../../demo/marker';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { generateTotpSecret, makePrefecture, makeRegion, makeUser } from '../../test/factories';

let t: TestApp;
let regional: Awaited<ReturnType<typeof makeUser>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
let municipal: Awaited<ReturnType<typeof makeUser>>;
const embedded = () => t.db.kind === 'pglite';

const UNKNOWN_ROUTE = { error: expect.objectContaining({ code: 'not_found' }) };

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.systemDb;
  await makePrefecture(db, '43');
  const region = await makeRegion(db, '43', '熊本市', ['431001']);
  // Demo accounts as the seeding makes them: TOTP on for the roles that need it.
  admin = await makeUser(db, 'centre_admin', { totpSecret: generateTotpSecret() });
  regional = await makeUser(db, 'regional_coordinator', {
    regionId: region.id,
    totpSecret: generateTotpSecret(),
  });
  municipal = await makeUser(db, 'municipal_staff', {
    municipalityCode: '432016',
    division: 'disability_welfare',
  });
}, 60_000);
afterAll(() => t.close());

async function anonymousStatuses(client = new TestClient(t)) {
  const list = await client.get('/api/auth/demo/accounts');
  const signIn = await client.post('/api/auth/demo/sign-in', { userId: regional.id });
  const malformed = await client.post('/api/auth/demo/sign-in', { userId: 'not a uuid' });
  return { list, signIn, malformed };
}

describe('the demo role switch', () => {
  it('does not exist without the demo marker: 404 like an unknown route, before reading the input', async () => {
    const { list, signIn, malformed } = await anonymousStatuses();
    const unknown = await new TestClient(t).get('/api/auth/no-such-route');
    for (const res of [list, signIn, malformed]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual(unknown.body);
    }
  });

  it('exists once the demo seeding marked the database, only on the embedded engine', async () => {
    await t.db.systemDb.transaction((tx) =>
      markDemoDatabase(tx, {
        prefectureCode: '43',
        accounts: [
          { email: admin.email, label: 'センター管理者' },
          { email: regional.email, label: '圏域コーディネーター' },
          { email: municipal.email, label: '市町村職員' },
        ],
        now: t.clock.now(),
      }),
    );
    const client = new TestClient(t);
    const list = await client.get('/api/auth/demo/accounts');
    if (!embedded()) {
      // On a PostgreSQL server (DATABASE_URL) the switch never exists, marker or not.
      const { signIn, malformed } = await anonymousStatuses();
      for (const res of [list, signIn, malformed]) expect(res.status).toBe(404);
      return;
    }
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { userId: string }) => a.userId)).toEqual([
      admin.id,
      regional.id,
      municipal.id,
    ]);
    expect(list.body.items[1]).toEqual({
      userId: regional.id,
      role: 'regional_coordinator',
      displayName: regional.displayName,
      scope: { ja: '熊本市圏域', en: '熊本市 region' },
    });
    expect(list.body.items[2].scope.ja).toMatch(/ 障害福祉$/);
    expect(list.body.items[2].scope.en).toMatch(/, Disability welfare$/);
    expect(list.body.items[0].scope.ja).toMatch(/全域$/);
    // Never a credential.
    const text = JSON.stringify(list.body);
    expect(text).not.toMatch(/password|totp|secret|hash|email/i);
  });

  it('signs in as a demo account in one step, rotating the session, and audits it as a demo sign-in', async () => {
    if (!embedded()) return;
    const client = new TestClient(t);
    // First as the municipal account, then switch to the regional coordinator (TOTP on: no code asked).
    const first = await client.post('/api/auth/demo/sign-in', { userId: municipal.id });
    expect(first.status).toBe(200);
    const firstCookie = client.cookie;
    const second = await client.post('/api/auth/demo/sign-in', { userId: regional.id });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      authenticated: true,
      mustVerifyTotp: false,
      mustEnrolTotp: false,
      user: { id: regional.id, role: 'regional_coordinator' },
    });
    expect(client.cookie).not.toBe(firstCookie);
    const session = await client.get('/api/auth/session');
    expect(session.body).toMatchObject({ authenticated: true, user: { id: regional.id } });
    // Signed in completely: a staff endpoint answers.
    expect((await client.get('/api/registrations')).status).toBe(200);
    // The old session is gone.
    const stale = new TestClient(t);
    stale.cookie = firstCookie;
    expect((await stale.get('/api/auth/session')).body.authenticated).toBe(false);
    const audits = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'sign_in'), sql`${auditLog.entityIds} @> array[${regional.id}]::text[]`),
      );
    expect(audits).toHaveLength(1);
    expect(audits[0]!.detail).toEqual({ demo: true });
    expect(audits[0]!.prefectureCode).toBe('43');
  });

  it('refuses a user the demo seeding did not create, and a demo account an administrator disabled', async () => {
    if (!embedded()) return;
    const later = await makeUser(t.db.systemDb, 'centre_admin');
    const client = new TestClient(t);
    const added = await client.post('/api/auth/demo/sign-in', { userId: later.id });
    expect(added.status).toBe(404);
    expect(added.body).toMatchObject(UNKNOWN_ROUTE);
    const unknownId = await client.post('/api/auth/demo/sign-in', {
      userId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownId.status).toBe(404);
    const listed = (await client.get('/api/auth/demo/accounts')).body.items.map(
      (a: { userId: string }) => a.userId,
    );
    expect(listed).not.toContain(later.id);

    await t.db.systemDb.update(users).set({ disabledAt: t.clock.now() }).where(eq(users.id, admin.id));
    const disabled = await client.post('/api/auth/demo/sign-in', { userId: admin.id });
    expect(disabled.status).toBe(403);
    expect(client.cookie).toBeNull();
    const after = (await client.get('/api/auth/demo/accounts')).body.items.map(
      (a: { userId: string }) => a.userId,
    );
    expect(after).toEqual([regional.id, municipal.id]);
  });

  it('sends the CSRF token like sign-in when a session exists', async () => {
    if (!embedded()) return;
    const client = new TestClient(t);
    await client.post('/api/auth/demo/sign-in', { userId: municipal.id });
    client.csrf = 'wrong';
    const res = await client.post('/api/auth/demo/sign-in', { userId: regional.id });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
  });

  it('can be turned off with DEMO_ROLE_SWITCH=off, marker or not', async () => {
    const off = await createTestApp({ demoRoleSwitch: false });
    try {
      await makePrefecture(off.db.systemDb, '43');
      await off.db.systemDb.insert(demoDatabase).values({ prefectureCode: '43' });
      const u = await makeUser(off.db.systemDb, 'auditor');
      await off.db.systemDb.insert(demoAccounts).values({ userId: u.id, position: 0, label: '監査担当' });
      const client = new TestClient(off);
      expect((await client.get('/api/auth/demo/accounts')).status).toBe(404);
      expect((await client.post('/api/auth/demo/sign-in', { userId: u.id })).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
