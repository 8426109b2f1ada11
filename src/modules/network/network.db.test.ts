import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { makeCentre, makeOrganisation, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';

let t: TestApp;
let admin: TestClient;
let system: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '43');
  await makePrefecture(t.db.systemDb, '14');
  ({ client: admin } = await signedInUser(t, 'centre_admin'));
  ({ client: system } = await signedInUser(t, 'system_admin', { prefectureCode: null }));
});
afterAll(() => t.close());

async function auditOf(entityType: string, id: string) {
  const rows = await t.db.systemDb.select().from(auditLog).where(eq(auditLog.entityType, entityType));
  return rows.filter((r) => r.entityIds.includes(id));
}

describe('prefectures (tenants)', () => {
  it('lists every tenant for the system administrator and only its own for others', async () => {
    expect((await system.get('/api/network/prefectures')).body.map((p: { code: string }) => p.code)).toEqual([
      '14',
      '43',
    ]);
    const own = await admin.get('/api/network/prefectures');
    expect(own.body).toEqual([{ code: '43', name: '熊本県', nameEn: 'Kumamoto' }]);
  });

  it('lets only the system administrator enable a prefecture, named from the reference list', async () => {
    const res = await system.post('/api/network/prefectures', { code: '13' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: '13', name: '東京都', nameEn: 'Tokyo' });
    expect((await auditOf('prefecture', '13'))[0]).toMatchObject({
      action: 'configure',
      prefectureCode: '13',
    });
    expect((await system.post('/api/network/prefectures', { code: '13' })).status).toBe(409);
    for (const code of ['48', '00', '1', 'ab']) {
      const bad = await system.post('/api/network/prefectures', { code });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('validation_failed');
    }
    expect((await admin.post('/api/network/prefectures', { code: '12' })).status).toBe(403);
  });

  it('makes the system administrator name the tenant on every network call', async () => {
    const missing = await system.get('/api/network/regions');
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('prefecture_required');
    expect((await system.get('/api/network/regions?prefecture=02')).status).toBe(404);
    const created = await system.post('/api/network/regions?prefecture=14', {
      name: '横浜圏域',
      municipalityCodes: ['141003'],
    });
    expect(created.status).toBe(200);
    const list = await system.get('/api/network/regions?prefecture=14');
    expect(list.body.map((r: { id: string }) => r.id)).toEqual([created.body.id]);
    expect((await auditOf('region', created.body.id))[0]?.prefectureCode).toBe('14');
    // The centre administrator of 43 never sees it.
    expect((await admin.get('/api/network/regions')).body.map((r: { id: string }) => r.id)).not.toContain(
      created.body.id,
    );
  });
});

describe('centres', () => {
  it('creates an HQ and a branch covering regions, and replaces the regions on PATCH', async () => {
    const north = await makeRegion(t.db.systemDb, '43', '北圏域', []);
    const south = await makeRegion(t.db.systemDb, '43', '南圏域', []);
    const hq = await admin.post('/api/network/centres', {
      kind: 'hq',
      name: '熊本県医療的ケア児支援センター',
    });
    expect(hq.status).toBe(200);
    expect(hq.body).toMatchObject({ kind: 'hq', parentId: null, regionIds: [], version: 1 });
    const branch = await admin.post('/api/network/centres', {
      kind: 'branch',
      parentId: hq.body.id,
      name: '県北支部',
      phone: '096-000-0000',
      regionIds: [north.id],
    });
    expect(branch.status).toBe(200);
    expect(branch.body).toMatchObject({ kind: 'branch', parentId: hq.body.id, regionIds: [north.id] });

    const patched = await admin.patch(`/api/network/centres/${branch.body.id}`, {
      version: 1,
      regionIds: [south.id],
      phone: '',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ regionIds: [south.id], phone: null, version: 2 });
    const list = await admin.get('/api/network/centres');
    expect(list.body[0].kind).toBe('hq');
    expect(await auditOf('centre', branch.body.id)).toHaveLength(2);

    const stale = await admin.patch(`/api/network/centres/${branch.body.id}`, { version: 1, name: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.detail.current.version).toBe(2);
  });

  it('needs an HQ of the same prefecture as the parent of a branch', async () => {
    const orphan = await admin.post('/api/network/centres', { kind: 'branch', name: '親なし支部' });
    expect(orphan.status).toBe(400);
    expect(orphan.body.error.issues[0].path).toBe('parentId');
    const foreignHq = await makeCentre(t.db.systemDb, '14');
    const foreign = await admin.post('/api/network/centres', {
      kind: 'branch',
      parentId: foreignHq.id,
      name: '越境',
    });
    expect(foreign.status).toBe(400);
    const hq = await makeCentre(t.db.systemDb, '43');
    const branch = await makeCentre(t.db.systemDb, '43', { kind: 'branch', parentId: hq.id });
    const underBranch = await admin.post('/api/network/centres', {
      kind: 'branch',
      parentId: branch.id,
      name: '孫',
    });
    expect(underBranch.status).toBe(400);
    const hqWithParent = await admin.post('/api/network/centres', {
      kind: 'hq',
      parentId: hq.id,
      name: '二重',
    });
    expect(hqWithParent.status).toBe(400);
    const foreignRegion = await makeRegion(t.db.systemDb, '14', '神奈川の圏域', []);
    const badRegion = await admin.post('/api/network/centres', {
      kind: 'branch',
      parentId: hq.id,
      name: '越境圏域',
      regionIds: [foreignRegion.id],
    });
    expect(badRegion.status).toBe(400);
    expect(badRegion.body.error.issues[0].path).toBe('regionIds');
  });
});

describe('organisations', () => {
  it('requires a division exactly for a municipal division', async () => {
    const without = await admin.post('/api/network/organisations', {
      kind: 'municipal_division',
      name: '障がい福祉課',
    });
    expect(without.status).toBe(400);
    expect(without.body.error.issues[0].path).toBe('division');
    const extra = await admin.post('/api/network/organisations', {
      kind: 'hospital',
      name: '病院',
      division: 'education',
    });
    expect(extra.status).toBe(400);
    const ok = await admin.post('/api/network/organisations', {
      kind: 'municipal_division',
      division: 'disability_welfare',
      name: '八代市 障がい福祉課',
      municipalityCode: '432024',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ division: 'disability_welfare', municipalityName: '八代市', version: 1 });
    expect(await auditOf('organisation', ok.body.id)).toHaveLength(1);
    const badCode = await admin.post('/api/network/organisations', {
      kind: 'hospital',
      name: '病院',
      municipalityCode: '141003',
    });
    expect(badCode.body.error.code).toBe('invalid_municipality_code');
  });

  it('lists with filters and pages, reads one, and changes one with a version', async () => {
    await makeOrganisation(t.db.systemDb, '43', {
      kind: 'school',
      name: '熊本支援学校',
      municipalityCode: '431001',
    });
    await makeOrganisation(t.db.systemDb, '43', {
      kind: 'provider',
      name: 'ひまわり訪問看護',
      municipalityCode: '431001',
    });
    const nursery = await makeOrganisation(t.db.systemDb, '43', { kind: 'nursery', name: 'さくら保育園' });
    const schools = await admin.get('/api/network/organisations?kind=school');
    expect(schools.body.items.map((o: { name: string }) => o.name)).toEqual(['熊本支援学校']);
    const inCity = await admin.get('/api/network/organisations?municipality=431001');
    expect(inCity.body.total).toBe(2);
    const search = await admin.get(`/api/network/organisations?q=${encodeURIComponent('ひまわり')}`);
    expect(search.body.items).toHaveLength(1);
    const page = await admin.get('/api/network/organisations?pageSize=1&page=2');
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(4);

    expect((await admin.get(`/api/network/organisations/${nursery.id}`)).body.name).toBe('さくら保育園');
    const changed = await admin.patch(`/api/network/organisations/${nursery.id}`, {
      version: 1,
      kana: 'サクラホイクエン',
    });
    expect(changed.body).toMatchObject({ kana: 'サクラホイクエン', version: 2 });
    expect((await admin.get(`/api/network/organisations?q=${encodeURIComponent('さくら')}`)).body.total).toBe(
      1,
    );
    const toDivision = await admin.patch(`/api/network/organisations/${nursery.id}`, {
      version: 2,
      kind: 'municipal_division',
    });
    expect(toDivision.status).toBe(400);
    expect(
      (await admin.patch(`/api/network/organisations/${nursery.id}`, { version: 1, name: 'x' })).status,
    ).toBe(409);
  });
});

describe('people', () => {
  it('adds, finds and changes network contacts', async () => {
    const org = await makeOrganisation(t.db.systemDb, '43', {
      kind: 'core_consultation_centre',
      name: '基幹相談',
    });
    const created = await admin.post('/api/network/people', {
      organisationId: org.id,
      familyName: '田中',
      givenName: '一郎',
      familyKana: 'タナカ',
      givenKana: 'イチロウ',
      coordinatorTier: 'regional',
      email: 'Tanaka@Example.JP',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      organisationName: '基幹相談',
      email: 'tanaka@example.jp',
      version: 1,
    });
    const byOrg = await admin.get(`/api/network/people?organisationId=${org.id}`);
    expect(byOrg.body.items.map((p: { id: string }) => p.id)).toEqual([created.body.id]);
    expect((await admin.get(`/api/network/people?q=${encodeURIComponent('たなか')}`)).body.total).toBe(1);
    expect((await admin.get(`/api/network/people?q=${encodeURIComponent('田中 一郎')}`)).body.total).toBe(1);
    const moved = await admin.patch(`/api/network/people/${created.body.id}`, {
      version: 1,
      organisationId: null,
      profession: '看護師',
    });
    expect(moved.body).toMatchObject({ organisationId: null, profession: '看護師', version: 2 });
    expect((await admin.get(`/api/network/people/${created.body.id}`)).body.profession).toBe('看護師');
    expect(await auditOf('person', created.body.id)).toHaveLength(2);
    const foreignOrg = await makeOrganisation(t.db.systemDb, '14');
    const bad = await admin.post('/api/network/people', {
      organisationId: foreignOrg.id,
      familyName: '越境',
      givenName: '太郎',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('organisationId');
  });
});
