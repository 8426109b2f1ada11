import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, notifications, users } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { makePerson } from '../../test/factories';
import { type ConsultationWorld, consultationWorld, intake } from './testing';

let t: TestApp;
let w: ConsultationWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t);
});
afterAll(async () => {
  await t.close();
});

describe('intake', () => {
  it('records a consultation in the team of the municipal coordinator, first contact at the municipality', async () => {
    const c = await intake(w.users.fujisawa.client, {
      urgency: 'soon',
      topics: ['childcare', 'medical_care'],
    });
    expect(c.ownerTeam).toMatchObject({ tier: 'municipality', name: '藤沢市' });
    expect(c.firstTier).toBe('municipality');
    expect(c.assignedUserId).toBe(w.users.fujisawa.id);
    expect(c.allowedActions).toContain('requestHandoff');
    const list = await w.users.fujisawa.client.get(
      '/api/consultations?view=team&urgency=soon&topic=medical_care',
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    const audit = await t.db.systemDb.select().from(auditLog).where(eq(auditLog.entityType, 'consultation'));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'search']));
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const before = await w.users.fujisawa.client.get('/api/consultations?view=team&status=any');
    const bad = await w.users.fujisawa.client.post('/api/consultations', {
      municipalityCode: '142051',
      topics: [],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.ja).toBeTruthy();
    expect(bad.body.error.en).toBeTruthy();
    const otherPref = await w.users.fujisawa.client.post('/api/consultations', {
      municipalityCode: '431001',
      askerKind: 'family',
      channel: 'phone',
      child: { kind: 'anonymous' },
      topics: ['other'],
      urgency: 'normal',
      subject: '件名',
      narrative: 'x',
    });
    expect(otherPref.status).toBe(400);
    const after = await w.users.fujisawa.client.get('/api/consultations?view=team&status=any');
    expect(after.body.total).toBe(before.body.total);
  });

  it('auditors and providers cannot record consultations', async () => {
    const res = await w.users.auditor.client.post('/api/consultations', {
      municipalityCode: '142051',
      askerKind: 'family',
      channel: 'phone',
      child: { kind: 'anonymous' },
      topics: ['other'],
      urgency: 'normal',
      subject: '件名',
      narrative: 'x',
    });
    expect(res.status).toBe(403);
  });

  it('a stale version answers 409 with the current record and changed fields; nothing changes', async () => {
    const c = await intake(w.users.fujisawa.client);
    const ok = await w.users.fujisawa.client.patch(`/api/consultations/${c.id}`, {
      version: c.version,
      urgency: 'urgent',
    });
    expect(ok.status).toBe(200);
    const stale = await w.users.fujisawa.client.patch(`/api/consultations/${c.id}`, {
      version: c.version,
      narrative: '上書きしようとした内容',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.detail.current.urgency).toBe('urgent');
    expect(stale.body.error.detail.changedFields).toContain('urgency');
    const now = await w.users.fujisawa.client.get(`/api/consultations/${c.id}`);
    expect(now.body.narrative).not.toBe('上書きしようとした内容');
  });
});

describe('hand-off life', () => {
  it('back-up shares the case with the region without moving ownership', async () => {
    const c = await intake(w.users.fujisawa.client);
    expect((await w.users.coordA.client.get(`/api/consultations/${c.id}`)).status).toBe(404);
    const asked = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/handoffs`, {
      kind: 'backup',
      to: { tier: 'region', regionId: w.regionA.id },
      reason: '保育園との調整について助言がほしい',
    });
    expect(asked.status).toBe(201);
    const pending = asked.body.handoffs[0];
    expect(pending).toMatchObject({ kind: 'backup', status: 'requested' });
    // The same team is not asked twice; the answer says why in both languages.
    const twiceAsked = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/handoffs`, {
      kind: 'backup',
      to: { tier: 'region', regionId: w.regionA.id },
    });
    expect(twiceAsked.status).toBe(409);
    expect(twiceAsked.body.error).toMatchObject({ code: 'consultation_share_exists' });
    expect(twiceAsked.body.error.ja).toContain('後方支援');
    // The region sees the pending request in its inbox and may accept it.
    const inbox = await w.users.coordA.client.get('/api/consultations?view=handoffs-inbox');
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    const accepted = await w.users.coordA.client.post(
      `/api/consultations/${c.id}/handoffs/${pending.id}/accept`,
      {},
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.ownerTeam.name).toBe('藤沢市');
    expect(accepted.body.shares.map((s: { name: string }) => s.name)).toEqual(['湘南東部']);
    expect(accepted.body.allowedActions).toEqual(['addAction']);
    // The region records its advice; it cannot change or close the case.
    const act = await w.users.coordA.client.post(`/api/consultations/${c.id}/actions`, {
      kind: 'call',
      minutes: 20,
      note: '保育課と看護師配置について助言',
    });
    expect(act.status).toBe(201);
    const patch = await w.users.coordA.client.patch(`/api/consultations/${c.id}`, {
      version: act.body.version,
      urgency: 'urgent',
    });
    expect(patch.status).toBe(403);
    // The municipality was told (through its shared inbox), without the child's name.
    const notes = await t.db.systemDb.select().from(notifications).where(eq(notifications.entityId, c.id));
    expect(notes.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['consultation_backup_requested', 'consultation_backup_accepted']),
    );
  });

  it('a hand-off moves ownership only on acceptance; the handing team keeps back-up when asked', async () => {
    const c = await intake(w.users.fujisawa.client);
    const asked = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/handoffs`, {
      kind: 'handoff',
      to: { tier: 'centre' },
      reason: '医療機関との調整が必要',
      keepAsBackup: true,
    });
    expect(asked.status).toBe(201);
    expect(asked.body.ownerTeam.name).toBe('藤沢市');
    // A second hand-off while one is pending is refused.
    const twice = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/handoffs`, {
      kind: 'handoff',
      to: { tier: 'region', regionId: w.regionA.id },
    });
    expect(twice.status).toBe(409);
    const h = asked.body.handoffs.find((x: { kind: string }) => x.kind === 'handoff');
    // Only the receiving team decides; the asking team cannot accept its own request.
    expect(
      (await w.users.fujisawa.client.post(`/api/consultations/${c.id}/handoffs/${h.id}/accept`, {})).status,
    ).toBe(403);
    const done = await w.users.centre.client.post(`/api/consultations/${c.id}/handoffs/${h.id}/accept`, {});
    expect(done.status).toBe(200);
    expect(done.body.ownerTeam.tier).toBe('centre');
    expect(done.body.assignedUserId).toBe(w.users.centre.id);
    expect(done.body.firstTier).toBe('municipality');
    // Fujisawa stays as back-up: it still sees the case and may add to the timeline.
    const fuji = await w.users.fujisawa.client.get(`/api/consultations/${c.id}`);
    expect(fuji.status).toBe(200);
    expect(fuji.body.allowedActions).toEqual(['addAction']);
    // It records its own work, but the next action date stays the owning team's to set.
    const moveDate = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/actions`, {
      kind: 'call',
      nextActionOn: '2099-01-01',
    });
    expect(moveDate.status).toBe(400);
    expect(moveDate.body.error.issues[0]).toMatchObject({ path: 'nextActionOn' });
    expect((await w.users.centre.client.get(`/api/consultations/${c.id}`)).body.nextActionOn).not.toBe(
      '2099-01-01',
    );
    const entry = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/actions`, { kind: 'call' });
    expect(entry.status).toBe(201);
    // Deciding again is refused.
    const again = await w.users.centre.client.post(`/api/consultations/${c.id}/handoffs/${h.id}/decline`, {
      reason: 'x',
    });
    expect(again.status).toBe(409);
  });

  it('a decline needs a reason and leaves ownership; a withdrawal takes the request back', async () => {
    const c = await intake(w.users.fujisawa.client);
    const asked = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/handoffs`, {
      kind: 'handoff',
      to: { tier: 'region', centreId: w.branch.id },
    });
    const h = asked.body.handoffs[0];
    const noReason = await w.users.branch.client.post(
      `/api/consultations/${c.id}/handoffs/${h.id}/decline`,
      {},
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('consultation_reason_required');
    const declined = await w.users.branch.client.post(`/api/consultations/${c.id}/handoffs/${h.id}/decline`, {
      reason: '市町村で対応可能な内容のため',
    });
    expect(declined.status).toBe(200);
    // After declining, the branch no longer sees the case.
    expect(declined.body).toMatchObject({ id: c.id, visible: false });
    const page = await w.users.fujisawa.client.get(`/api/consultations/${c.id}`);
    expect(page.body.ownerTeam.name).toBe('藤沢市');
    expect(page.body.handoffs[0]).toMatchObject({
      status: 'declined',
      decisionReason: '市町村で対応可能な内容のため',
    });

    const again = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/handoffs`, {
      kind: 'handoff',
      to: { tier: 'centre' },
    });
    const h2 = again.body.handoffs.find((x: { status: string }) => x.status === 'requested');
    expect(
      (await w.users.centre.client.post(`/api/consultations/${c.id}/handoffs/${h2.id}/withdraw`, {})).status,
    ).toBe(403);
    const withdrawn = await w.users.fujisawa.client.post(
      `/api/consultations/${c.id}/handoffs/${h2.id}/withdraw`,
      {},
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.handoffs.find((x: { id: string }) => x.id === h2.id).status).toBe('withdrawn');
    expect(withdrawn.body.ownerTeam.name).toBe('藤沢市');
  });

  it('closing records the resolving tier and withdraws pending requests', async () => {
    const c = await intake(w.users.fujisawa.client);
    await w.users.fujisawa.client.post(`/api/consultations/${c.id}/handoffs`, {
      kind: 'backup',
      to: { tier: 'centre' },
    });
    const page = await w.users.fujisawa.client.get(`/api/consultations/${c.id}`);
    const closed = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/close`, {
      version: page.body.version,
      outcome: 'resolved',
      note: '入園先が決まった',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      outcome: 'resolved',
      resolvedTier: 'municipality',
      allowedActions: [],
    });
    expect(closed.body.handoffs[0].status).toBe('withdrawn');
    const more = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/actions`, {
      kind: 'note',
      note: 'x',
    });
    expect(more.status).toBe(409);
  });
});

describe('supervise teams (ME-2)', () => {
  it('a branch forms a team from people of the network; a member linked to a user takes part', async () => {
    const doctor = await makePerson(t.db.systemDb, '14', { familyName: '医師', profession: 'doctor' });
    const nurse = await makePerson(t.db.systemDb, '14', { familyName: '看護', profession: 'nurse' });
    // The regional coordinator of region B is the nurse of the network.
    await t.db.systemDb.update(users).set({ personId: nurse.id }).where(eq(users.id, w.users.coordB.id));
    const formed = await w.users.branch.client.post('/api/consultations/supervise-teams', {
      name: '湘南スーパーバイズチーム',
      tier: 'region',
      centreId: w.branch.id,
      memberPersonIds: [doctor.id, nurse.id],
    });
    expect(formed.status).toBe(201);
    expect(
      (
        await w.users.fujisawa.client.post('/api/consultations/supervise-teams', {
          name: 'x',
          tier: 'region',
          memberPersonIds: [doctor.id],
        })
      ).status,
    ).toBe(403);
    const teams = await w.users.fujisawa.client.get('/api/consultations/teams');
    expect(teams.body.superviseTeams.map((s: { id: string }) => s.id)).toContain(formed.body.id);

    const c = await intake(w.users.fujisawa.client);
    // A tier team cannot be asked as a supervise team, nor a supervise team for a hand-off.
    expect(
      (
        await w.users.fujisawa.client.post(`/api/consultations/${c.id}/handoffs`, {
          kind: 'supervise',
          to: { tier: 'centre' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await w.users.fujisawa.client.post(`/api/consultations/${c.id}/handoffs`, {
          kind: 'handoff',
          to: { teamId: formed.body.id },
        })
      ).status,
    ).toBe(400);
    const asked = await w.users.fujisawa.client.post(`/api/consultations/${c.id}/handoffs`, {
      kind: 'supervise',
      to: { teamId: formed.body.id },
      reason: '医療と福祉の両面から助言がほしい',
    });
    expect(asked.status).toBe(201);
    const h = asked.body.handoffs[0];
    // The member (coordinator of region B) sees the request through the supervise team and accepts it.
    const mine = await w.users.coordB.client.get('/api/consultations?view=handoffs-inbox');
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    const ok = await w.users.coordB.client.post(`/api/consultations/${c.id}/handoffs/${h.id}/accept`, {});
    expect(ok.status).toBe(200);
    expect(ok.body.ownerTeam.name).toBe('藤沢市');
    expect(ok.body.shares.map((s: { kind: string }) => s.kind)).toEqual(['supervise']);
    const notes = await t.db.systemDb
      .select()
      .from(notifications)
      .where(eq(notifications.recipientUserId, w.users.coordB.id));
    expect(notes.map((n) => n.kind)).toContain('consultation_supervise_requested');
  });
});
