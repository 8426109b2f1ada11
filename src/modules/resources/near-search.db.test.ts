import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceServices } from '../../db/schema';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { type RegistryWorld, registryWorld } from '../../test/registry-world';
import { createOrganizationVia, createServiceVia, serviceBody } from './testing';

/** The public search "near me": listings within a radius of a point, nearest first, with their distance. */
let t: TestApp;
let w: RegistryWorld;
let anon: TestClient;
const ids: Record<string, string> = {};
let orgId = '';
const HERE = '35.34,139.49';

beforeAll(async () => {
  t = await createTestApp();
  w = await registryWorld(t);
  anon = new TestClient(t);
  const admin = w.clients.centreAdmin;
  const org = await createOrganizationVia(admin, { name: '社会福祉法人ちかく会' });
  orgId = org;
  const at = async (name: string, latitude: number | null, longitude: number | null, extra = {}) =>
    (
      await createServiceVia(admin, org, {
        name,
        location: { address: '藤沢市藤沢1-1', latitude, longitude },
        ...extra,
      })
    ).id as string;
  ids.here = await at('ここデイ', 35.34, 139.49);
  // 0.045° of latitude north: 5.0 km.
  ids.five = await at('ごきろデイ', 35.385, 139.49);
  // 0.18° north: 20.0 km.
  ids.twenty = await at('にじゅっきろデイ', 35.52, 139.49);
  ids.noPoint = await at('ざひょうなしデイ', null, null);
  ids.noVentilator = await at('こきゅうきふかデイ', 35.341, 139.491, {
    careItems: [{ code: 'ventilator', acceptance: 'not_accepted' }],
  });
});
afterAll(async () => {
  await t.close();
});

type Item = { id: string; distanceKm: number | null; name: string };
const names = (items: Item[]) => items.map((i) => i.name);

describe('near me', () => {
  it('lists the listings within the radius, nearest first, each with its distance', async () => {
    const res = await anon.get(`/api/public/resources?near=${HERE}&radiusKm=10`);
    expect(res.status).toBe(200);
    expect(names(res.body.items)).toEqual(['ここデイ', 'こきゅうきふかデイ', 'ごきろデイ']);
    expect(res.body.total).toBe(3);
    expect(res.body.totalCapped).toBe(false);
    expect(res.body.near).toEqual({ latitude: 35.34, longitude: 139.49, radiusKm: 10 });
    const byId = new Map<string, Item>(res.body.items.map((i: Item) => [i.id, i]));
    expect(byId.get(ids.here!)!.distanceKm).toBe(0);
    expect(byId.get(ids.noVentilator!)!.distanceKm).toBe(0.1);
    expect(byId.get(ids.five!)!.distanceKm).toBeCloseTo(5.0, 1);

    const wide = await anon.get(`/api/public/resources?near=${HERE}&radiusKm=30`);
    expect(names(wide.body.items)).toEqual([
      'ここデイ',
      'こきゅうきふかデイ',
      'ごきろデイ',
      'にじゅっきろデイ',
    ]);
    expect(wide.body.items[3].distanceKm).toBeCloseTo(20.0, 0);
    // A listing without coordinates cannot be placed, so it is not "near".
    expect(wide.body.items.map((i: Item) => i.id)).not.toContain(ids.noPoint);
  });

  it('combines with the other filters and pages', async () => {
    const vent = await anon.get(`/api/public/resources?near=${HERE}&radiusKm=30&careItem=ventilator`);
    expect(names(vent.body.items)).toEqual(['ここデイ', 'ごきろデイ', 'にじゅっきろデイ']);
    const page2 = await anon.get(`/api/public/resources?near=${HERE}&radiusKm=30&pageSize=2&page=2`);
    expect(names(page2.body.items)).toEqual(['ごきろデイ', 'にじゅっきろデイ']);
    expect(page2.body.total).toBe(4);
    const past = await anon.get(`/api/public/resources?near=${HERE}&radiusKm=30&pageSize=2&page=5`);
    expect(past.body.items).toEqual([]);
    expect(past.body.total).toBe(4);
    // Without `near` there is no distance.
    const plain = await anon.get('/api/public/resources?q=ここデイ');
    expect(plain.body.items[0].distanceKm).toBeNull();
    expect(plain.body.near).toBeNull();
  });

  it('puts a listing not confirmed for 12 months after the fresh ones, however near', async () => {
    const old = new Date(t.clock.now().getTime() - 400 * 24 * 3_600_000);
    await t.db.systemDb
      .update(resourceServices)
      .set({ lastConfirmedAt: old })
      .where(eq(resourceServices.id, ids.here!));
    const res = await anon.get(`/api/public/resources?near=${HERE}&radiusKm=30`);
    expect(names(res.body.items)).toEqual([
      'こきゅうきふかデイ',
      'ごきろデイ',
      'にじゅっきろデイ',
      'ここデイ',
    ]);
    expect(res.body.items[3].stale).toBe(true);
  });

  it('follows a listing that moves, and one that is withdrawn', async () => {
    const admin = w.clients.centreAdmin;
    // Staff correct the place (the full edit, PUT): the search follows the location's new point.
    const move = async (id: string, name: string, latitude: number | null, longitude: number | null) => {
      const current = await admin.get(`/api/resources/services/${id}`);
      const res = await admin.put(
        `/api/resources/services/${id}`,
        serviceBody(orgId, {
          name,
          version: current.body.version,
          location: { address: '藤沢市藤沢1-1', latitude, longitude },
        }),
      );
      expect(res.status).toBe(200);
    };
    const within1km = async () =>
      (await anon.get(`/api/public/resources?near=${HERE}&radiusKm=1`)).body.items.map((i: Item) => i.id);
    expect(await within1km()).not.toContain(ids.twenty);
    await move(ids.twenty!, 'にじゅっきろデイ', 35.3401, 139.4901);
    expect(await within1km()).toContain(ids.twenty);
    // A listing that gains a point becomes findable; one that loses it is no longer "near".
    await move(ids.noPoint!, 'ざひょうなしデイ', 35.345, 139.49);
    expect(await within1km()).toContain(ids.noPoint);
    await move(ids.twenty!, 'にじゅっきろデイ', null, null);
    expect(await within1km()).not.toContain(ids.twenty);

    const five = await admin.get(`/api/resources/services/${ids.five}`);
    await admin.patch(`/api/resources/services/${ids.five}`, {
      version: five.body.version,
      status: 'inactive',
    });
    const wide = await anon.get(`/api/public/resources?near=${HERE}&radiusKm=30`);
    expect(wide.body.items.map((i: Item) => i.id)).not.toContain(ids.five);
  });

  it('refuses a malformed point or radius with 400 in both languages', async () => {
    for (const q of [
      'near=abc',
      'near=91,139',
      'near=35.3,181',
      `near=${HERE}&radiusKm=31`,
      `near=${HERE}&radiusKm=0`,
    ]) {
      const res = await anon.get(`/api/public/resources?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.ja).toBeTruthy();
      expect(res.body.error.en).toBeTruthy();
    }
  });
});
