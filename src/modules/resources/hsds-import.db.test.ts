import { gzipSync } from 'node:zlib';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, resourceServices } from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { type RegistryWorld, registryWorld } from '../../test/registry-world';
import { TABLE_SCHEMAS } from './hsds-conformance';
import { directoryWithEveryField } from './hsds-fixture';

// biome-ignore lint/suspicious/noExplicitAny: HSDS documents are read as plain JSON
type Doc = any;

let a: TestApp;
let b: TestApp;
let wa: RegistryWorld;
let wb: RegistryWorld;
let exported: Doc;
beforeAll(async () => {
  a = await createTestApp();
  wa = await registryWorld(a);
  await directoryWithEveryField(a, wa, 80);
  exported = (await wa.clients.centreAdmin.get('/api/resources/export.json')).body;
  // A second deployment whose prefecture has no listings yet.
  b = await createTestApp();
  wb = await registryWorld(b);
});
afterAll(async () => {
  await a.close();
  await b.close();
});

async function send(t: TestApp, client: TestClient, path: string, body: unknown) {
  const res = await t.app.request(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': client.ip,
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(client.csrf ? { 'x-csrf-token': client.csrf } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const services = async (t: TestApp) =>
  (await t.db.systemDb.select({ n: count() }).from(resourceServices))[0]!.n;

/** The export without what says when it was made or changed here; tables in id order. */
function content(doc: Doc) {
  const out: Doc = { hsds_version: doc.hsds_version, profile: doc.profile };
  for (const table of Object.keys(TABLE_SCHEMAS)) {
    out[table] = [...doc[table]]
      .map(({ last_modified: _, ...r }: Doc) => r)
      .sort((x: Doc, y: Doc) => (x.id < y.id ? -1 : 1));
  }
  return out;
}

describe('HSDS import', () => {
  it('round trip: export → import into an empty prefecture → export gives the same content', async () => {
    const admin = wb.clients.centreAdmin;
    const preview = await send(b, admin, '/api/resources/import/hsds/preview?fileName=hsds.json', exported);
    expect(preview.status).toBe(200);
    expect(preview.body.issues).toEqual([]);
    expect(preview.body).toMatchObject({
      version: '3.0',
      canImport: true,
      createCount: exported.services.length,
      updateCount: 0,
    });
    expect(await services(b)).toBe(0);
    const done = await send(b, admin, '/api/resources/import/hsds?fileName=hsds.json', exported);
    expect(done.body).toEqual({
      fileName: 'hsds.json',
      created: exported.services.length,
      updated: 0,
      unchanged: 0,
    });
    const again = (await admin.get('/api/resources/export.json')).body;
    expect(content(again)).toEqual(content(exported));
    const [audit] = await b.db.systemDb
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, 'resource_import'));
    expect(audit?.detail).toMatchObject({ format: 'hsds', created: exported.services.length });
  });

  it('is idempotent: the same file again, or our own export back home, changes nothing', async () => {
    const p = await send(b, wb.clients.centreAdmin, '/api/resources/import/hsds/preview', exported);
    expect(p.body).toMatchObject({
      createCount: 0,
      updateCount: 0,
      unchangedCount: exported.services.length,
    });
    const home = await send(a, wa.clients.centreAdmin, '/api/resources/import/hsds', exported);
    expect(home.body).toMatchObject({ created: 0, updated: 0, unchanged: exported.services.length });
  });

  it('updates the listings a changed file matches by id, and only those', async () => {
    const doc = structuredClone(exported);
    const s = doc.services.find((x: Doc) => x.name === 'すべて放課後デイ');
    s.name = 'すべて放課後デイ（新館）';
    const care = doc.attributes.find((x: Doc) => x.link_id === s.id && x.value === 'not_accepted');
    care.value = 'accepted';
    const p = await send(a, wa.clients.centreAdmin, '/api/resources/import/hsds/preview', doc);
    expect(p.body).toMatchObject({ updateCount: 1, createCount: 0 });
    const row = p.body.rows.find((r: Doc) => r.action === 'update');
    expect(row).toMatchObject({ hsdsId: s.id, name: 'すべて放課後デイ（新館）' });
    expect((await send(a, wa.clients.centreAdmin, '/api/resources/import/hsds', doc)).status).toBe(200);
    const listing = (await wa.clients.centreAdmin.get(`/api/resources/services/${row.existingServiceId}`))
      .body;
    expect(listing.name).toBe('すべて放課後デイ（新館）');
    expect(listing.careItems).toContainEqual({ code: 'dialysis', acceptance: 'accepted', conditions: null });
    expect(listing.version).toBe(2);
  });

  it('refuses an invalid file with bilingual row-level issues and changes nothing', async () => {
    const doc = structuredClone(exported);
    doc.services[0].status = 'temporarily_closed';
    doc.services[1].id = 'svc-2';
    doc.services[2].name = '';
    doc.schedules[0].opens_at = '25:00';
    doc.locations[0].addresses[0].address_1 = '熊本県熊本市中央区1-1';
    doc.locations[0].external_identifier = '431001';
    const care = doc.attributes.find((x: Doc) => x.link_type === 'care_acceptance');
    care.value = 'maybe';
    const before = await services(b);
    const p = await send(b, wb.clients.centreAdmin, '/api/resources/import/hsds/preview', doc);
    expect(p.body.canImport).toBe(false);
    const cols = p.body.issues.map((i: Doc) => `${i.column}#${i.row}`);
    expect(cols).toEqual(
      expect.arrayContaining([
        'services.status#1',
        'services.id#2',
        'services.name#3',
        'schedules.opens_at#1',
        'locations.addresses#1',
        expect.stringMatching(/^attributes\.value#/),
      ]),
    );
    for (const i of p.body.issues) {
      expect(i.ja).toMatch(/[ぁ-んァ-ン一-龥]/);
      expect(i.en).toMatch(/[a-z]/);
    }
    expect(p.body.rows.slice(0, 3).map((r: Doc) => r.action)).toEqual(['error', 'error', 'error']);
    const own = doc.service_at_locations.find((x: Doc) => x.location_id === doc.locations[0].id).service_id;
    expect(p.body.rows.find((r: Doc) => r.hsdsId === own).action).toBe('error');
    const refused = await send(b, wb.clients.centreAdmin, '/api/resources/import/hsds', doc);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('resource_import_invalid');
    expect(refused.body.error.issues[0]).toMatchObject({ ja: expect.any(String), en: expect.any(String) });
    expect(await services(b)).toBe(before);
  });

  it('answers a file that is not JSON, or not HSDS, with a clear message', async () => {
    const notJson = await send(
      b,
      wb.clients.centreAdmin,
      '/api/resources/import/hsds/preview',
      '{"services": [',
    );
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toMatchObject({ code: 'resource_hsds_unreadable', ja: expect.any(String) });
    const zipped = await b.app.request('/api/resources/import/hsds/preview', {
      method: 'POST',
      headers: {
        'content-type': 'application/gzip',
        'x-forwarded-for': wb.clients.centreAdmin.ip,
        cookie: wb.clients.centreAdmin.cookie!,
        'x-csrf-token': wb.clients.centreAdmin.csrf!,
      },
      body: new Uint8Array(gzipSync(JSON.stringify(exported))),
    });
    expect(await zipped.json()).toMatchObject({ canImport: true, rowCount: exported.services.length });
    const other = await send(b, wb.clients.centreAdmin, '/api/resources/import/hsds/preview', { hello: 1 });
    expect(other.body).toMatchObject({ canImport: false, issues: [{ row: 0, column: 'file' }] });
    const old = await send(b, wb.clients.centreAdmin, '/api/resources/import/hsds/preview', {
      hsds_version: '2.0',
      services: [],
    });
    expect(old.body.issues[0].en).toMatch(/HSDS 3/);
  });

  it("reads another Open Referral directory's nested services, nulls and times without an offset", async () => {
    const org = { id: '5f0c6f3e-8f7a-4c49-9d1e-0c8b0c6b1a01', name: 'NPO法人よその会', description: null };
    const svc = {
      id: '5f0c6f3e-8f7a-4c49-9d1e-0c8b0c6b1a02',
      name: 'よその訪問看護',
      status: 'active',
      email: null,
      organization: org,
      phones: [{ id: '5f0c6f3e-8f7a-4c49-9d1e-0c8b0c6b1a03', number: '0463-00-1111' }],
      schedules: [
        {
          id: '5f0c6f3e-8f7a-4c49-9d1e-0c8b0c6b1a04',
          freq: 'WEEKLY',
          byday: 'MO,WE',
          opens_at: '08:30',
          closes_at: '17:15',
          timezone: 9,
        },
        { id: '5f0c6f3e-8f7a-4c49-9d1e-0c8b0c6b1a05', freq: 'WEEKLY', byday: 'FR', opens_at: '00:00Z' },
        { id: '5f0c6f3e-8f7a-4c49-9d1e-0c8b0c6b1a06', freq: 'MONTHLY', byday: '1SA' },
      ],
      service_at_locations: [
        {
          id: '5f0c6f3e-8f7a-4c49-9d1e-0c8b0c6b1a07',
          location: {
            id: '5f0c6f3e-8f7a-4c49-9d1e-0c8b0c6b1a08',
            location_type: 'physical',
            addresses: [
              {
                id: '5f0c6f3e-8f7a-4c49-9d1e-0c8b0c6b1a09',
                address_1: '浅間町1-1',
                city: '平塚市',
                state_province: '神奈川県',
                postal_code: '254-0000',
                country: 'JP',
                address_type: 'physical',
              },
            ],
          },
        },
      ],
    };
    const admin = wb.clients.centreAdmin;
    const p = await send(b, admin, '/api/resources/import/hsds/preview', { contents: [svc] });
    expect(p.body.issues).toEqual([]);
    expect(p.body.rows[0]).toMatchObject({ action: 'create', municipalityCode: '142034', type: 'other' });
    expect((await send(b, admin, '/api/resources/import/hsds', [svc])).body.created).toBe(1);
    const found = (await admin.get(`/api/resources/services?q=${encodeURIComponent('よその訪問看護')}`)).body;
    const listing = (await admin.get(`/api/resources/services/${found.items[0].id}`)).body;
    expect(listing).toMatchObject({
      organizationName: 'NPO法人よその会',
      phone: '0463-00-1111',
      status: 'active',
    });
    expect(listing.schedules).toEqual([
      { byday: ['MO', 'WE'], opensAt: '08:30', closesAt: '17:15', note: null },
      { byday: ['FR'], opensAt: '09:00', closesAt: null, note: null },
    ]);
    const out = (await admin.get('/api/resources/export.json')).body;
    expect(out.services.find((s: Doc) => s.name === 'よその訪問看護').id).toBe(svc.id);
  });

  it('is for prefecture-wide staff only, into their own prefecture', async () => {
    expect((await send(a, wa.clients.coordA, '/api/resources/import/hsds', exported)).status).toBe(403);
    expect((await send(a, wa.clients.fujisawa, '/api/resources/import/hsds/preview', exported)).status).toBe(
      403,
    );
    const other = await send(a, wa.clients.centre43, '/api/resources/import/hsds/preview', exported);
    expect(other.body.canImport).toBe(false);
    expect(other.body.issues[0].en).toMatch(/another prefecture/);
  });
});
