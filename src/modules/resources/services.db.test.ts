import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, resourceServices } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { type RegistryWorld, registryWorld } from '../../test/registry-world';
import { createOrganizationVia, createServiceVia, serviceBody } from './testing';

let t: TestApp;
let w: RegistryWorld;
let orgId: string;
beforeAll(async () => {
  t = await createTestApp();
  w = await registryWorld(t);
  orgId = await createOrganizationVia(w.clients.centreAdmin, { networkOrganisationId: w.provider.id });
});
afterAll(() => t.close());

describe('directory CRUD', () => {
  it('creates a listing: municipality from the address, acceptance normalised, confirmed by its creator, audited', async () => {
    const s = await createServiceVia(w.clients.centreStaff, orgId);
    expect(s.location).toMatchObject({
      municipalityCode: '142051',
      municipalityName: '藤沢市',
      latitude: 35.32,
    });
    expect(s.careItems.map((c: { code: string }) => c.code)).toEqual([
      'ventilator',
      'suction',
      'tube_feeding_gastric',
      'dialysis',
    ]);
    expect(s.careItems[0]).toEqual({
      code: 'ventilator',
      acceptance: 'accepted_with_conditions',
      conditions: '看護師2名の日のみ',
    });
    expect(s.lastConfirmed).toMatchObject({ kind: 'user', by: 'centre_staff user' });
    expect(s.stale).toBe(false);
    expect(s.version).toBe(1);
    expect(s.allowed).toEqual({ edit: true, confirm: true, issueLink: true });
    const [row] = await t.db.systemDb.select().from(resourceServices).where(eq(resourceServices.id, s.id));
    expect(row!.accepts.sort()).toEqual(['suction', 'tube_feeding_gastric', 'ventilator']);
    const audit = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'resource_service'));
    expect(audit.some((a) => a.action === 'create' && a.entityIds.includes(s.id))).toBe(true);
  });

  it('updates under optimistic locking: a stale version answers 409 with the current listing and changes nothing', async () => {
    const s = await createServiceVia(w.clients.centreAdmin, orgId, { name: '楽観ロック確認' });
    const first = await w.clients.centreAdmin.request('PUT', `/api/resources/services/${s.id}`, {
      ...serviceBody(orgId, { name: '新しい名前' }),
      version: 1,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ name: '新しい名前', version: 2 });
    const stale = await w.clients.centreStaff.request('PUT', `/api/resources/services/${s.id}`, {
      ...serviceBody(orgId, { name: '古い版からの変更' }),
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.detail.current).toMatchObject({ name: '新しい名前', version: 2 });
    const patch = await w.clients.centreStaff.patch(`/api/resources/services/${s.id}`, {
      vacancy: 0,
      version: 2,
    });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ vacancy: 0, version: 3, name: '新しい名前' });
    expect(patch.body.capacityUpdatedAt).not.toBeNull();
  });

  it('refuses bad input with ja/en and writes nothing', async () => {
    const before = (await t.db.systemDb.select().from(resourceServices)).length;
    const cases = [
      serviceBody(orgId, { type: 'spaceship' }),
      serviceBody(orgId, { minAge: 10, maxAge: 3 }),
      serviceBody(orgId, {
        careItems: [
          { code: 'suction', acceptance: 'accepted' },
          { code: 'suction', acceptance: 'not_accepted' },
        ],
      }),
      serviceBody(orgId, { location: { address: 'どこでもない町1-1' } }),
      serviceBody(orgId, { location: { address: '熊本市中央区1-1', municipalityCode: '431001' } }),
    ];
    for (const body of cases) {
      const res = await w.clients.centreAdmin.post('/api/resources/services', body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.ja).toBeTruthy();
      expect(res.body.error.en).toBeTruthy();
    }
    expect((await t.db.systemDb.select().from(resourceServices)).length).toBe(before);
  });

  it('lists with filters (type, care item, municipality, text)', async () => {
    await createServiceVia(w.clients.centreAdmin, orgId, {
      name: '茅ヶ崎訪問看護ステーション',
      type: 'home_visit_nursing',
      careItems: [{ code: 'oxygen', acceptance: 'accepted' }],
      location: { address: '茅ヶ崎市東海岸1-1' },
    });
    const byItem = await w.clients.fujisawa.get('/api/resources/services?careItem=oxygen');
    expect(byItem.status).toBe(200);
    expect(byItem.body.items.map((i: { name: string }) => i.name)).toEqual(['茅ヶ崎訪問看護ステーション']);
    const byText = await w.clients.centreAdmin.get(`/api/resources/services?q=${encodeURIComponent('ﾁｶﾞｻｷ')}`);
    expect(byText.body.total).toBe(0); // kanji names are not read as kana
    const byKanji = await w.clients.centreAdmin.get(
      `/api/resources/services?q=${encodeURIComponent('訪問看護')}`,
    );
    expect(byKanji.body.items[0].municipalityCode).toBe('142077');
  });

  it('sorts by the column asked, either way, and refuses an unknown column', async () => {
    await createServiceVia(w.clients.centreAdmin, orgId, { name: 'あおば空きなし', vacancy: 0 });
    await createServiceVia(w.clients.centreAdmin, orgId, { name: 'わかば空き3', vacancy: 3 });
    const vacancies = async (dir: string) =>
      (
        (await w.clients.centreAdmin.get(`/api/resources/services?sort=vacancy&dir=${dir}&pageSize=200`)).body
          .items as { vacancy: number | null }[]
      ).map((i) => i.vacancy);
    const up = await vacancies('asc');
    const known = up.filter((v) => v !== null) as number[];
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(up.indexOf(null)).toSatisfy((i: number) => i === -1 || i >= known.length); // unknown last
    const down = (await vacancies('desc')).filter((v) => v !== null) as number[];
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(down[0]).toBeGreaterThanOrEqual(3);
    const names = (
      (await w.clients.centreAdmin.get('/api/resources/services?sort=name&dir=desc&pageSize=200')).body
        .items as { name: string }[]
    ).map((i) => i.name);
    expect(names.indexOf('わかば空き3')).toBeLessThan(names.indexOf('あおば空きなし'));
    expect((await w.clients.centreAdmin.get('/api/resources/services?sort=organization')).status).toBe(400);
  });
});

describe('denied story', () => {
  it('another prefecture, the system administrator and unknown ids get 404; municipal staff and auditors cannot write', async () => {
    const s = await createServiceVia(w.clients.centreAdmin, orgId, { name: '拒否の確認' });
    for (const c of [w.clients.centre43, w.clients.kumamoto, w.clients.systemAdmin]) {
      expect((await c.get(`/api/resources/services/${s.id}`)).status).toBe(404);
      expect(
        (await c.patch(`/api/resources/services/${s.id}`, { vacancy: 3, version: s.version })).status,
      ).toBe(404);
      expect((await c.post(`/api/resources/services/${s.id}/link`)).status).toBe(404);
    }
    expect((await w.clients.centre43.get('/api/resources/services')).body.items).toEqual([]);
    for (const c of [w.clients.fujisawa, w.clients.auditor]) {
      expect((await c.get(`/api/resources/services/${s.id}`)).status).toBe(200);
      expect(
        (await c.patch(`/api/resources/services/${s.id}`, { vacancy: 3, version: s.version })).status,
      ).toBe(403);
      expect((await c.post('/api/resources/services', serviceBody(orgId))).status).toBe(403);
    }
    expect((await w.clients.centreAdmin.get('/api/resources/services/not-a-uuid')).status).toBe(404);
  });

  it('regional coordinators write only in their region', async () => {
    const inA = await createServiceVia(w.clients.coordA, orgId, { name: '圏域A' });
    expect(inA.location.municipalityCode).toBe('142051');
    const inB = await w.clients.coordA.post(
      '/api/resources/services',
      serviceBody(orgId, { location: { address: '平塚市浅間町1-1' } }),
    );
    expect(inB.status).toBe(403);
    const patchByB = await w.clients.coordB.patch(`/api/resources/services/${inA.id}`, {
      vacancy: 2,
      version: inA.version,
    });
    expect(patchByB.status).toBe(403);
    expect((await w.clients.coordB.get(`/api/resources/services/${inA.id}`)).body.allowed.edit).toBe(false);
  });

  it('a provider sees and corrects only its own organisation listings, and cannot create', async () => {
    const own = await createServiceVia(w.clients.centreAdmin, orgId, { name: '自事業所' });
    const otherOrg = await createOrganizationVia(w.clients.centreAdmin, { name: '別法人' });
    const other = await createServiceVia(w.clients.centreAdmin, otherOrg, { name: '他事業所' });
    const list = await w.clients.provider.get('/api/resources/services?pageSize=200');
    expect(list.body.items.every((i: { organizationId: string }) => i.organizationId === orgId)).toBe(true);
    expect((await w.clients.provider.get(`/api/resources/services/${other.id}`)).status).toBe(404);
    const fix = await w.clients.provider.patch(`/api/resources/services/${own.id}`, {
      vacancy: 4,
      version: own.version,
    });
    expect(fix.status).toBe(200);
    expect(fix.body.lastConfirmed).toMatchObject({ kind: 'user', by: 'provider_staff user' });
    expect(fix.body.allowed).toEqual({ edit: true, confirm: true, issueLink: false });
    expect(
      (
        await w.clients.provider.request('PUT', `/api/resources/services/${own.id}`, {
          ...serviceBody(orgId),
          version: fix.body.version,
        })
      ).status,
    ).toBe(403);
    expect((await w.clients.provider.post('/api/resources/services', serviceBody(orgId))).status).toBe(403);
    expect((await w.clients.provider.post(`/api/resources/services/${own.id}/link`)).status).toBe(403);
  });
});
