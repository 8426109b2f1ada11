import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { makeChild, makePerson } from '../../test/factories';
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

describe('caseload board (MI-8)', () => {
  it('warns when the busiest people carry a disproportionate share of a region, by a configurable rule', async () => {
    for (let i = 0; i < 10; i++)
      await intake(w.users.fujisawa.client, { nextActionOn: i < 3 ? '2025-01-01' : null });
    await intake(w.users.chigasaki.client, { municipalityCode: '142077' });
    await intake(w.users.coordA.client, { municipalityCode: '142077' });
    await intake(w.users.hiratsuka.client, { municipalityCode: '142034' });

    const board = await w.users.centreAdmin.client.get('/api/consultations/caseload');
    expect(board.status).toBe(200);
    const fuji = board.body.people.find((p: { userId: string }) => p.userId === w.users.fujisawa.id);
    expect(fuji).toMatchObject({ open: 10, overdue: 3, newThisMonth: 10 });
    const team = board.body.teams.find((x: { name: string }) => x.name === '藤沢市');
    expect(team).toMatchObject({ tier: 'municipality', open: 10, overdue: 3 });
    const regionA = board.body.regions.find((r: { regionId: string }) => r.regionId === w.regionA.id);
    expect(regionA).toMatchObject({
      people: 3,
      openCases: 12,
      topCount: 1,
      topCases: 10,
      warn: true,
      skipped: null,
    });
    expect(regionA.topPersonIds).toEqual([w.users.fujisawa.id]);
    const regionB = board.body.regions.find((r: { regionId: string }) => r.regionId === w.regionB.id);
    expect(regionB).toMatchObject({ warn: false, skipped: 'too_few_cases' });
    expect(board.body.rule).toMatchObject({ topShare: 0.1, maxShare: 0.4, minCases: 10 });
    expect(board.body.rule.explanation.ja).toContain('上位10%');
    expect(board.body.rule.explanation.en).toContain('40%');

    // Only centre administrators change the rule; a bad rule is refused.
    const staff = await w.users.centre.client.request('PUT', '/api/consultations/caseload/rule', {
      topShare: 0.1,
      maxShare: 0.9,
      minCases: 10,
    });
    expect(staff.status).toBe(403);
    const bad = await w.users.centreAdmin.client.request('PUT', '/api/consultations/caseload/rule', {
      topShare: 0,
      maxShare: 0.9,
      minCases: 10,
    });
    expect(bad.status).toBe(400);
    const ok = await w.users.centreAdmin.client.request('PUT', '/api/consultations/caseload/rule', {
      topShare: 0.1,
      maxShare: 0.9,
      minCases: 10,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ maxShare: 0.9, version: 1 });
    const after = await w.users.centreAdmin.client.get('/api/consultations/caseload');
    expect(after.body.regions.find((r: { regionId: string }) => r.regionId === w.regionA.id).warn).toBe(
      false,
    );

    // A municipal user's board covers its own team only.
    const own = await w.users.chigasaki.client.get('/api/consultations/caseload');
    expect(own.body.teams.map((x: { name: string }) => x.name)).toEqual(['茅ヶ崎市']);
  });

  it('counts the children carried as well as the cases, and the children a person is key coordinator of', async () => {
    const client = w.users.hiratsuka.client;
    const m = { municipalityCode: '142034' };
    const db = t.db.systemDb;
    const person = await makePerson(db, '14', { familyName: '平塚', givenName: '担当' });
    await db.update(users).set({ personId: person.id }).where(eq(users.id, w.users.hiratsuka.id));
    const kid = await makeChild(db, '14', '142034', { consent: true });
    const other = await makeChild(db, '14', '142034', { consent: true });
    // Two cases about the same child, one about another, one anonymous: three open cases, two children.
    await intake(client, { ...m, child: { kind: 'registered', childId: kid.id } });
    await intake(client, { ...m, child: { kind: 'registered', childId: kid.id } });
    await intake(client, { ...m, child: { kind: 'registered', childId: other.id } });
    await intake(client, m);
    // The person the account stands for is key coordinator of one child (NA-2).
    const detail = (await w.users.centre.client.get(`/api/children/${other.id}`)).body;
    const key = await w.users.centre.client.post(`/api/children/${other.id}/care-team`, {
      version: detail.version,
      personId: person.id,
      role: 'coordinator',
      isKeyCoordinator: true,
    });
    expect(key.status).toBe(201);
    const board = await w.users.centreAdmin.client.get('/api/consultations/caseload');
    const row = board.body.people.find((p: { userId: string }) => p.userId === w.users.hiratsuka.id);
    expect(row).toMatchObject({ children: 2, keyChildren: 1 });
    expect(row.open).toBeGreaterThanOrEqual(4);
    const team = board.body.teams.find((x: { name: string }) => x.name === '平塚市');
    expect(team.children).toBe(2);
    // A user who may not see the child does not count it: 茅ヶ崎's board has nothing of 平塚.
    const own = await w.users.chigasaki.client.get('/api/consultations/caseload');
    expect(
      own.body.people.find((p: { userId: string }) => p.userId === w.users.hiratsuka.id),
    ).toBeUndefined();
  });
});
