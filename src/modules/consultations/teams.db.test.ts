/**
 * Supervise teams (ME-2) formed, renamed, re-membered and deactivated under optimistic locking, the teams
 * screen's overview, and the denied stories: another prefecture's team is 404, a role that manages no team 403.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { makeCentre, makeOrganisation, makePerson } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { type ConsultationWorld, consultationWorld, intake } from './testing';

let t: TestApp;
let w: ConsultationWorld;
let doctor: { id: string };
let nurse: { id: string };
let teacher: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
  const db = t.db.systemDb;
  const hospital = await makeOrganisation(db, '14', { kind: 'hospital', name: '湘南こども病院' });
  doctor = await makePerson(db, '14', {
    familyName: '医師',
    profession: 'doctor',
    organisationId: hospital.id,
  });
  nurse = await makePerson(db, '14', { familyName: '看護', profession: 'nurse' });
  teacher = await makePerson(db, '14', { familyName: '教員', profession: 'teacher' });
  // The regional coordinator of region B is the nurse of the network.
  await db.update(users).set({ personId: nurse.id }).where(eq(users.id, w.users.coordB.id));
});
afterAll(async () => {
  await t.close();
});

async function form(client = w.users.branch.client, body: Record<string, unknown> = {}) {
  return client.post('/api/consultations/supervise-teams', {
    name: '湘南スーパーバイズチーム',
    memberPersonIds: [doctor.id, nurse.id],
    ...body,
  });
}

describe('forming supervise teams', () => {
  it('a branch forms its own team; members carry their organisation and whether they use the app', async () => {
    const res = await form();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ tier: 'region', centreId: w.branch.id, active: true, version: 1 });
    const byName = Object.fromEntries(res.body.members.map((m: { familyName: string }) => [m.familyName, m]));
    expect(byName.医師).toMatchObject({ organisationName: '湘南こども病院', hasAccount: false });
    expect(byName.看護).toMatchObject({ organisationName: null, hasAccount: true });
  });

  it('branch staff form no team for the HQ; a centre of another prefecture or a wrong tier is 400', async () => {
    expect((await form(w.users.branch.client, { centreId: w.hq.id })).status).toBe(403);
    const other = await makeCentre(t.db.systemDb, '43', { kind: 'hq', name: '熊本センター' });
    const res = await form(w.users.centreAdmin.client, { centreId: other.id });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe('centreId');
    const tier = await form(w.users.centreAdmin.client, { centreId: w.hq.id, tier: 'region' });
    expect(tier.status).toBe(400);
    expect(tier.body.error.issues[0].message).toContain('/');
    const hq = await form(w.users.centreAdmin.client, { centreId: w.hq.id, name: '本部チーム' });
    expect(hq.body).toMatchObject({ tier: 'centre', centreName: '神奈川県医療的ケア児支援センター' });
  });

  it('municipal staff, coordinators and auditors form none; people of another prefecture are refused', async () => {
    for (const u of [w.users.fujisawa, w.users.coordA, w.users.auditor]) {
      expect((await form(u.client)).status).toBe(403);
    }
    const stranger = await makePerson(t.db.systemDb, '43');
    const res = await form(w.users.centreAdmin.client, { memberPersonIds: [stranger.id] });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe('memberPersonIds');
  });
});

describe('changing supervise teams', () => {
  it('renames and changes members under the version read; a stale version is 409 with the team now', async () => {
    const team = (await form()).body;
    const renamed = await w.users.centreAdmin.client.patch(`/api/consultations/supervise-teams/${team.id}`, {
      version: 1,
      name: '湘南チーム（小児）',
      memberPersonIds: [doctor.id, teacher.id],
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.version).toBe(2);
    expect(renamed.body.members.map((m: { familyName: string }) => m.familyName).sort()).toEqual(
      ['医師', '教員'].sort(),
    );
    const stale = await w.users.branch.client.patch(`/api/consultations/supervise-teams/${team.id}`, {
      version: 1,
      name: '古い名前',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.detail.current).toMatchObject({ name: '湘南チーム（小児）', version: 2 });
    const audit = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'consultation_team'), eq(auditLog.action, 'configure')));
    const entry = audit.find((a) => a.entityIds.includes(team.id) && a.detail.change === 'update');
    expect(entry?.detail).toMatchObject({ added: [teacher.id], removed: [nurse.id] });
  });

  it('a removed member stops seeing what the team was asked at once', async () => {
    const team = (await form()).body;
    const c = await intake(w.users.fujisawa.client);
    const asked = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/handoffs`, {
      kind: 'supervise',
      to: { teamId: team.id },
    });
    expect(asked.status).toBe(201);
    expect((await w.users.coordB.client.get(`/api/consultations/${c.id}`)).status).toBe(200);
    await w.users.branch.client.patch(`/api/consultations/supervise-teams/${team.id}`, {
      version: 1,
      memberPersonIds: [doctor.id],
    });
    expect((await w.users.coordB.client.get(`/api/consultations/${c.id}`)).status).toBe(404);
  });

  it('a deactivated team takes no new request and leaves the choices; it can be brought back', async () => {
    const team = (await form(w.users.branch.client, { name: '休止するチーム' })).body;
    const off = await w.users.branch.client.patch(`/api/consultations/supervise-teams/${team.id}`, {
      version: 1,
      active: false,
    });
    expect(off.body.active).toBe(false);
    const choices = await w.users.fujisawa.client.get('/api/consultations/teams');
    expect(choices.body.superviseTeams.map((s: { id: string }) => s.id)).not.toContain(team.id);
    const c = await intake(w.users.fujisawa.client);
    const refused = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/handoffs`, {
      kind: 'supervise',
      to: { teamId: team.id },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('consultation_team_inactive');
    const on = await w.users.centreAdmin.client.patch(`/api/consultations/supervise-teams/${team.id}`, {
      version: 2,
      active: true,
    });
    expect(on.body).toMatchObject({ active: true, version: 3 });
    const again = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/handoffs`, {
      kind: 'supervise',
      to: { teamId: team.id },
    });
    expect(again.status).toBe(201);
  });

  it('denied: another prefecture gets 404, a role that manages no team (or not this one) 403', async () => {
    const team = (await form()).body;
    const path = `/api/consultations/supervise-teams/${team.id}`;
    const body = { version: 1, name: 'x' };
    expect((await w.users.centre43.client.patch(path, body)).status).toBe(404);
    expect((await w.users.kumamoto.client.patch(path, body)).status).toBe(404);
    for (const u of [w.users.fujisawa, w.users.coordA, w.users.auditor]) {
      expect((await u.client.patch(path, body)).status).toBe(403);
    }
    // Staff of another branch manage their own branch's teams only.
    const other = await makeCentre(t.db.systemDb, '14', { kind: 'branch', parentId: w.hq.id, name: '県央' });
    const { client } = await signedInUser(t, 'centre_staff', { prefectureCode: '14', centreId: other.id });
    expect((await client.patch(path, body)).status).toBe(403);
    // A tier team, an unknown id and a malformed one are simply not found.
    const mine = await w.users.fujisawa.client.get('/api/consultations/teams');
    await intake(w.users.fujisawa.client);
    const tierId = (await w.users.fujisawa.client.get('/api/consultations/teams')).body.mine[0].id;
    expect(mine.status).toBe(200);
    const admin = w.users.centreAdmin.client;
    expect((await admin.patch(`/api/consultations/supervise-teams/${tierId}`, body)).status).toBe(404);
    expect(
      (await admin.patch('/api/consultations/supervise-teams/00000000-0000-4000-8000-000000000000', body))
        .status,
    ).toBe(404);
    expect((await admin.patch('/api/consultations/supervise-teams/nope', body)).status).toBe(404);
    // Nothing changed.
    const now = await w.users.branch.client.get('/api/consultations/teams/overview');
    const same = now.body.superviseTeams.find((s: { id: string }) => s.id === team.id);
    expect(same).toMatchObject({ name: '湘南スーパーバイズチーム', version: 1 });
  });
});

describe('the teams overview', () => {
  it('shows a user its tier team with the users acting for it, and what it may change', async () => {
    const res = await w.users.fujisawa.client.get('/api/consultations/teams/overview');
    expect(res.status).toBe(200);
    expect(res.body.tierTeams).toEqual([
      {
        tier: 'municipality',
        name: '藤沢市',
        members: [expect.objectContaining({ userId: w.users.fujisawa.id, role: 'municipal_staff' })],
      },
    ]);
    expect(res.body.canForm).toBe(false);
    expect(res.body.formingCentres).toEqual([]);
    expect(res.body.superviseTeams.every((s: { canEdit: boolean }) => !s.canEdit)).toBe(true);

    const branch = await w.users.branch.client.get('/api/consultations/teams/overview');
    expect(branch.body.tierTeams.map((x: { name: string }) => x.name)).toEqual(['湘南ブランチ']);
    expect(branch.body.formingCentres.map((c: { id: string }) => c.id)).toEqual([w.branch.id]);
    const admin = await w.users.centreAdmin.client.get('/api/consultations/teams/overview');
    expect(admin.body.canForm).toBe(true);
    expect(admin.body.superviseTeams.every((s: { canEdit: boolean }) => s.canEdit)).toBe(true);
    // Another prefecture sees none of 神奈川's supervise teams.
    const k = await w.users.centre43.client.get('/api/consultations/teams/overview');
    expect(k.body.superviseTeams).toEqual([]);
  });

  it('gives roles in no team no tier team and nothing to change', async () => {
    const { client } = await signedInUser(t, 'provider_staff', {
      prefectureCode: '14',
      organisationId: (await makeOrganisation(t.db.systemDb, '14')).id,
    });
    for (const c of [client, w.users.auditor.client]) {
      const res = await c.get('/api/consultations/teams/overview');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ tierTeams: [], canForm: false, formingCentres: [] });
      expect(res.body.superviseTeams.every((s: { canEdit: boolean }) => !s.canEdit)).toBe(true);
    }
  });
});
