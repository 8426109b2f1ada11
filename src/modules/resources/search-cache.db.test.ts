import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceServices } from '../../db/schema';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { type RegistryWorld, registryWorld } from '../../test/registry-world';
import { createOrganizationVia, createServiceVia, serviceBody } from './testing';

let t: TestApp;
let w: RegistryWorld;
let anon: TestClient;
let orgId: string;
let service: { id: string; version: number };

beforeAll(async () => {
  t = await createTestApp({ publicSearchCacheMs: 15_000 });
  w = await registryWorld(t);
  anon = new TestClient(t);
  orgId = await createOrganizationVia(w.clients.centreAdmin, { name: '社会福祉法人かもめ' });
  service = await createServiceVia(w.clients.centreAdmin, orgId, { name: 'かもめデイ' });
});
afterAll(() => t.close());

const names = async (q: string) => {
  const res = await anon.get(`/api/public/resources?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return (res.body.items as { name: string }[]).map((i) => i.name);
};

describe('the public search cache', () => {
  it('answers the same query from memory for its time to live', async () => {
    expect(await names('かもめ')).toEqual(['かもめデイ']);
    // A change behind the API (another server, say) shows once the entry has expired.
    await t.db.systemDb
      .update(resourceServices)
      .set({ name: 'かもめデイ（旧）' })
      .where(eq(resourceServices.id, service.id));
    expect(await names('かもめ')).toEqual(['かもめデイ']);
    t.clock.advance(15_000);
    expect(await names('かもめ')).toEqual(['かもめデイ（旧）']);
  });

  it('is emptied at once by a change made through this server, and not by a refused one', async () => {
    expect(await names('かもめ')).toEqual(['かもめデイ（旧）']);
    const [row] = await t.db.systemDb
      .select()
      .from(resourceServices)
      .where(eq(resourceServices.id, service.id));
    await t.db.systemDb
      .update(resourceServices)
      .set({ name: 'かもめデイ仮' })
      .where(eq(resourceServices.id, service.id));
    const refused = await w.clients.fujisawa.put(`/api/resources/services/${service.id}`, {
      ...serviceBody(orgId, { name: 'かもめデイ新館' }),
      version: row!.version,
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(await names('かもめ')).toEqual(['かもめデイ（旧）']); // still the cached answer
    const saved = await w.clients.centreAdmin.put(`/api/resources/services/${service.id}`, {
      ...serviceBody(orgId, { name: 'かもめデイ新館' }),
      version: row!.version,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(await names('かもめ')).toEqual(['かもめデイ新館']);
  });
});
