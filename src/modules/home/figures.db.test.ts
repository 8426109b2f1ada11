import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import {
  makeCentre,
  makeChild,
  makeOrganisation,
  makePrefecture,
  makeRegion,
  makeUser,
} from '../../test/factories';
import { signInAs } from '../../test/sign-in';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = new Date('2026-06-01T03:00:00Z'); // 令和8年度
  await makePrefecture(t.db.systemDb, '14');
});
afterAll(() => t.close());

describe('home figures', () => {
  it('counts by status, life stage and 年度 milestones over the user’s municipality only', async () => {
    const db = t.db.systemDb;
    await makeChild(db, '14', '142051', { birthDate: '2024-05-01' }); // infant
    await makeChild(db, '14', '142051', { birthDate: '2020-06-01' }); // enters school April 2027 (next 年度)
    await makeChild(db, '14', '142051', { birthDate: '2008-10-10' }); // turns 18 in 令和8年度, high school
    await makeChild(db, '14', '142051', { birthDate: '2015-01-01', status: 'in_hospital' }); // elementary
    await makeChild(db, '14', '142051', { birthDate: '2001-01-01', status: 'adult_services' });
    await makeChild(db, '14', '142077', { birthDate: '2018-01-01' }); // other municipality
    const u = await makeUser(db, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142051' });
    const client = await signInAs(t, u);
    const res = await client.get('/api/home/figures');
    expect(res.status).toBe(200);
    const f = res.body;
    expect(f.nendo).toBe(2026);
    expect(f.scope).toMatchObject({ kind: 'municipality', municipalityName: '藤沢市' });
    expect(f.children.total).toBe(5);
    const stage = Object.fromEntries(
      f.children.byLifeStage.map((s: { stage: string; count: number }) => [s.stage, s.count]),
    );
    expect(stage).toMatchObject({ infant: 1, preschool: 1, elementary: 1, high_school: 1, adult: 0 });
    expect(f.children.enteringSchoolNextNendo).toBe(1);
    expect(f.children.turning18ThisNendo).toBe(1);
    expect(f.children.byMunicipality).toEqual([{ code: '142051', name: '藤沢市', count: 5 }]);
    const status = Object.fromEntries(
      f.children.byStatus.map((s: { status: string; count: number }) => [s.status, s.count]),
    );
    expect(status).toEqual({ at_home: 3, in_hospital: 1, adult_services: 1 });
  });

  it('gives a system administrator the network of every prefecture, in total and per prefecture', async () => {
    const db = t.db.systemDb;
    await makePrefecture(db, '43');
    await makeRegion(db, '14', '湘南東部', ['142051', '142077']);
    await makeRegion(db, '43', '熊本市', ['431001']);
    await makeCentre(db, '14', { kind: 'hq' });
    await makeCentre(db, '43', { kind: 'hq' });
    await makeOrganisation(db, '14', { name: '訪問看護ステーションA' });
    await makeOrganisation(db, '14', { name: '訪問看護ステーションB' });
    await makeOrganisation(db, '43', { name: '訪問看護ステーションC' });
    const u = await makeUser(db, 'system_admin', { prefectureCode: null, totpSecret: 'JBSWY3DPEHPK3PXP' });
    const client = await signInAs(t, u, 'JBSWY3DPEHPK3PXP');
    const res = await client.get('/api/home/figures');
    expect(res.status).toBe(200);
    expect(res.body.children).toBeNull();
    const n = res.body.network;
    const by = Object.fromEntries(n.byPrefecture.map((p: { code: string }) => [p.code, p]));
    expect(by['14']).toMatchObject({ name: '神奈川県', regions: 1, centres: 1, organisations: 2 });
    expect(by['43']).toMatchObject({ name: '熊本県', regions: 1, centres: 1, organisations: 1 });
    expect(by['14'].municipalities).toBeGreaterThan(30);
    expect(n.prefectures).toBe(2);
    expect(n.regions).toBe(2);
    expect(n.centres).toBe(2);
    expect(n.organisations).toBe(3);
    expect(n.municipalities).toBe(by['14'].municipalities + by['43'].municipalities);
    expect(n.users).toBeGreaterThanOrEqual(2);
  });

  it('lists no other prefecture to a prefecture’s own staff', async () => {
    const u = await makeUser(t.db.systemDb, 'municipal_staff', {
      prefectureCode: '14',
      municipalityCode: '142051',
    });
    const res = await (await signInAs(t, u)).get('/api/home/figures');
    expect(res.body.network.byPrefecture).toEqual([]);
    expect(res.body.network.prefectures).toBe(1);
  });
});
