/**
 * Learners in the user administration: the centre administrator of their prefecture sees and disables them;
 * giving a learner a staff role clears the self-chosen password and answers a new invitation link, so staff
 * access always rests on a link the administrator hands over. Another prefecture's administrator cannot tell
 * a learner from an unknown id; a learner cannot open the administration at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { makePrefecture, makeUser, TEST_PASSWORD } from '../../test/factories';
import { signedInUser, signInAs } from '../../test/sign-in';

let t: TestApp;
let admin: TestClient;
let admin14: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '43');
  await makePrefecture(t.db.systemDb, '14');
  admin = (await signedInUser(t, 'centre_admin')).client;
  admin14 = (await signedInUser(t, 'centre_admin', { prefectureCode: '14' })).client;
});
afterAll(() => t.close());

const signIn = (email: string, password = TEST_PASSWORD) =>
  new TestClient(t).post('/api/auth/sign-in', { email, password });

describe('learners in the user administration', () => {
  it('lists the learners of the prefecture by role and disables one, which ends the sign-in', async () => {
    const learner = await makeUser(t.db.systemDb, 'learner', { prefectureCode: '43' });
    const listed = await admin.get('/api/admin/users?role=learner');
    expect(listed.status).toBe(200);
    expect(listed.body.map((u: { id: string }) => u.id)).toContain(learner.id);
    expect(listed.body.every((u: { role: string }) => u.role === 'learner')).toBe(true);

    const client = await signInAs(t, learner);
    const disabled = await admin.post(`/api/admin/users/${learner.id}/disable`);
    expect(disabled.body).toMatchObject({ role: 'learner', disabled: true });
    expect((await client.get('/api/auth/session')).body.authenticated).toBe(false);
    expect((await signIn(learner.email)).status).toBe(401);
  });

  it('gives a learner a staff role only through a new invitation link', async () => {
    const learner = await makeUser(t.db.systemDb, 'learner', { prefectureCode: '43' });
    const client = await signInAs(t, learner);
    const res = await admin.patch(`/api/admin/users/${learner.id}`, {
      version: learner.version,
      role: 'municipal_staff',
      scope: { municipalityCode: '431001' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'municipal_staff', invitationPending: true });
    expect(res.body.invitationUrl).toMatch(/^\/invite#token=[\w-]{20,}$/);
    // The learner's own password and session no longer open the account.
    expect((await client.get('/api/auth/session')).body.authenticated).toBe(false);
    expect((await signIn(learner.email)).status).toBe(401);

    const accepted = await new TestClient(t).post('/api/auth/invitations/accept', {
      token: res.body.invitationUrl.split('#token=')[1],
      password: 'a new staff password',
    });
    expect(accepted.status).toBe(200);
    const staff = await signIn(learner.email, 'a new staff password');
    expect(staff.body.user).toMatchObject({ role: 'municipal_staff', scopeKind: 'municipality' });
  });

  it('keeps the password of a staff member made a learner, and drops the staff scope', async () => {
    const staff = await makeUser(t.db.systemDb, 'municipal_staff', {
      prefectureCode: '43',
      municipalityCode: '431001',
    });
    const res = await admin.patch(`/api/admin/users/${staff.id}`, {
      version: staff.version,
      role: 'learner',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'learner', invitationPending: false });
    expect(res.body.invitationUrl).toBeUndefined();
    expect(res.body.scope.municipalityCode).toBeNull();
    const signedIn = await signIn(staff.email);
    expect(signedIn.body.user).toMatchObject({ role: 'learner', scopeKind: 'none' });
  });

  it('hides a learner from another prefecture’s administrator, as an unknown id', async () => {
    const learner = await makeUser(t.db.systemDb, 'learner', { prefectureCode: '43' });
    for (const id of [learner.id, '00000000-0000-4000-8000-000000000000']) {
      const read = await admin14.get(`/api/admin/users/${id}`);
      const disable = await admin14.post(`/api/admin/users/${id}/disable`);
      expect([read.status, disable.status], id).toEqual([404, 404]);
    }
  });

  it('refuses a learner the administration', async () => {
    const learner = await makeUser(t.db.systemDb, 'learner', { prefectureCode: '43' });
    const client = await signInAs(t, learner);
    expect((await client.get('/api/admin/users')).status).toBe(403);
    const invite = await client.post('/api/admin/users', {
      email: 'x@example.jp',
      displayName: 'x',
      role: 'centre_admin',
    });
    expect(invite.status).toBe(403);
  });
});
