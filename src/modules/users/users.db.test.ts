import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { makeCentre, makeOrganisation, makePrefecture, makeRegion, makeUser } from '../../test/factories';
import { signedInUser, signInAs } from '../../test/sign-in';

let t: TestApp;
let admin: TestClient;
let adminId: string;
let system: TestClient;
let region43: string;
let region14: string;
let branch43: string;
let hq43: string;
let org43: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.systemDb;
  await makePrefecture(db, '43');
  await makePrefecture(db, '14');
  region43 = (await makeRegion(db, '43', '県北', ['431001'])).id;
  region14 = (await makeRegion(db, '14', '横浜', ['141003'])).id;
  hq43 = (await makeCentre(db, '43')).id;
  branch43 = (await makeCentre(db, '43', { kind: 'branch', parentId: hq43, regionIds: [region43] })).id;
  org43 = (await makeOrganisation(db, '43')).id;
  const a = await signedInUser(t, 'centre_admin');
  admin = a.client;
  adminId = a.user.id;
  ({ client: system } = await signedInUser(t, 'system_admin', { prefectureCode: null }));
});
afterAll(() => t.close());

const tokenOf = (url: string) => url.split('#token=')[1]!;

describe('inviting users', () => {
  it('invites a municipal user who accepts the invitation and signs in', async () => {
    const res = await admin.post('/api/admin/users', {
      email: 'Yamada.Hanako@City.Example.JP',
      displayName: '山田 花子',
      role: 'municipal_staff',
      scope: { municipalityCode: '431001', division: 'maternal_child_health' },
    });
    expect(res.status).toBe(200);
    expect(res.body.invitationUrl).toMatch(/^\/invite#token=[\w-]{20,}$/);
    expect(res.body.user).toMatchObject({
      email: 'yamada.hanako@city.example.jp',
      role: 'municipal_staff',
      prefectureCode: '43',
      scope: { municipalityCode: '431001', division: 'maternal_child_health', regionId: null },
      invitationPending: true,
      totpEnabled: false,
      disabled: false,
      version: 1,
    });
    const listed = await admin.get('/api/admin/users?q=yamada');
    expect(listed.body.map((u: { id: string }) => u.id)).toEqual([res.body.user.id]);

    const anon = new TestClient(t);
    const password = 'a long enough password';
    const accept = await anon.post('/api/auth/invitations/accept', {
      token: tokenOf(res.body.invitationUrl),
      password,
    });
    expect(accept.status).toBe(200);
    const signedIn = await signInAs(t, res.body.user, undefined, password);
    expect((await signedIn.get('/api/auth/session')).body.user.email).toBe('yamada.hanako@city.example.jp');
    expect((await admin.get(`/api/admin/users/${res.body.user.id}`)).body.invitationPending).toBe(false);
    expect((await admin.post(`/api/admin/users/${res.body.user.id}/resend-invitation`)).body.error.code).toBe(
      'invitation_accepted',
    );
    // The link works once.
    expect(
      (await anon.post('/api/auth/invitations/accept', { token: tokenOf(res.body.invitationUrl), password }))
        .status,
    ).toBe(400);

    const mine = (await t.db.systemDb.select().from(auditLog).where(eq(auditLog.entityType, 'user'))).filter(
      (e) => e.entityIds.includes(res.body.user.id),
    );
    expect(mine.map((e) => (e.detail as { event?: string }).event)).toContain('user_invited');
  });

  it('refuses a duplicate e-mail whatever its case', async () => {
    const body = { email: 'dup@example.jp', displayName: '重複', role: 'auditor' };
    expect((await admin.post('/api/admin/users', body)).status).toBe(200);
    const again = await admin.post('/api/admin/users', { ...body, email: 'DUP@example.jp' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('duplicate');
  });

  it('checks that the scope fits the role and the prefecture', async () => {
    const base = { displayName: 'x' };
    const cases: [unknown, number, string][] = [
      [{ role: 'regional_coordinator', scope: {} }, 400, 'validation_failed'],
      [{ role: 'regional_coordinator', scope: { regionId: region14 } }, 400, 'validation_failed'],
      [{ role: 'municipal_staff', scope: { municipalityCode: '431002' } }, 400, 'invalid_municipality_code'],
      [{ role: 'municipal_staff', scope: { municipalityCode: '141003' } }, 400, 'invalid_municipality_code'],
      [{ role: 'centre_staff', scope: { centreId: hq43 } }, 400, 'validation_failed'],
      [{ role: 'centre_admin', scope: { regionId: region43 } }, 400, 'validation_failed'],
      [{ role: 'provider_staff', scope: {} }, 400, 'validation_failed'],
      [{ role: 'system_admin' }, 403, 'forbidden'],
      [{ role: 'auditor', prefectureCode: '14' }, 403, 'forbidden'],
      [{ role: 'regional_coordinator', scope: { regionId: region43 } }, 200, ''],
      [{ role: 'centre_staff', scope: { centreId: branch43 } }, 200, ''],
      [{ role: 'centre_staff' }, 200, ''],
      [{ role: 'provider_staff', scope: { organisationId: org43 } }, 200, ''],
    ];
    let n = 0;
    for (const [extra, status, code] of cases) {
      const res = await admin.post('/api/admin/users', {
        ...base,
        email: `scope${n++}@example.jp`,
        ...(extra as object),
      });
      expect(res.status, JSON.stringify(extra)).toBe(status);
      if (code) expect(res.body.error.code, JSON.stringify(extra)).toBe(code);
    }
  });

  it('makes the system administrator name the prefecture of a prefectural user', async () => {
    const body = { email: 'kanagawa-admin@example.jp', displayName: '神奈川管理者', role: 'centre_admin' };
    const missing = await system.post('/api/admin/users', body);
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues[0].path).toBe('prefectureCode');
    expect((await system.post('/api/admin/users', { ...body, prefectureCode: '02' })).status).toBe(400);
    const ok = await system.post('/api/admin/users', { ...body, prefectureCode: '14' });
    expect(ok.status).toBe(200);
    expect(ok.body.user.prefectureCode).toBe('14');
    const sysBody = { email: 'ops@example.jp', displayName: '運用', role: 'system_admin' };
    expect((await system.post('/api/admin/users', { ...sysBody, prefectureCode: '14' })).status).toBe(400);
    const sysOk = await system.post('/api/admin/users', sysBody);
    expect(sysOk.body.user).toMatchObject({ role: 'system_admin', prefectureCode: null });
    expect(
      (await system.get('/api/admin/users?prefecture=14')).body.map((u: { email: string }) => u.email),
    ).toEqual(['kanagawa-admin@example.jp']);
  });
});

describe('changing users', () => {
  it('changes role and scope, keeps the fields a new role uses, and answers a stale version with 409', async () => {
    const u = await makeUser(t.db.systemDb, 'municipal_staff', {
      municipalityCode: '431001',
      division: 'education',
    });
    const first = await admin.patch(`/api/admin/users/${u.id}`, { version: 1, displayName: '新しい名前' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ displayName: '新しい名前', version: 2 });
    const stale = await admin.patch(`/api/admin/users/${u.id}`, { version: 1, displayName: '古い版から' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.detail.current).toMatchObject({ displayName: '新しい名前', version: 2 });

    const promoted = await admin.patch(`/api/admin/users/${u.id}`, {
      version: 2,
      role: 'regional_coordinator',
      scope: { regionId: region43 },
    });
    expect(promoted.body).toMatchObject({
      role: 'regional_coordinator',
      scope: { regionId: region43, municipalityCode: null },
    });
    const toAdmin = await admin.patch(`/api/admin/users/${u.id}`, { version: 3, role: 'centre_admin' });
    expect(toAdmin.body).toMatchObject({ role: 'centre_admin', scope: { regionId: null } });
    const noRegion = await admin.patch(`/api/admin/users/${u.id}`, {
      version: 4,
      role: 'regional_coordinator',
    });
    expect(noRegion.status).toBe(400);
    expect((await admin.patch(`/api/admin/users/${u.id}`, { version: 4, role: 'system_admin' })).status).toBe(
      403,
    );
  });

  it('does not let an administrator change its own role or disable itself', async () => {
    const self = await admin.get(`/api/admin/users/${adminId}`);
    const role = await admin.patch(`/api/admin/users/${adminId}`, {
      version: self.body.version,
      role: 'auditor',
    });
    expect(role.status).toBe(403);
    expect(role.body.error.code).toBe('cannot_change_self');
    const disable = await admin.post(`/api/admin/users/${adminId}/disable`);
    expect(disable.body.error.code).toBe('cannot_change_self');
    expect(disable.body.error.ja).toContain('自分自身');
  });
});

describe('account actions', () => {
  it('disabling ends the sessions at once; enabling lets the user back in', async () => {
    const { user, client } = await signedInUser(t, 'municipal_staff', { municipalityCode: '431001' });
    expect((await client.get('/api/auth/session')).body.authenticated).toBe(true);
    const res = await admin.post(`/api/admin/users/${user.id}/disable`);
    expect(res.status).toBe(200);
    expect(res.body.disabled).toBe(true);
    expect((await client.get('/api/auth/session')).body.authenticated).toBe(false);
    expect((await client.get('/api/network/regions')).status).toBe(401);
    await expect(signInAs(t, user)).rejects.toThrow(/401/);
    expect((await admin.post(`/api/admin/users/${user.id}/enable`)).body.disabled).toBe(false);
    expect((await (await signInAs(t, user)).get('/api/auth/session')).body.authenticated).toBe(true);
  });

  it('resetting TOTP ends the sessions and makes the user enrol again', async () => {
    const { user, client } = await signedInUser(t, 'centre_staff');
    const res = await admin.post(`/api/admin/users/${user.id}/reset-totp`);
    expect(res.body.totpEnabled).toBe(false);
    expect((await client.get('/api/auth/session')).body.authenticated).toBe(false);
    const again = new TestClient(t);
    again.ip = '203.0.113.9';
    const signIn = await again.post('/api/auth/sign-in', {
      email: user.email,
      password: 'correct horse battery staple',
    });
    expect(signIn.body.mustEnrolTotp).toBe(true);
    const [row] = await t.db.systemDb.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
  });

  it('issues a password-reset link that sets a new password', async () => {
    const u = await makeUser(t.db.systemDb, 'provider_staff', { organisationId: org43 });
    const res = await admin.post(`/api/admin/users/${u.id}/reset-password`);
    expect(res.body.resetUrl).toMatch(/^\/reset-password#token=/);
    const password = 'another long password';
    const done = await new TestClient(t).post('/api/auth/password-reset/complete', {
      token: tokenOf(res.body.resetUrl),
      password,
    });
    expect(done.status).toBe(200);
    expect(
      (await (await signInAs(t, u, undefined, password)).get('/api/auth/session')).body.authenticated,
    ).toBe(true);
  });

  it('unlocks a locked account', async () => {
    const u = await makeUser(t.db.systemDb, 'municipal_staff', { municipalityCode: '431001' });
    await t.db.systemDb
      .update(users)
      .set({ lockedUntil: new Date(t.clock.now().getTime() + 600_000), failedSignIns: 3 })
      .where(eq(users.id, u.id));
    expect((await admin.get(`/api/admin/users/${u.id}`)).body.locked).toBe(true);
    const res = await admin.post(`/api/admin/users/${u.id}/unlock`);
    expect(res.body.locked).toBe(false);
    const events = (await t.db.systemDb.select().from(auditLog).where(eq(auditLog.entityType, 'user')))
      .filter((e) => e.entityIds.includes(u.id))
      .map((e) => e.detail.event);
    expect(events).toEqual(['user_unlocked']);
  });

  it('re-issues an invitation, and only the newest link works', async () => {
    const res = await admin.post('/api/admin/users', {
      email: 'late@example.jp',
      displayName: '遅い人',
      role: 'auditor',
    });
    const again = await admin.post(`/api/admin/users/${res.body.user.id}/resend-invitation`);
    expect(again.status).toBe(200);
    const anon = new TestClient(t);
    const password = 'a long enough password';
    expect(
      (await anon.post('/api/auth/invitations/accept', { token: tokenOf(res.body.invitationUrl), password }))
        .status,
    ).toBe(400);
    expect(
      (
        await anon.post('/api/auth/invitations/accept', {
          token: tokenOf(again.body.invitationUrl),
          password,
        })
      ).status,
    ).toBe(200);
  });
});
