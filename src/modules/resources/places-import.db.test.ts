import { and, eq, sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { places } from '../../db/schema/places';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { registryWorld } from '../../test/registry-world';
import { createOrganizationVia, createServiceVia, sendCsvVia, serviceBody } from './testing';

/** The places file from the import screen: preview, import, again, refused files, refresh, who may. */
let t: TestApp;
let w: Awaited<ReturnType<typeof registryWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  w = await registryWorld(t);
});
afterAll(() => t.close());

const send = (client: TestClient, path: string, body: Buffer | string) => sendCsvVia(t, client, path, body);

const FILE = [
  '名称,よみ,種別,市区町村コード,緯度,経度,郵便番号',
  '辻堂駅,つじどうえき,駅,142051,35.3364,139.4475,',
  '湘南台駅,しょうなんだいえき,駅,142051,35.3963,139.4669,',
  '辻堂元町,つじどうもとまち,町字,142051,35.331,139.452,251-0043',
].join('\r\n');
const importedCount = async () =>
  (
    await t.db.systemDb
      .select({ n: sql<number>`count(*)::int` })
      .from(places)
      .where(and(eq(places.prefectureCode, '14'), eq(places.source, 'import')))
  )[0]!.n;

describe('importing a places file from the screen', () => {
  it('previews exactly what the import will do, imports it audited, and the same file again changes nothing', async () => {
    const admin = w.clients.centreAdmin;
    const cp932 = iconv.encode(FILE, 'cp932');
    const preview = await send(admin, '/api/resources/places/import/preview?fileName=places.csv', cp932);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({
      fileName: 'places.csv',
      encoding: 'cp932',
      rows: 3,
      byKind: { station: 2, town: 1, landmark: 0, municipality: 0 },
      issues: [],
      counts: { inserted: 3, updated: 0, unchanged: 0 },
    });
    expect(await importedCount()).toBe(0);

    const done = await send(admin, '/api/resources/places/import?fileName=places.csv', cp932);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toEqual({ rows: 3, inserted: 3, updated: 0, unchanged: 0 });
    expect(await importedCount()).toBe(3);
    const [audit] = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, 'resource_import'),
          sql`${auditLog.detail}->>'event' = 'places_imported'`,
        ),
      );
    expect(audit?.detail).toMatchObject({ via: 'screen', file: 'places.csv', inserted: 3 });

    const again = await send(admin, '/api/resources/places/import/preview', FILE);
    expect(again.body.counts).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    expect((await send(admin, '/api/resources/places/import', FILE)).body).toMatchObject({ unchanged: 3 });

    const summary = await admin.get('/api/resources/places');
    expect(summary.status).toBe(200);
    const station = summary.body.counts.find((c: { kind: string }) => c.kind === 'station');
    expect(station.bySource.import).toBe(2);
  });

  it('refuses a file with a bad row or a row of another prefecture whole, naming each line, and keeps nothing', async () => {
    const bad = `${FILE}\r\n熊本駅,くまもとえき,駅,431001,32.79,130.69,\r\n謎の場所,,駅,142051,99,999,`;
    const before = await importedCount();
    const preview = await send(w.clients.centreAdmin, '/api/resources/places/import/preview', bad);
    expect(preview.status).toBe(200);
    expect(preview.body.counts).toBeNull();
    expect(preview.body.issues.map((i: { line: number }) => i.line)).toEqual([5, 6]);
    expect(preview.body.issues[0]).toMatchObject({ en: 'Not a municipality of this prefecture: 431001' });
    const refused = await send(w.clients.centreAdmin, '/api/resources/places/import', bad);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('resource_import_invalid');
    expect(refused.body.error.issues).toHaveLength(2);
    expect(await importedCount()).toBe(before);
    const empty = await send(w.clients.centreAdmin, '/api/resources/places/import', '');
    expect(empty.status).toBe(400);
  });

  it('recomputes the municipalities and the listings’ 町字 on request, audited', async () => {
    const res = await w.clients.centreStaff.post('/api/resources/places/refresh', {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toHaveProperty('towns');
    const municipalities = await w.clients.centreAdmin.get('/api/resources/places');
    const m = municipalities.body.counts.find((c: { kind: string }) => c.kind === 'municipality');
    expect(m.bySource.reference).toBeGreaterThan(30);
  });
});

describe('the 町字 of a listing follow its address', () => {
  it('adds the town when a listing is saved, and moves it when the address moves to another municipality', async () => {
    const admin = w.clients.centreAdmin;
    const towns = async () =>
      (
        await t.db.systemDb
          .select({ m: places.municipalityCode, name: places.name, lat: places.latitude })
          .from(places)
          .where(and(eq(places.source, 'listings'), sql`${places.name} in ('善行', '浜竹')`))
      ).map((r) => `${r.m}:${r.name}:${r.lat}`);
    const org = await createOrganizationVia(admin, { name: '社会福祉法人まちの会' });
    const svc = await createServiceVia(admin, org, {
      name: 'ぜんぎょうデイ',
      municipalityCode: '142051',
      location: { address: '藤沢市善行1-2-3', latitude: 35.358, longitude: 139.464 },
    });
    expect(await towns()).toEqual(['142051:善行:35.358']);
    const moved = await admin.put(`/api/resources/services/${svc.id}`, {
      ...serviceBody(org, {
        name: 'ぜんぎょうデイ',
        municipalityCode: '142077',
        location: { address: '茅ヶ崎市浜竹1-1', latitude: 35.325, longitude: 139.41 },
      }),
      version: svc.version,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(await towns()).toEqual(['142077:浜竹:35.325']);
  });
});

describe('who may keep the place names (denied)', () => {
  it('refuses staff who do not work prefecture-wide (403) and those without a prefecture (404)', async () => {
    for (const c of [w.clients.coordA, w.clients.fujisawa, w.clients.provider]) {
      expect((await c.get('/api/resources/places')).status).toBe(403);
      expect((await send(c, '/api/resources/places/import', FILE)).status).toBe(403);
      expect((await c.post('/api/resources/places/refresh', {})).status).toBe(403);
    }
    expect((await w.clients.systemAdmin.get('/api/resources/places')).status).toBe(404);
    expect((await w.clients.auditor.post('/api/resources/places/refresh', {})).status).toBe(403);
  });

  it('imports another prefecture’s staff file only into their own prefecture', async () => {
    const res = await send(w.clients.centre43, '/api/resources/places/import', FILE);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.issues).toHaveLength(3);
  });
});
