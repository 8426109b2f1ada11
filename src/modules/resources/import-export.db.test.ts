import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceServices } from '../../db/schema';
import { DATE_FORMAT } from '../../server/xlsx';
import { isoDateInJapan } from '../../shared/dates';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { type RegistryWorld, registryWorld } from '../../test/registry-world';
import { expectDateColumn, expectNumberColumn, openWorkbook } from '../../test/xlsx';
import { hsdsIdOf, termId } from './hsds-ids';
import { sendCsvVia } from './testing';

let t: TestApp;
let w: RegistryWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await registryWorld(t);
});
afterAll(() => t.close());

const sendCsv = (client: TestClient, path: string, body: Buffer | string) =>
  sendCsvVia(t, client, path, body);

const HEADER = '事業所番号,事業所名,サービス種別,住所,緯度,経度,法人名,電話番号';
const ROWS = [
  '1451000011,藤沢こどもデイ,放課後等デイサービス,神奈川県藤沢市鵠沼1-1,35.33,139.48,社会福祉法人うみ,0466-11-1111',
  '1451000011,藤沢こどもデイ,児童発達支援,神奈川県藤沢市鵠沼1-1,35.33,139.48,社会福祉法人うみ,0466-11-1111',
  '1451000029,髙橋訪問看護ステーション,訪問看護,茅ヶ崎市東海岸3-3,35.31,139.41,株式会社たかはし,',
  '1451000037,ひらつか居宅訪問,居宅訪問型児童発達支援,平塚市浅間町2-2,,,,',
];
const csv = (rows: string[]) => `${[HEADER, ...rows].join('\r\n')}\r\n`;

describe('open-data import', () => {
  it('previews row by row without writing, and imports all rows in one go', async () => {
    const admin = w.clients.centreAdmin;
    const preview = await sendCsv(admin, '/api/resources/import/preview?fileName=offices.csv', csv(ROWS));
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ encoding: 'utf8', rowCount: 4, createCount: 4, canImport: true });
    expect(preview.body.rows.map((r: { type: string }) => r.type)).toEqual([
      'after_school_day_service',
      'child_development_support',
      'home_visit_nursing',
      'home_based_development_support',
    ]);
    expect(await t.db.systemDb.select().from(resourceServices)).toHaveLength(0);
    const done = await sendCsv(admin, '/api/resources/import?fileName=offices.csv', csv(ROWS));
    expect(done.body).toEqual({ fileName: 'offices.csv', created: 4, updated: 0, unchanged: 0 });
    const list = await admin.get('/api/resources/services?pageSize=50');
    expect(list.body.total).toBe(4);
    const takahashi = list.body.items.find((i: { officeNumber: string }) => i.officeNumber === '1451000029');
    expect(takahashi).toMatchObject({ municipalityCode: '142077', organizationName: '株式会社たかはし' });
  });

  it('re-import updates by office number + service type instead of duplicating; CP932 reads the same', async () => {
    const admin = w.clients.centreAdmin;
    const changed = [...ROWS];
    changed[2] =
      '1451000029,髙橋訪問看護ステーション湘南,訪問看護,茅ヶ崎市東海岸3-4,35.31,139.41,株式会社たかはし,';
    const bytes = iconv.encode(csv(changed), 'CP932');
    const preview = await sendCsv(admin, '/api/resources/import/preview', bytes);
    expect(preview.body).toMatchObject({
      encoding: 'cp932',
      createCount: 0,
      updateCount: 1,
      unchangedCount: 3,
    });
    const done = await sendCsv(admin, '/api/resources/import', bytes);
    expect(done.body).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    expect(await t.db.systemDb.select().from(resourceServices)).toHaveLength(4);
    const found = await admin.get(`/api/resources/services?q=${encodeURIComponent('高橋訪問看護')}`);
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({
      name: '髙橋訪問看護ステーション湘南',
      address: '茅ヶ崎市東海岸3-4',
      version: 2,
    });
  });

  it('a file without coordinates keeps the points the listings have (the map and "near me" keep them)', async () => {
    const admin = w.clients.centreAdmin;
    // The same offices from a list that has no 緯度/経度 columns, one with a new phone number.
    const noPoints = [
      '事業所番号,事業所名,サービス種別,住所,法人名,電話番号',
      '1451000011,藤沢こどもデイ,放課後等デイサービス,神奈川県藤沢市鵠沼1-1,社会福祉法人うみ,0466-22-2222',
    ].join('\r\n');
    const preview = await sendCsv(admin, '/api/resources/import/preview', noPoints);
    expect(preview.body).toMatchObject({ updateCount: 1, createCount: 0 });
    expect((await sendCsv(admin, '/api/resources/import', noPoints)).status).toBe(200);
    const near = await admin.get(
      '/api/public/resources?near=35.33,139.48&radiusKm=1&type=after_school_day_service',
    );
    const day = near.body.items.find((i: { name: string }) => i.name === '藤沢こどもデイ');
    expect(day).toMatchObject({ latitude: 35.33, longitude: 139.48, phone: '0466-22-2222' });
    // Unchanged when the file says nothing new.
    const again = await sendCsv(admin, '/api/resources/import/preview', noPoints);
    expect(again.body).toMatchObject({ updateCount: 0, unchangedCount: 1 });
  });

  it('is all or nothing: one bad row refuses the file with bilingual row errors', async () => {
    const admin = w.clients.centreAdmin;
    const rows = [
      '1451000045,新しい事業所,放課後等デイサービス,藤沢市辻堂2-2,35.3,139.4,,',
      ',番号なし,放課後等デイサービス,藤沢市辻堂2-2,,,,',
      '1451000052,種別不明,宇宙旅行,藤沢市辻堂2-2,,,,',
      '1451000060,住所不明,訪問看護,どこか遠く,,,,',
      '1451000078,他県,訪問看護,熊本県熊本市中央区1-1,,,,',
      '1451000086,緯度,訪問看護,藤沢市辻堂2-2,135,139.4,,',
    ];
    const preview = await sendCsv(admin, '/api/resources/import/preview', csv(rows));
    expect(preview.body.canImport).toBe(false);
    expect(preview.body.issues.map((i: { row: number }) => i.row)).toEqual([2, 3, 4, 5, 6]);
    for (const i of preview.body.issues) {
      expect(i.ja).toBeTruthy();
      expect(i.en).toBeTruthy();
    }
    const refused = await sendCsv(admin, '/api/resources/import', csv(rows));
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('resource_import_invalid');
    expect(refused.body.error.issues.length).toBe(5);
    expect(await t.db.systemDb.select().from(resourceServices)).toHaveLength(4);
  });

  it('recognises header variants and refuses a file without the needed columns', async () => {
    const variant =
      '指定事業所番号,事業所の名称,サービスの種類,所在地\n1451000094,辻堂クリニック,診療所,藤沢市辻堂3-3\n';
    const p = await sendCsv(w.clients.centreAdmin, '/api/resources/import/preview', variant);
    expect(p.body.rows[0]).toMatchObject({
      officeNumber: '1451000094',
      type: 'clinic',
      municipalityCode: '142051',
    });
    const none = await sendCsv(w.clients.centreAdmin, '/api/resources/import/preview', 'a,b\n1,2\n');
    expect(none.body.canImport).toBe(false);
    expect(none.body.issues[0].row).toBe(0);
  });

  it('is for prefecture-wide staff only, as are the whole-directory exports', async () => {
    expect((await sendCsv(w.clients.coordA, '/api/resources/import', csv(ROWS))).status).toBe(403);
    expect((await sendCsv(w.clients.fujisawa, '/api/resources/import/preview', csv(ROWS))).status).toBe(403);
    for (const c of [w.clients.coordA, w.clients.fujisawa]) {
      expect((await c.get('/api/resources/export.json')).status).toBe(403);
      expect((await c.get('/api/resources/export.xlsx')).status).toBe(403);
    }
  });
});

describe('exports', () => {
  it('HSDS JSON has the specification tables, with care items as attributes of exported terms', async () => {
    const admin = w.clients.centreAdmin;
    const list = await admin.get('/api/resources/services?type=home_visit_nursing');
    const svc = list.body.items[0];
    const full = (await admin.get(`/api/resources/services/${svc.id}`)).body;
    const res = await admin.patch(`/api/resources/services/${svc.id}`, {
      version: full.version,
      careItems: [{ code: 'ventilator', acceptance: 'accepted_with_conditions', conditions: '日中のみ' }],
      schedules: [{ byday: ['MO', 'WE'], opensAt: '09:00', closesAt: '17:00' }],
      capacity: 10,
      vacancy: 3,
    });
    expect(res.status).toBe(200);
    const hsds = await admin.get('/api/resources/export.json');
    expect(hsds.status).toBe(200);
    const h = hsds.body;
    expect(Object.keys(h).sort()).toEqual(
      [
        'attributes',
        'generated_at',
        'hsds_version',
        'locations',
        'organizations',
        'profile',
        'schedules',
        'service_areas',
        'service_at_locations',
        'services',
        'taxonomies',
        'taxonomy_terms',
      ].sort(),
    );
    expect(h.hsds_version).toBe('3.0');
    expect(h.services).toHaveLength(4);
    const id = hsdsIdOf('service', { id: svc.id });
    const locId = hsdsIdOf('location', { id: full.location.id });
    const s = h.services.find((x: { id: string }) => x.id === id);
    expect(s).toMatchObject({ status: 'active' });
    expect(s.assured_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const term = (taxonomy: string, code: string) => termId(taxonomy, code);
    expect(h.taxonomy_terms.map((x: { id: string }) => x.id)).toContain(term('care-item', 'ventilator'));
    expect(h.attributes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          link_id: id,
          link_entity: 'service',
          taxonomy_term_id: term('care-item', 'ventilator'),
          value: 'accepted_with_conditions',
        }),
        expect.objectContaining({ link_id: id, link_type: 'care_conditions', value: '日中のみ' }),
        expect.objectContaining({
          taxonomy_term_id: term('service-detail', 'office_number'),
          value: '1451000029',
        }),
        expect.objectContaining({ taxonomy_term_id: term('service-detail', 'capacity'), value: '10' }),
        expect.objectContaining({ taxonomy_term_id: term('service-detail', 'vacancy'), value: '3' }),
      ]),
    );
    expect(h.schedules).toContainEqual(
      expect.objectContaining({ service_id: id, freq: 'WEEKLY', byday: 'MO,WE', opens_at: '09:00+09:00' }),
    );
    const loc = h.locations.find((l: { id: string }) => l.id === locId);
    expect(loc).toMatchObject({ external_identifier: '142077' });
    expect(loc.addresses[0]).toMatchObject({ city: '茅ヶ崎市', state_province: '神奈川県', country: 'JP' });
    expect(h.service_at_locations).toContainEqual(
      expect.objectContaining({ service_id: id, location_id: locId }),
    );
    expect(h.service_areas).toContainEqual(expect.objectContaining({ service_id: id, extent: '142077' }));
  });

  it('xlsx has a row per service and a column per care item, numbers and dates as typed cells', async () => {
    const res = await t.app.request('/api/resources/export.xlsx', {
      headers: { cookie: w.clients.centreAdmin.cookie!, 'x-forwarded-for': w.clients.centreAdmin.ip },
    });
    expect(res.status).toBe(200);
    const ws = (await openWorkbook(res)).worksheets[0]!;
    expect(ws.rowCount).toBe(5);
    const header = (ws.getRow(1).values as string[]).slice(1);
    expect(header).toContain('事業所番号');
    expect(header.some((h) => h.startsWith('人工呼吸器'))).toBe(true);
    const col = (name: string) => header.indexOf(name) + 1;
    // Unknown numbers are blank cells (ひらつか居宅訪問 has no coordinates), known ones numeric.
    const latitudes = expectNumberColumn(ws, col('緯度'), { blanks: true });
    expect(latitudes).toContain(null);
    expect(latitudes).toContain(35.33);
    expect(expectNumberColumn(ws, col('経度'), { blanks: true })).toContain(139.48);
    for (const name of ['対象年齢（下限）', '対象年齢（上限）', '空き']) {
      expectNumberColumn(ws, col(name), { blanks: true });
    }
    expect(expectNumberColumn(ws, col('定員'), { blanks: true })).toContain(10);
    // 最終確認日 is the day in Japan of the last confirmation, as a date cell.
    const confirmed = expectDateColumn(ws, col('最終確認日'), DATE_FORMAT, { blanks: true });
    const list = await w.clients.centreAdmin.get('/api/resources/services?pageSize=50');
    const byId = new Map<string, { lastConfirmedAt: string | null }>(
      list.body.items.map((i: { id: string; lastConfirmedAt: string | null }) => [i.id, i]),
    );
    const ids = (ws.getColumn(col('ID')).values as string[]).slice(2);
    expect(confirmed).toEqual(
      ids.map((id) => {
        const at = byId.get(id)!.lastConfirmedAt;
        return at ? isoDateInJapan(new Date(at)) : null;
      }),
    );
  });
});
