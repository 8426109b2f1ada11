import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, regionMunicipalities, regions } from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { makeCentre, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { todayInJapan } from './support';

// Kumamoto (43): 熊本市, 八代市, 人吉市, 荒尾市, 水俣市.
const KUMAMOTO = '431001';
const YATSUSHIRO = '432024';
const HITOYOSHI = '432032';
const ARAO = '432041';
const MINAMATA = '432059';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  await makePrefecture(t.db.systemDb, '43');
  await makePrefecture(t.db.systemDb, '14');
  ({ client: admin } = await signedInUser(t, 'centre_admin'));
});
afterAll(() => t.close());

async function membershipRows(code: string) {
  return t.db.systemDb
    .select()
    .from(regionMunicipalities)
    .where(eq(regionMunicipalities.municipalityCode, code))
    .orderBy(regionMunicipalities.validFrom);
}

describe('regions', () => {
  it('creates, lists and renames a region; every write is audited', async () => {
    const created = await admin.post('/api/network/regions', {
      name: '県北圏域',
      nameEn: 'North',
      sortOrder: 1,
      municipalityCodes: [ARAO, KUMAMOTO, ARAO],
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: '県北圏域', nameEn: 'North', version: 1 });
    expect(created.body.municipalityCodes).toEqual([KUMAMOTO, ARAO]);

    const list = await admin.get('/api/network/regions');
    expect(list.status).toBe(200);
    expect(list.body.map((r: { id: string }) => r.id)).toContain(created.body.id);

    const renamed = await admin.patch(`/api/network/regions/${created.body.id}`, {
      version: 1,
      name: '県北',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: '県北', version: 2, municipalityCodes: [KUMAMOTO, ARAO] });

    const municipalities = await admin.get('/api/network/municipalities');
    expect(municipalities.status).toBe(200);
    expect(municipalities.body).toHaveLength(45);
    expect(municipalities.body.find((m: { code: string }) => m.code === ARAO)).toMatchObject({
      regionId: created.body.id,
      regionName: '県北',
    });
    expect(municipalities.body.find((m: { code: string }) => m.code === MINAMATA).regionId).toBeNull();

    const entries = await t.db.systemDb.select().from(auditLog).where(eq(auditLog.entityType, 'region'));
    expect(entries.filter((e) => e.entityIds.includes(created.body.id))).toHaveLength(2);
    expect(entries.every((e) => e.action === 'configure' && e.prefectureCode === '43')).toBe(true);
  });

  it('refuses a bad municipality code with 400 in both languages and changes nothing', async () => {
    const before = await admin.get('/api/network/regions');
    const bad = await admin.post('/api/network/regions', {
      name: '誤りの圏域',
      municipalityCodes: ['432025'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_municipality_code');
    expect(bad.body.error.ja).toContain('市区町村コード');
    expect(bad.body.error.en).toContain('municipality code');
    expect(bad.body.error.detail.codes).toEqual(['432025']);

    // A valid code of another prefecture is refused the same way.
    const foreign = await admin.post('/api/network/regions', {
      name: '誤りの圏域',
      municipalityCodes: ['141003'],
    });
    expect(foreign.body.error.code).toBe('invalid_municipality_code');

    const region = await makeRegion(t.db.systemDb, '43', '芦北圏域', [MINAMATA]);
    const patch = await admin.patch(`/api/network/regions/${region.id}`, {
      version: 1,
      name: '変更されない',
      municipalityCodes: [MINAMATA, '4320'],
    });
    expect(patch.status).toBe(400);
    expect(patch.body.error.code).toBe('invalid_municipality_code');
    const after = await admin.get('/api/network/regions');
    expect(after.body).toHaveLength(before.body.length + 1);
    const unchanged = after.body.find((r: { id: string }) => r.id === region.id);
    expect(unchanged).toMatchObject({ name: '芦北圏域', version: 1, municipalityCodes: [MINAMATA] });
  });

  it('moves a municipality: the old membership is closed today, the new one opens today', async () => {
    const from = await makeRegion(t.db.systemDb, '43', '八代圏域', [YATSUSHIRO]);
    const to = await makeRegion(t.db.systemDb, '43', '球磨圏域', [HITOYOSHI]);
    const res = await admin.patch(`/api/network/regions/${to.id}`, {
      version: 1,
      municipalityCodes: [HITOYOSHI, YATSUSHIRO],
    });
    expect(res.status).toBe(200);
    expect(res.body.municipalityCodes).toEqual([YATSUSHIRO, HITOYOSHI]);
    const today = todayInJapan(t.clock.now());
    const rows = await membershipRows(YATSUSHIRO);
    expect(rows).toEqual([
      { regionId: from.id, municipalityCode: YATSUSHIRO, validFrom: '2024-04-01', validTo: today },
      { regionId: to.id, municipalityCode: YATSUSHIRO, validFrom: today, validTo: null },
    ]);
    const list = await admin.get('/api/network/regions');
    expect(list.body.find((r: { id: string }) => r.id === from.id).municipalityCodes).toEqual([]);

    // Removing it again the same day leaves no zero-length period behind, and it can come back today.
    await admin.patch(`/api/network/regions/${to.id}`, { version: 2, municipalityCodes: [HITOYOSHI] });
    expect(await membershipRows(YATSUSHIRO)).toHaveLength(1);
    const back = await admin.patch(`/api/network/regions/${to.id}`, {
      version: 3,
      municipalityCodes: [HITOYOSHI, YATSUSHIRO],
    });
    expect(back.status).toBe(200);
    expect((await membershipRows(YATSUSHIRO)).filter((r) => r.validTo === null)).toHaveLength(1);
  });

  it('answers the second of two PATCHes with the same version with 409 and the current row', async () => {
    const region = await makeRegion(t.db.systemDb, '43', '競合圏域', []);
    const first = await admin.patch(`/api/network/regions/${region.id}`, { version: 1, note: 'A' });
    const second = await admin.patch(`/api/network/regions/${region.id}`, { version: 1, note: 'B' });
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('conflict');
    expect(second.body.error.detail.current).toMatchObject({ id: region.id, note: 'A', version: 2 });
  });

  it('lets exactly one of two concurrent PATCHes with the same version win', async () => {
    const region = await makeRegion(t.db.systemDb, '43', '同時圏域', []);
    const results = await Promise.all([
      admin.patch(`/api/network/regions/${region.id}`, {
        version: 1,
        note: 'A',
        municipalityCodes: ['432105'],
      }),
      admin.patch(`/api/network/regions/${region.id}`, {
        version: 1,
        note: 'B',
        municipalityCodes: ['432105'],
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await membershipRows('432105')).toHaveLength(1);
  });

  it('refuses a duplicate name in the prefecture', async () => {
    await makeRegion(t.db.systemDb, '43', '重複圏域', []);
    const dup = await admin.post('/api/network/regions', { name: '重複圏域', municipalityCodes: [] });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('duplicate');
  });

  it('deletes only an unused region', async () => {
    const withTown = await makeRegion(t.db.systemDb, '43', '使用中圏域', []);
    await t.db.systemDb
      .insert(regionMunicipalities)
      .values({ regionId: withTown.id, municipalityCode: '432067', validFrom: '2024-04-01' });
    const inUse = await admin.delete(`/api/network/regions/${withTown.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.code).toBe('in_use');

    const covered = await makeRegion(t.db.systemDb, '43', '支部担当圏域', []);
    const hq = await makeCentre(t.db.systemDb, '43');
    await makeCentre(t.db.systemDb, '43', { kind: 'branch', parentId: hq.id, regionIds: [covered.id] });
    expect((await admin.delete(`/api/network/regions/${covered.id}`)).body.error.code).toBe('in_use');

    // A region whose last municipality left keeps history; deleting it removes the history rows too.
    const empty = await makeRegion(t.db.systemDb, '43', '廃止圏域', ['432083']);
    await t.db.systemDb
      .update(regionMunicipalities)
      .set({ validTo: '2025-04-01' })
      .where(eq(regionMunicipalities.regionId, empty.id));
    const ok = await admin.delete(`/api/network/regions/${empty.id}`);
    expect(ok.status).toBe(200);
    expect(await t.db.systemDb.select().from(regions).where(eq(regions.id, empty.id))).toHaveLength(0);
    const [entry] = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'region'), eq(auditLog.entityIds, [empty.id])));
    expect(entry?.detail).toMatchObject({ event: 'deleted', history: [{ municipalityCode: '432083' }] });
  });
});
