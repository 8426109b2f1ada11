import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childCareItems } from '../../db/schema';
import { DATE_FORMAT } from '../../server/xlsx';
import { isoDateInJapan } from '../../shared/dates';
import { createTestApp, type TestApp } from '../../test/app';
import { makeChild } from '../../test/factories';
import { type RegistryWorld, registryWorld } from '../../test/registry-world';
import { expectDateColumn, expectNumberColumn, openWorkbook } from '../../test/xlsx';
import { createOrganizationVia, createServiceVia } from './testing';

/**
 * A small known world (on 2026-06-01). Region A = 藤沢 + 茅ヶ崎, region B = 平塚.
 * Children: 藤沢 ① 2019 ventilator+suction (elementary), ② 2024 ventilator (infant), ③ 2020 suction without
 * consent to share with the municipality (preschool); 茅ヶ崎 ④ 2015 suction (elementary), ⑤ moved out, ventilator
 * (not counted); 平塚 ⑥ 2012 ventilator (junior high), ⑦ 2012 and ⑧ 2017 ventilator (junior high, elementary).
 * Services (after-school day services for ages 6–18 unless said): 藤沢 S1 ventilator (conditions) + suction,
 * 5 places / 1 free; 茅ヶ崎 S2 suction, serving 藤沢 too, 3 / 0; 平塚 S3 suction, 2 / 2; 藤沢 S4 ventilator but
 * inactive; 藤沢 S5 a hospital and 平塚 S7 a pharmacy accepting ventilator and suction (never counted); 藤沢 S6
 * home-visit nursing accepting suction, no capacity stated; 藤沢 S8 accepting no care item; 藤沢 S9 a medical short
 * stay accepting suction, 4 beds / 1 free.
 */
let t: TestApp;
let w: RegistryWorld;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = new Date('2026-06-01T03:00:00Z');
  w = await registryWorld(t);
  const db = t.db.systemDb;
  const child = async (m: string, birthDate: string, codes: string[], opts: Record<string, unknown> = {}) => {
    const c = await makeChild(db, '14', m, { birthDate, ...opts });
    await db.insert(childCareItems).values(codes.map((code) => ({ childId: c.id, code })));
  };
  await child('142051', '2019-04-05', ['ventilator', 'suction']);
  await child('142051', '2024-01-01', ['ventilator']);
  await child('142051', '2020-05-10', ['suction'], { consent: false });
  await child('142077', '2015-06-01', ['suction']);
  await child('142077', '2016-06-01', ['ventilator'], { status: 'moved_out' });
  await child('142034', '2012-05-05', ['ventilator']);
  await child('142034', '2012-09-09', ['ventilator']);
  await child('142034', '2017-09-09', ['ventilator']);
  const admin = w.clients.centreAdmin;
  const org = await createOrganizationVia(admin);
  const acc = (codes: string[]) => codes.map((code) => ({ code, acceptance: 'accepted' }));
  await createServiceVia(admin, org, {
    name: 'S1',
    careItems: [
      { code: 'ventilator', acceptance: 'accepted_with_conditions', conditions: '要相談' },
      ...acc(['suction']),
    ],
    capacity: 5,
    vacancy: 1,
  });
  await createServiceVia(admin, org, {
    name: 'S2',
    careItems: acc(['suction']),
    capacity: 3,
    vacancy: 0,
    serviceAreaCodes: ['142051'],
    location: { address: '茅ヶ崎市東海岸1-1' },
  });
  await createServiceVia(admin, org, {
    name: 'S3',
    careItems: acc(['suction']),
    capacity: 2,
    vacancy: 2,
    location: { address: '平塚市浅間町1-1' },
  });
  await createServiceVia(admin, org, { name: 'S4', careItems: acc(['ventilator']), status: 'inactive' });
  const anyAge = { minAge: null, maxAge: null, capacity: null, vacancy: null };
  await createServiceVia(admin, org, {
    name: 'S5',
    type: 'hospital',
    ...anyAge,
    careItems: acc(['ventilator', 'suction']),
  });
  await createServiceVia(admin, org, {
    name: 'S6',
    type: 'home_visit_nursing',
    ...anyAge,
    careItems: acc(['suction']),
  });
  await createServiceVia(admin, org, {
    name: 'S7',
    type: 'pharmacy',
    ...anyAge,
    careItems: acc(['ventilator', 'suction']),
    location: { address: '平塚市浅間町2-2' },
  });
  await createServiceVia(admin, org, { name: 'S8', careItems: [] });
  await createServiceVia(admin, org, {
    name: 'S9',
    type: 'medical_short_stay',
    ...anyAge,
    capacity: 4,
    vacancy: 1,
    careItems: acc(['suction']),
  });
});
afterAll(() => t.close());

type Cell = {
  careItem: string;
  demand: number;
  services: number;
  shortage: number;
  stages: { stage: string; byType: { type: string; services: number }[] }[];
};
const cell = (area: { cells: Cell[] }, code: string) => area.cells.find((c) => c.careItem === code)!;

describe('gaps', () => {
  it('counts demand by life stage against the services that meet daily needs, one rule for map and table', async () => {
    const res = await w.clients.centreAdmin.get('/api/resources/gaps');
    expect(res.status).toBe(200);
    const g = res.body;
    const a = g.regions.find((r: { id: string }) => r.id === w.regionA.id);
    const b = g.regions.find((r: { id: string }) => r.id === w.regionB.id);
    // The infant has no counted service (S1 is for school age, S5 is a hospital): 供給なし, however the
    // elementary child is placed; that child has a day service but no home visits or short stay.
    expect(cell(a, 'ventilator')).toEqual({
      careItem: 'ventilator',
      demand: 2,
      demandByStage: { infant: 1, elementary: 1 },
      services: 1,
      capacity: 5,
      vacancy: 1,
      capacityUnknown: 0,
      places: 2,
      shortage: 2,
      uncovered: 1,
      level: 'noSupply',
      stages: [
        {
          stage: 'infant',
          demand: 1,
          services: 0,
          shortage: 1,
          needs: [
            { need: 'day', services: 0, places: 0, shortage: 1 },
            { need: 'visit', services: 0, places: 0, shortage: 1 },
            { need: 'short_stay', services: 0, places: 0, shortage: 1 },
          ],
          byType: [],
        },
        {
          stage: 'elementary',
          demand: 1,
          services: 1,
          shortage: 1,
          needs: [
            { need: 'day', services: 1, places: 1, shortage: 0 },
            { need: 'visit', services: 0, places: 0, shortage: 1 },
            { need: 'short_stay', services: 0, places: 0, shortage: 1 },
          ],
          byType: [{ type: 'after_school_day_service', services: 1 }],
        },
      ],
    });
    expect(cell(a, 'suction')).toMatchObject({
      demand: 3,
      demandByStage: { preschool: 1, elementary: 2 },
      services: 4, // S1, S2 (serving 藤沢), S6 and S9; not the hospital
      capacity: 12,
      vacancy: 2,
      capacityUnknown: 1,
      places: 11,
      shortage: 1, // the preschool child has no day service accepting suction
      level: 'mid',
    });
    const preschool = cell(a, 'suction').stages.find((s) => s.stage === 'preschool')!;
    expect(preschool.byType).toEqual([
      { type: 'home_visit_nursing', services: 1 },
      { type: 'medical_short_stay', services: 1 },
    ]);
    expect(cell(b, 'ventilator')).toMatchObject({
      demand: 3,
      services: 0, // the pharmacy does not count
      shortage: 3,
      uncovered: 3,
      level: 'noSupply',
      demandByStage: { elementary: 1, junior_high: 2 },
    });
    expect(cell(b, 'suction')).toMatchObject({
      demand: 0,
      services: 1,
      vacancy: 2,
      shortage: 0,
      level: 'none',
    });
    const fujisawa = g.municipalities.find((m: { id: string }) => m.id === '142051');
    expect(cell(fujisawa, 'suction')).toMatchObject({ demand: 2, services: 4 });
    // The table: shortages only, the largest first, each with the map's level.
    expect(
      g.shortages.map(
        (s: { regionName: string; careItem: string; rank: number; shortage: number; level: string }) => [
          s.rank,
          s.regionName,
          s.careItem,
          s.shortage,
          s.level,
        ],
      ),
    ).toEqual([
      [1, '湘南西部', 'ventilator', 3, 'noSupply'],
      [2, '湘南東部', 'ventilator', 2, 'noSupply'],
      [3, '湘南東部', 'suction', 1, 'mid'],
    ]);
    expect(g.satisfied).toBe(0);
    expect(g.careItems.map((c: { code: string }) => c.code)).toEqual(['ventilator', 'suction']);
    expect(g.rule.places.find((p: { need: string }) => p.need === 'day')).toEqual({
      need: 'day',
      perService: 2,
      capacity: 'atMost',
    });
    expect(g.rule.stages.find((s: { stage: string }) => s.stage === 'infant').types).not.toContain(
      'hospital',
    );
    expect(JSON.stringify(g)).not.toMatch(/山田|太郎|2019-04-05/);
  });

  it('sets services anyone can use against those accepting the care, by life stage (MI-4)', async () => {
    const g = (await w.clients.centreAdmin.get('/api/resources/gaps')).body;
    const a = g.lifeStageView.find((v: { id: string }) => v.id === w.regionA.id);
    const stage = (v: { stages: { stage: string }[] }, s: string) => v.stages.find((x) => x.stage === s)!;
    expect(stage(a, 'elementary')).toMatchObject({
      children: 2,
      all: 5, // S1, S2, S6, S9 and S8, which accepts no care item
      anyCare: 4,
      accepting: { ventilator: 1, suction: 4 },
    });
    expect(stage(a, 'infant')).toMatchObject({ children: 1, all: 2, anyCare: 2, accepting: { suction: 2 } });
    const all = g.lifeStageView.find((v: { id: string }) => v.id === 'all');
    expect(stage(all, 'junior_high')).toMatchObject({ children: 2, all: 6, anyCare: 5 });
    const one = (await w.clients.coordB.get(`/api/resources/gaps?regionId=${w.regionB.id}`)).body;
    expect(one.lifeStageView.map((v: { id: string }) => v.id)).toEqual([w.regionB.id]);
  });

  it('counts only the children the caller may see', async () => {
    const g = (await w.clients.fujisawa.get('/api/resources/gaps')).body;
    const fujisawa = g.municipalities.find((m: { id: string }) => m.id === '142051');
    expect(cell(fujisawa, 'suction').demand).toBe(1); // the child without consent is not counted
    expect(cell(fujisawa, 'suction').services).toBe(4); // S1, S2, S6 and S9 for the elementary child
    const chigasaki = g.municipalities.find((m: { id: string }) => m.id === '142077');
    expect(cell(chigasaki, 'suction').demand).toBe(0);
    const one = (await w.clients.coordB.get(`/api/resources/gaps?regionId=${w.regionB.id}`)).body;
    expect(one.regions).toHaveLength(1);
    expect(one.municipalities.map((m: { id: string }) => m.id)).toEqual(['142034']);
  });

  it('is denied to providers and to other prefectures', async () => {
    expect((await w.clients.provider.get('/api/resources/gaps')).status).toBe(403);
    expect((await w.clients.centre43.get(`/api/resources/gaps?regionId=${w.regionA.id}`)).status).toBe(404);
    expect((await w.clients.systemAdmin.get('/api/resources/gaps')).status).toBe(404);
  });
});

describe('bottlenecks', () => {
  it('are written by coordinators in their region, shown beside the figures, deleted within the area', async () => {
    const made = await w.clients.coordA.post('/api/resources/bottlenecks', {
      regionId: w.regionA.id,
      careItem: 'ventilator',
      kind: 'no_bathing',
      note: '人工呼吸器の子の入浴介助ができる事業所がない',
    });
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({
      regionName: '湘南東部',
      kind: 'no_bathing',
      allowed: { delete: true },
    });
    expect(
      (
        await w.clients.coordA.post('/api/resources/bottlenecks', {
          regionId: w.regionB.id,
          kind: 'no_transport',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await w.clients.fujisawa.post('/api/resources/bottlenecks', {
          regionId: w.regionA.id,
          kind: 'no_transport',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await w.clients.centre43.post('/api/resources/bottlenecks', {
          regionId: w.regionA.id,
          kind: 'no_transport',
        })
      ).status,
    ).toBe(404);
    expect(
      (await w.clients.coordA.post('/api/resources/bottlenecks', { regionId: w.regionA.id, kind: 'boredom' }))
        .status,
    ).toBe(400);
    const g = (await w.clients.fujisawa.get('/api/resources/gaps')).body;
    expect(
      g.bottlenecks.map((b: { id: string; allowed: { delete: boolean } }) => [b.id, b.allowed.delete]),
    ).toEqual([[made.body.id, false]]);
    expect(
      (await w.clients.coordA.get(`/api/resources/bottlenecks?regionId=${w.regionB.id}`)).body.items,
    ).toEqual([]);
    expect((await w.clients.coordB.delete(`/api/resources/bottlenecks/${made.body.id}`)).status).toBe(403);
    expect((await w.clients.centre43.delete(`/api/resources/bottlenecks/${made.body.id}`)).status).toBe(404);
    // Providers do not read bottlenecks: a real id answers as an unknown one does, and nothing is deleted.
    const providerReal = await w.clients.provider.delete(`/api/resources/bottlenecks/${made.body.id}`);
    const providerUnknown = await w.clients.provider.delete(
      '/api/resources/bottlenecks/00000000-0000-4000-8000-000000000000',
    );
    expect([providerReal.status, providerReal.body.error.code]).toEqual([404, 'not_found']);
    expect([providerUnknown.status, providerUnknown.body.error.code]).toEqual([404, 'not_found']);
    expect(
      (
        await w.clients.provider.post('/api/resources/bottlenecks', {
          regionId: w.regionA.id,
          kind: 'no_transport',
        })
      ).status,
    ).toBe(403);

    const res = await t.app.request('/api/resources/gaps.xlsx?lang=en', {
      headers: { cookie: w.clients.centreAdmin.cookie!, 'x-forwarded-for': w.clients.centreAdmin.ip },
    });
    expect(res.status).toBe(200);
    const wb = await openWorkbook(res);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Shortages',
      'By region',
      'By municipality',
      'By life stage',
      'Rule',
      'Bottlenecks',
    ]);
    const bottlenecks = wb.getWorksheet('Bottlenecks')!;
    expect(bottlenecks.getRow(2).getCell(3).value).toBe('No bathing');
    expect(expectDateColumn(bottlenecks, 5, DATE_FORMAT)).toEqual([
      isoDateInJapan(new Date(made.body.createdAt)),
    ]);
    // Every figure is a numeric cell: ranks and counts, the region × item matrix with its life stages.
    const shortages = wb.getWorksheet('Shortages')!;
    const rankRows: number[] = [];
    for (let r = 2; shortages.getRow(r).getCell(1).value !== null; r++) rankRows.push(r);
    expect(rankRows.length).toBeGreaterThan(0);
    for (const c of [1, 4, 5, 6, 7, 8]) expectNumberColumn(shortages, c, { rows: rankRows });
    // Who counts, in words, beside each shortage.
    expect(shortages.getRow(2).getCell(9).value).toBe(
      'Elementary school 1: no service (short 1) / Junior high school 2: no service (short 2)',
    );
    for (const name of ['By region', 'By municipality']) {
      const ws = wb.getWorksheet(name)!;
      for (let c = 3; c <= ws.columnCount - 2; c++) expectNumberColumn(ws, c);
      expect(ws.getRow(1).getCell(ws.columnCount - 1).value).toBe('Level');
    }
    const byStage = wb.getWorksheet('By life stage')!;
    for (let c = 3; c <= byStage.columnCount; c++) expectNumberColumn(byStage, c);
    expect(byStage.getRow(2).values).toEqual([undefined, 'Whole prefecture', 'Infant', 1, 2, 2, 0, 2]);
    // Life stages are named, not coded.
    expect((wb.getWorksheet('By region')!.getRow(1).values as unknown[]).slice(4, 10)).toEqual([
      'Demand: Infant',
      'Demand: Preschool',
      'Demand: Elementary school',
      'Demand: Junior high school',
      'Demand: High school',
      'Demand: 18 and over',
    ]);

    expect((await w.clients.centreAdmin.delete(`/api/resources/bottlenecks/${made.body.id}`)).status).toBe(
      204,
    );
    expect((await w.clients.centreAdmin.get('/api/resources/bottlenecks')).body.items).toEqual([]);
  });
});
