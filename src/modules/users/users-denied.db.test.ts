import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { makePrefecture, makeUser } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';

/**
 * The denied story: a centre administrator of prefecture 43 cannot see or touch users of prefecture 14
 * or system administrators (404, never in a list); other roles cannot use user administration (403).
 */
let t: TestApp;
let foreign: string;
let systemUser: string;
let own: string;

beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '43');
  await makePrefecture(t.db.systemDb, '14');
  foreign = (await makeUser(t.db.systemDb, 'centre_admin', { prefectureCode: '14' })).id;
  systemUser = (await makeUser(t.db.systemDb, 'system_admin', { prefectureCode: null })).id;
  own = (await makeUser(t.db.systemDb, 'municipal_staff', { municipalityCode: '431001' })).id;
});
afterAll(() => t.close());

const actionsOn = (id: string): [string, string, unknown?][] => [
  ['GET', `/api/admin/users/${id}`],
  ['PATCH', `/api/admin/users/${id}`, { version: 1, displayName: 'x' }],
  ['POST', `/api/admin/users/${id}/disable`, {}],
  ['POST', `/api/admin/users/${id}/enable`, {}],
  ['POST', `/api/admin/users/${id}/reset-totp`, {}],
  ['POST', `/api/admin/users/${id}/reset-password`, {}],
  ['POST', `/api/admin/users/${id}/unlock`, {}],
  ['POST', `/api/admin/users/${id}/resend-invitation`, {}],
];

describe('a centre administrator of prefecture 43', () => {
  let admin: TestClient;
  beforeAll(async () => {
    ({ client: admin } = await signedInUser(t, 'centre_admin'));
  });

  it('never lists users of another prefecture or system administrators', async () => {
    const res = await admin.get('/api/admin/users');
    expect(res.status).toBe(200);
    const ids = res.body.map((u: { id: string }) => u.id);
    expect(ids).toContain(own);
    expect(ids).not.toContain(foreign);
    expect(ids).not.toContain(systemUser);
    expect(res.body.every((u: { prefectureCode: string }) => u.prefectureCode === '43')).toBe(true);
    // Naming another prefecture does not widen the list.
    expect((await admin.get('/api/admin/users?prefecture=14')).body).toEqual([]);
  });

  it('gets 404 for every action on those users, and for ids that are not UUIDs', async () => {
    for (const id of [foreign, systemUser]) {
      for (const [method, path, body] of actionsOn(id)) {
        const res = await admin.request(method, path, body);
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.body.error.code).toBe('not_found');
      }
    }
    expect((await admin.get('/api/admin/users/not-a-uuid')).status).toBe(404);
    expect((await admin.post('/api/admin/users/42/disable')).status).toBe(404);
  });
});

describe('roles that do not administer users', () => {
  it.each(['municipal_staff', 'auditor', 'centre_staff', 'regional_coordinator', 'provider_staff'] as const)(
    '%s gets 403 on the list, on invitations and on actions',
    async (role) => {
      const { client } = await signedInUser(t, role, {
        municipalityCode: role === 'municipal_staff' ? '431001' : undefined,
      });
      expect((await client.get('/api/admin/users')).status).toBe(403);
      const invite = await client.post('/api/admin/users', {
        email: `${role}-new@example.jp`,
        displayName: 'x',
        role: 'auditor',
      });
      expect(invite.status).toBe(403);
      for (const [method, path, body] of actionsOn(own)) {
        expect((await client.request(method, path, body)).status, `${method} ${path}`).toBe(403);
      }
    },
  );

  it('answers 401 without a session', async () => {
    expect((await new TestClient(t).get('/api/admin/users')).status).toBe(401);
  });
});
