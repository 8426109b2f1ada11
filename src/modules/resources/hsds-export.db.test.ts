import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { type RegistryWorld, registryWorld } from '../../test/registry-world';
import { hsdsFailures, TABLE_SCHEMAS } from './hsds-conformance';
import { directoryWithEveryField } from './hsds-fixture';
import { termId } from './hsds-ids';

let t: TestApp;
let w: RegistryWorld;
let made: Awaited<ReturnType<typeof directoryWithEveryField>>;
// biome-ignore lint/suspicious/noExplicitAny: the export is read as plain JSON
let doc: any;
beforeAll(async () => {
  t = await createTestApp();
  w = await registryWorld(t);
  made = await directoryWithEveryField(t, w);
  const res = await w.clients.centreAdmin.get('/api/resources/export.json');
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(() => t.close());

// biome-ignore lint/suspicious/noExplicitAny: rows of the JSON export
type Row = any;

describe('HSDS 3.0 export', () => {
  it('validates against the official HSDS 3.0 schemas, every row of every table', () => {
    for (const table of Object.keys(TABLE_SCHEMAS)) expect(doc[table].length, table).toBeGreaterThan(0);
    expect(doc.services.length).toBeGreaterThan(150);
    const failures = hsdsFailures(doc);
    expect(failures.slice(0, 10), `${failures.length} failing rows`).toEqual([]);
  });

  it('declares HSDS 3.0 and its profile, and leaves absent values out instead of writing null', () => {
    expect(doc.hsds_version).toBe('3.0');
    expect(doc.profile).toMatch(/^urn:tsunagu:hsds-profile:/);
    const nulls = JSON.stringify(doc).match(/":null/g);
    expect(nulls).toBeNull();
  });

  it('is caught by the check when a row breaks the schema (the test can fail)', () => {
    const broken = structuredClone(doc);
    broken.services[0].status = 'temporarily_closed';
    broken.schedules[0].id = 'not-a-uuid';
    broken.locations[0].addresses[0].state_province = undefined;
    broken.attributes[0].taxonomy_term_id = termId('care-item', 'no-such-item');
    broken.services[1].service_type = 'x';
    const failures = hsdsFailures(JSON.parse(JSON.stringify(broken)));
    expect(failures.map((f) => `${f.table}:${f.row}`)).toEqual(
      expect.arrayContaining(['services:1', 'schedules:1', 'locations:1', 'attributes:1', 'services:2']),
    );
    expect(failures.find((f) => f.table === 'services' && f.row === 1)?.error).toMatch(/status/);
  });

  it('gives the same ids on a second export', async () => {
    const again = (await w.clients.centreAdmin.get('/api/resources/export.json')).body;
    for (const table of Object.keys(TABLE_SCHEMAS)) {
      expect(again[table].map((r: Row) => r.id)).toEqual(doc[table].map((r: Row) => r.id));
    }
    expect(doc.services.map((s: Row) => s.id)).not.toContain(made.full.id);
  });

  it('says opening times with the offset of Japan, and statuses as HSDS spells them', () => {
    const statuses = new Set(doc.services.map((s: Row) => s.status));
    expect([...statuses].sort()).toEqual(['active', 'defunct', 'inactive', 'temporarily closed']);
    for (const s of doc.schedules) {
      expect(s.timezone).toBe(9);
      if (s.opens_at) expect(s.opens_at).toMatch(/^\d{2}:\d{2}\+09:00$/);
    }
    const full = doc.services.find((s: Row) => s.name === 'すべて放課後デイ');
    const own = doc.schedules.filter((s: Row) => s.service_id === full.id);
    expect(own).toEqual([
      expect.objectContaining({ byday: 'MO,TU,WE,TH,FR', opens_at: '10:00+09:00', closes_at: '18:00+09:00' }),
      expect.objectContaining({ byday: 'SA', description: '月2回、予約制' }),
    ]);
    expect(own[1].opens_at).toBeUndefined();
  });

  it('publishes care items, service types and details as attributes of exported taxonomy terms', () => {
    const terms = new Map(doc.taxonomy_terms.map((x: Row) => [x.id, x]));
    const full = doc.services.find((s: Row) => s.name === 'すべて放課後デイ');
    const attrs = doc.attributes
      .filter((a: Row) => a.link_id === full.id)
      .map((a: Row) => [a.link_type, (terms.get(a.taxonomy_term_id) as Row).code, a.value]);
    expect(attrs).toEqual(
      expect.arrayContaining([
        ['service_type', 'after_school_day_service', 'after_school_day_service'],
        ['care_acceptance', 'ventilator', 'accepted_with_conditions'],
        ['care_conditions', 'ventilator', '看護師2名の日のみ'],
        ['care_acceptance', 'dialysis', 'not_accepted'],
        ['service_detail', 'office_number', '1451999991'],
        ['service_detail', 'transport', 'true'],
        ['service_detail', 'bathing_note', '機械浴があります'],
        ['service_detail', 'capacity', '5'],
        ['service_detail', 'vacancy', '1'],
      ]),
    );
    const areas = doc.service_areas.filter((a: Row) => a.service_id === full.id);
    expect(areas.map((a: Row) => [a.extent, a.name])).toEqual([
      ['142051', '藤沢市'],
      ['142034', '平塚市'],
      ['142077', '茅ヶ崎市'],
    ]);
    const loc = doc.locations.find((l: Row) => l.name === 'すべて会館');
    expect(loc.addresses[0]).toMatchObject({
      address_1: '藤沢市鵠沼海岸2-3-4',
      city: '藤沢市',
      state_province: '神奈川県',
      postal_code: '251-0037',
      country: 'JP',
    });
  });
});
