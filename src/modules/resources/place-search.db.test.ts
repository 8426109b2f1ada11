import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PLACES_CSV } from '../../demo/places';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { registryWorld } from '../../test/registry-world';
import { parsePlacesCsv } from './place-names';
import { referencePlaceRows, refreshListingPlaces, upsertPlaces } from './places';
import { createOrganizationVia, createServiceVia } from './testing';

/** The public search by any place name: station, 町名, ambiguous names, nothing found; the import. */
let t: TestApp;
let anon: TestClient;

type Item = {
  name: string;
  distanceKm: number | null;
  reason: { kind: string; from: string | null; municipalityName: string | null };
};
const names = (items: Item[]) => items.map((i) => i.name);
const search = async (address: string, extra = '') => {
  const res = await anon.get(`/api/public/resources?address=${encodeURIComponent(address)}${extra}`);
  expect(res.status).toBe(200);
  return res.body;
};

beforeAll(async () => {
  t = await createTestApp();
  const w = await registryWorld(t);
  anon = new TestClient(t);
  const admin = w.clients.centreAdmin;
  const org = await createOrganizationVia(admin, { name: '社会福祉法人ばしょ会' });
  const at = (name: string, address: string, latitude: number, longitude: number, municipalityCode: string) =>
    createServiceVia(admin, org, { name, municipalityCode, location: { address, latitude, longitude } });
  await at('つじどうデイ', '藤沢市辻堂元町1-1', 35.335, 139.45, '142051');
  await at('ふじさわデイ', '藤沢市本町1-1', 35.34, 139.49, '142051');
  await at('ちがさきデイ', '茅ヶ崎市本町2-2', 35.332, 139.405, '142077');
  await at('かわさきデイ', '川崎市本町3-3', 35.53, 139.7, '141305');
  const now = t.clock.now();
  const db = t.db.systemDb;
  await upsertPlaces(db, referencePlaceRows('14'), 'reference', now);
  await upsertPlaces(db, parsePlacesCsv(DEMO_PLACES_CSV).rows, 'import', now);
  await refreshListingPlaces(db, '14', now);
});
afterAll(async () => {
  await t.close();
});

describe('search by place name', () => {
  it('searches near a station, nearest first, each with its distance and why it matched', async () => {
    const body = await search('辻堂駅');
    expect(body.place).toMatchObject({ name: '辻堂駅', kind: 'station', municipalityName: '藤沢市' });
    expect(body.near).toMatchObject({ radiusKm: 10 });
    expect(names(body.items)).toEqual(['つじどうデイ', 'ちがさきデイ', 'ふじさわデイ']);
    const first = body.items[0] as Item;
    expect(first.distanceKm).toBeGreaterThan(0);
    expect(first.distanceKm).toBeLessThan(1);
    expect(first.reason).toMatchObject({ kind: 'near', from: '辻堂駅' });
    // The reading, another width, and without 駅 find the same station.
    for (const typed of ['つじどうえき', 'ﾂｼﾞﾄﾞｳ', '辻堂'])
      expect((await search(typed)).place?.name, typed).toBe('辻堂駅');
  });

  it('finds a 町名 the listings name, at the centroid of their points', async () => {
    const body = await search('辻堂元町');
    expect(body.place).toMatchObject({ name: '辻堂元町', kind: 'town', municipalityName: '藤沢市' });
    expect(body.items[0]).toMatchObject({ name: 'つじどうデイ', distanceKm: 0 });
  });

  it('offers the choice when a 町名 lies in several municipalities, and searches the one chosen', async () => {
    const body = await search('本町');
    expect(body.items).toEqual([]);
    const choices = body.choices as { id: string; municipalityName: string }[];
    expect(choices.map((c) => c.municipalityName).sort()).toEqual(['川崎市', '茅ヶ崎市', '藤沢市'].sort());
    const chigasaki = choices.find((c) => c.municipalityName === '茅ヶ崎市')!;
    const chosen = await search('本町', `&placeId=${chigasaki.id}`);
    expect(chosen.items[0]).toMatchObject({ name: 'ちがさきデイ', distanceKm: 0 });
  });

  it('says what to type when nothing resolves, in Japanese and English, never asking for a code', async () => {
    const body = await search('ほげほげ村の奥');
    expect(body.items).toEqual([]);
    expect(body.unresolved.ja).toContain('駅名');
    expect(body.unresolved.en).toContain('station');
    expect(`${body.unresolved.ja}${body.unresolved.en}`).not.toMatch(/市区町村コード|municipality code/i);
  });

  it('searches a municipality by name with the reason and the distance from its office', async () => {
    const body = await search('藤沢市');
    expect(body.municipality).toMatchObject({ name: '藤沢市' });
    const byName = new Map((body.items as Item[]).map((i) => [i.name, i]));
    expect(byName.get('ふじさわデイ')!.reason).toMatchObject({
      kind: 'in',
      municipalityName: '藤沢市',
      from: '藤沢市役所',
    });
    expect(byName.get('ふじさわデイ')!.distanceKm).toBeLessThan(1);
    expect(byName.has('かわさきデイ')).toBe(false);
    expect(body.basePlaces.map((p: { name: string }) => p.name)).toContain('藤沢市');
  });
});

describe('the places import', () => {
  it('changes nothing when the same file is imported twice', async () => {
    const db = t.db.systemDb;
    const now = t.clock.now();
    const { rows } = parsePlacesCsv(DEMO_PLACES_CSV);
    const again = await upsertPlaces(db, rows, 'import', now);
    expect(again).toEqual({ inserted: 0, updated: 0, unchanged: rows.length });
    const moved = rows.map((r) => (r.name === '辻堂駅' ? { ...r, latitude: 35.3363 } : r));
    expect(await upsertPlaces(db, moved, 'import', now)).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: rows.length - 1,
    });
  });
});
