import { and, arrayContains, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, notifications } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { signedInUser } from '../../test/sign-in';
import { createOrganizationVia, createServiceVia } from '../resources/testing';
import { type ConsultationWorld, consultationWorld, intake, intakeBody } from './testing';

let t: TestApp;
let w: ConsultationWorld;
let service14: { id: string; name: string };
let service43: { id: string; name: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
  const org14 = await createOrganizationVia(w.users.centreAdmin.client);
  service14 = await createServiceVia(w.users.centreAdmin.client, org14, {
    name: '訪問看護ステーションあおば',
  });
  const org43 = await createOrganizationVia(w.users.centre43.client, { name: '熊本の法人' });
  service43 = await createServiceVia(w.users.centre43.client, org43, {
    name: '熊本の放課後デイ',
    location: { address: '熊本市中央区1-1', municipalityCode: '431001' },
  });
});
afterAll(async () => {
  await t.close();
});

const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);

describe('referral to a service of the directory', () => {
  it('stores a readable listing with its name; another prefecture’s listing is refused with 400', async () => {
    const c = await intake(w.users.fujisawa.client);
    expect((await w.users.fujisawa.client.get(`/api/consultations/${c.id}`)).body.referralPicker).toBe(
      'directory',
    );
    const foreign = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/actions`, {
      kind: 'referral',
      resourceId: service43.id,
      followUpOn: '2099-01-01',
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.issues[0]).toMatchObject({ path: 'resourceId' });
    expect(foreign.body.error.issues[0].ja).toBeTruthy();
    expect(foreign.body.error.issues[0].en).toBeTruthy();
    expect(JSON.stringify(foreign.body)).not.toContain('熊本の放課後デイ');

    const unknown = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/actions`, {
      kind: 'referral',
      resourceId: '00000000-0000-4000-8000-000000000000',
      followUpOn: '2099-01-01',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues[0]).toMatchObject({ path: 'resourceId' });

    const ok = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/actions`, {
      kind: 'referral',
      resourceId: service14.id,
      followUpOn: '2099-01-01',
      minutes: 10,
    });
    expect(ok.status).toBe(201);
    expect(ok.body.timeline[0]).toMatchObject({
      kind: 'referral',
      resourceId: service14.id,
      resourceName: '訪問看護ステーションあおば',
      resourceText: '訪問看護ステーションあおば',
      followUpOn: '2099-01-01',
    });
    // The centre reads the same case with the listing's name too.
    const asCentre = await w.users.centre.client.get(`/api/consultations/${c.id}`);
    expect(asCentre.body.timeline[0].resourceName).toBe('訪問看護ステーションあおば');
  });

  it('a referral still needs its follow-up date when a listing is picked', async () => {
    const c = await intake(w.users.fujisawa.client);
    const res = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/actions`, {
      kind: 'referral',
      resourceId: service14.id,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain('followUpOn');
  });
});

describe('follow-up done', () => {
  it('clears the referral from the overdue lists and cannot be recorded twice', async () => {
    const c = await intake(w.users.fujisawa.client);
    const referred = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/actions`, {
      kind: 'referral',
      resourceId: service14.id,
      followUpOn: '2025-02-01',
    });
    expect(referred.body.timeline[0].followUpOverdue).toBe(true);
    expect(ids(await w.users.fujisawa.client.get('/api/consultations?view=overdue'))).toContain(c.id);
    const referralId = referred.body.timeline[0].id;
    const done = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/actions`, {
      kind: 'call',
      note: '利用開始を確認しました',
      minutes: 5,
      followUpOf: referralId,
    });
    expect(done.status).toBe(201);
    const referral = done.body.timeline.find((a: { id: string }) => a.id === referralId);
    expect(referral.followUpDoneAt).not.toBeNull();
    expect(referral.followUpOverdue).toBe(false);
    expect(done.body.overdue).toBe(false);
    expect(ids(await w.users.fujisawa.client.get('/api/consultations?view=overdue'))).not.toContain(c.id);
    const again = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/actions`, {
      kind: 'call',
      followUpOf: referralId,
    });
    expect(again.status).toBe(400);
    expect(again.body.error.issues[0].path).toBe('followUpOf');
  });
});

describe('reassigning a case within the owning team', () => {
  it('assigns to a member (notified), 409 when stale, 400 for a non-member, 404 for outsiders', async () => {
    const colleague = await signedInUser(t, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142051',
    });
    const c = await intake(w.users.fujisawa.client);
    const page = await w.users.fujisawa.client.get(`/api/consultations/${c.id}`);
    const memberIds = page.body.assignees.map((a: { id: string }) => a.id);
    expect(memberIds).toEqual(expect.arrayContaining([w.users.fujisawa.id, colleague.user.id]));
    expect(memberIds).not.toContain(w.users.chigasaki.id);

    const moved = await w.users.fujisawa.client.patch(`/api/consultations/${c.id}`, {
      version: page.body.version,
      assignedUserId: colleague.user.id,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.assignedUserId).toBe(colleague.user.id);
    expect(moved.body.assignedUserName).toBe(colleague.user.displayName);
    const told = await t.db.systemDb
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientUserId, colleague.user.id), eq(notifications.entityId, c.id)));
    expect(told).toHaveLength(1);
    expect(told[0]!.kind).toBe('consultation_assigned');

    const stale = await w.users.fujisawa.client.patch(`/api/consultations/${c.id}`, {
      version: page.body.version,
      assignedUserId: w.users.fujisawa.id,
    });
    expect(stale.status).toBe(409);

    const nonMember = await w.users.fujisawa.client.patch(`/api/consultations/${c.id}`, {
      version: moved.body.version,
      assignedUserId: w.users.chigasaki.id,
    });
    expect(nonMember.status).toBe(400);
    expect(nonMember.body.error.issues[0].path).toBe('assignedUserId');

    for (const outsider of [w.users.chigasaki, w.users.kumamoto, w.users.coordB]) {
      const res = await outsider.client.patch(`/api/consultations/${c.id}`, {
        version: moved.body.version,
        assignedUserId: outsider.id,
      });
      expect(res.status).toBe(404);
    }

    // "Assign to me": the first member takes the case back.
    const mine = await w.users.fujisawa.client.patch(`/api/consultations/${c.id}`, {
      version: moved.body.version,
      assignedUserId: w.users.fujisawa.id,
    });
    expect(mine.status).toBe(200);
    expect(mine.body.assignedUserId).toBe(w.users.fujisawa.id);
  });

  it('at intake too: a colleague of the team may be named, anyone else is refused with 400 and nothing is written', async () => {
    const colleague = await signedInUser(t, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142051',
    });
    const named = await intake(w.users.fujisawa.client, { assignedUserId: colleague.user.id });
    expect(named.assignedUserId).toBe(colleague.user.id);

    const count = async () => (await w.users.fujisawa.client.get('/api/consultations?view=team')).body.total;
    const before = await count();
    // Same prefecture, other team (茅ヶ崎市; the centre's administrator).
    for (const outsider of [w.users.chigasaki, w.users.centreAdmin]) {
      const res = await w.users.fujisawa.client.post(
        '/api/consultations',
        intakeBody({ assignedUserId: outsider.id }),
      );
      expect(res.status).toBe(400);
      expect(res.body.error.issues[0].path).toBe('assignedUserId');
      expect(res.body.error.issues[0].ja).toContain('担当するチームのメンバー');
    }
    expect(await count()).toBe(before);
  });

  it('a team only sharing the case sees no assignees and cannot reassign it', async () => {
    const c = await intake(w.users.fujisawa.client);
    const page = await w.users.centreAdmin.client.get(`/api/consultations/${c.id}`);
    expect(page.status).toBe(200);
    // The centre administrator reads every case of the prefecture but is not in the municipality's team.
    expect(page.body.assignees).toEqual([]);
    const res = await w.users.centreAdmin.client.patch(`/api/consultations/${c.id}`, {
      version: page.body.version,
      assignedUserId: w.users.centreAdmin.id,
    });
    expect(res.status).toBe(403);
  });
});

describe('the printout', () => {
  it('is read through the same scope and audited as a printout; outsiders get 404', async () => {
    const c = await intake(w.users.fujisawa.client);
    const printed = await w.users.fujisawa.client.get(`/api/consultations/${c.id}?purpose=print`);
    expect(printed.status).toBe(200);
    const reads = await t.db.systemDb
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'read'), arrayContains(auditLog.entityIds, [c.id])));
    expect(reads.map((r) => r.detail.purpose)).toContain('print');
    for (const outsider of [w.users.chigasaki, w.users.kumamoto]) {
      expect((await outsider.client.get(`/api/consultations/${c.id}?purpose=print`)).status).toBe(404);
    }
  });
});
