/**
 * The child's key coordinator and care team (NA-2) on the record: people of the network added with their
 * part, one key coordinator at a time, each change under the record's version with history and audit; people
 * of another prefecture are unknown (404); a stale version is refused (409); read-only roles may not edit.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { makeOrganisation, makePerson } from '../../test/factories';
import { createChildVia, type RegistryWorld, registryWorld } from '../../test/registry-world';

let t: TestApp;
let w: RegistryWorld;
let nurse: { id: string };
let coordinator: { id: string };
let foreigner: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await registryWorld(t);
  const db = t.db.systemDb;
  const station = await makeOrganisation(db, '14', {
    kind: 'provider',
    name: 'ふじさわ訪問看護ステーション',
  });
  nurse = await makePerson(db, '14', {
    familyName: '看護',
    givenName: '花子',
    organisationId: station.id,
    profession: '看護師',
  });
  coordinator = await makePerson(db, '14', {
    familyName: '調整',
    givenName: '太郎',
    coordinatorTier: 'regional',
  });
  foreigner = await makePerson(db, '43', { familyName: '熊本', givenName: '一郎' });
}, 60_000);
afterAll(() => t.close());

describe('care team (NA-2)', () => {
  it('adds members from the network, keeps one key coordinator and writes history and audit', async () => {
    const client = w.clients.centreStaff;
    const child = await createChildVia(client);
    const added = await client.post(`/api/children/${child.id}/care-team`, {
      version: child.version,
      personId: nurse.id,
      role: 'visiting_nurse',
      isKeyCoordinator: true,
    });
    expect(added.status).toBe(201);
    expect(added.body.version).toBe(child.version + 1);
    expect(added.body.careTeam).toEqual([
      expect.objectContaining({
        personId: nurse.id,
        name: '看護 花子',
        role: 'visiting_nurse',
        isKeyCoordinator: true,
        organisationName: 'ふじさわ訪問看護ステーション',
        profession: '看護師',
      }),
    ]);
    // A new key coordinator takes the flag: still one per child, listed first.
    const second = await client.post(`/api/children/${child.id}/care-team`, {
      version: added.body.version,
      personId: coordinator.id,
      role: 'coordinator',
      isKeyCoordinator: true,
    });
    expect(second.status).toBe(201);
    expect(
      second.body.careTeam.map((m: { name: string; isKeyCoordinator: boolean }) => [
        m.name,
        m.isKeyCoordinator,
      ]),
    ).toEqual([
      ['調整 太郎', true],
      ['看護 花子', false],
    ]);
    const nurseRow = second.body.careTeam[1].id;
    const changed = await client.patch(`/api/children/${child.id}/care-team/${nurseRow}`, {
      version: second.body.version,
      note: '週3回 訪問',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.careTeam[1].note).toBe('週3回 訪問');
    const removed = await client.delete(
      `/api/children/${child.id}/care-team/${nurseRow}?version=${changed.body.version}`,
    );
    expect(removed.status).toBe(200);
    expect(removed.body.careTeam).toHaveLength(1);

    const history = (await client.get(`/api/children/${child.id}/history`)).body as {
      action: string;
      changes: Record<string, unknown>;
    }[];
    expect(history.slice(0, 4).map((h) => h.action)).toEqual([
      'careTeam.remove',
      'careTeam.update',
      'careTeam.add',
      'careTeam.add',
    ]);
    const audits = await t.db.systemDb
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'child'), eq(auditLog.action, 'update')));
    const events = audits.map((a) => (a.detail as { event?: string }).event);
    expect(events).toEqual(expect.arrayContaining(['careTeam.add', 'careTeam.update', 'careTeam.remove']));
  });

  it('refuses a person of another prefecture as unknown, a stale version with 409, a read-only role with 403', async () => {
    const client = w.clients.centreStaff;
    const child = await createChildVia(client);
    const foreign = await client.post(`/api/children/${child.id}/care-team`, {
      version: child.version,
      personId: foreigner.id,
      role: 'teacher',
    });
    expect(foreign.status).toBe(404);
    const badRole = await client.post(`/api/children/${child.id}/care-team`, {
      version: child.version,
      personId: nurse.id,
      role: 'astronaut',
    });
    expect(badRole.status).toBe(400);
    const ok = await client.post(`/api/children/${child.id}/care-team`, {
      version: child.version,
      personId: nurse.id,
      role: 'visiting_nurse',
    });
    expect(ok.status).toBe(201);
    const stale = await client.post(`/api/children/${child.id}/care-team`, {
      version: child.version,
      personId: coordinator.id,
      role: 'coordinator',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.detail.changedFields).toContain('careTeam');
    const auditor = await w.clients.auditor.post(`/api/children/${child.id}/care-team`, {
      version: ok.body.version,
      personId: coordinator.id,
      role: 'coordinator',
    });
    expect(auditor.status).toBe(403);
    // Another prefecture's staff never learn the record exists.
    const other = await w.clients.centre43.post(`/api/children/${child.id}/care-team`, {
      version: ok.body.version,
      personId: foreigner.id,
      role: 'teacher',
    });
    expect(other.status).toBe(404);
    const after = (await client.get(`/api/children/${child.id}`)).body;
    expect(after.version).toBe(ok.body.version);
    expect(after.careTeam).toHaveLength(1);
  });
});
