import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { makeChild, makePrefecture, makeUser } from '../../test/factories';
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

  it('gives a system administrator network figures and no personal figures', async () => {
    const u = await makeUser(t.db.systemDb, 'system_admin', {
      prefectureCode: null,
      totpSecret: 'JBSWY3DPEHPK3PXP',
    });
    const client = await signInAs(t, u, 'JBSWY3DPEHPK3PXP');
    const res = await client.get('/api/home/figures');
    expect(res.body.children).toBeNull();
    expect(res.body.network.prefectures).toBeGreaterThanOrEqual(1);
  });
});
