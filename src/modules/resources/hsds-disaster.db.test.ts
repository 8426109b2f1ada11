import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { type RegistryWorld, registryWorld } from '../../test/registry-world';
import { hsdsFailures } from './hsds-conformance';
import { termId } from './hsds-ids';
import { createOrganizationVia, createServiceVia } from './testing';

/**
 * What a listing offers in a disaster (docs/disaster.md §6) in the HSDS profile (docs/resources.md): exported
 * as attributes of the disaster-support taxonomy and a disaster_note detail, read back by the import, and a
 * value the profile does not allow refused with a row-level message.
 */

// biome-ignore lint/suspicious/noExplicitAny: HSDS documents are read as plain JSON
type Doc = any;

let a: TestApp;
let b: TestApp;
let wa: RegistryWorld;
let wb: RegistryWorld;
let exported: Doc;
let shelterId: string;
beforeAll(async () => {
  a = await createTestApp();
  wa = await registryWorld(a);
  const org = await createOrganizationVia(wa.clients.centreAdmin, { name: '医療法人そなえ会' });
  const shelter = await createServiceVia(wa.clients.centreAdmin, org, {
    name: 'そなえ療育センター',
    type: 'medical_short_stay',
    disasterSupport: ['preemptive_admission', 'powered_welfare_shelter', 'charging_point'],
    disasterNote: '停電が3時間を超える見込みのとき、人工呼吸器のお子さんを受け入れます',
  });
  shelterId = shelter.id;
  await createServiceVia(wa.clients.centreAdmin, org, { name: 'そなえ放課後デイ', disasterSupport: [] });
  exported = (await wa.clients.centreAdmin.get('/api/resources/export.json')).body;
  b = await createTestApp();
  wb = await registryWorld(b);
});
afterAll(async () => {
  await a.close();
  await b?.close();
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
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const byName = (doc: Doc, name: string) => doc.services.find((s: Doc) => s.name === name);

/** [link_type, term code, value] of one service's disaster attributes. */
function disasterAttrs(doc: Doc, serviceId: string) {
  const terms = new Map(doc.taxonomy_terms.map((x: Doc) => [x.id, x]));
  return doc.attributes
    .filter((x: Doc) => x.link_id === serviceId)
    .map((x: Doc) => [x.link_type, (terms.get(x.taxonomy_term_id) as Doc).code, x.value])
    .filter(([type, code]: string[]) => type === 'disaster_support' || code === 'disaster_note')
    .sort();
}

describe('disaster support in HSDS', () => {
  it('is exported as attributes of the published disaster-support taxonomy, valid HSDS 3.0', () => {
    const taxonomy = exported.taxonomies.find((x: Doc) => x.name.startsWith('災害時の受け入れ'));
    expect(taxonomy).toBeDefined();
    const terms = exported.taxonomy_terms.filter((x: Doc) => x.taxonomy_id === taxonomy.id);
    expect(terms.map((x: Doc) => [x.code, x.name])).toEqual([
      ['powered_welfare_shelter', '福祉避難所（電源あり）'],
      ['preemptive_admission', '予防的入院（レスパイト入院）の受け入れ'],
      ['charging_point', '充電スポット'],
    ]);
    expect(disasterAttrs(exported, byName(exported, 'そなえ療育センター').id)).toEqual([
      ['disaster_support', 'charging_point', 'true'],
      ['disaster_support', 'powered_welfare_shelter', 'true'],
      ['disaster_support', 'preemptive_admission', 'true'],
      [
        'service_detail',
        'disaster_note',
        '停電が3時間を超える見込みのとき、人工呼吸器のお子さんを受け入れます',
      ],
    ]);
    expect(disasterAttrs(exported, byName(exported, 'そなえ放課後デイ').id)).toEqual([]);
    expect(hsdsFailures(exported)).toEqual([]);
  });

  it('round trip: imported into another directory, the listing offers the same, and exports the same', async () => {
    const admin = wb.clients.centreAdmin;
    const done = await send(b, admin, '/api/resources/import/hsds', exported);
    expect(done.body).toMatchObject({ created: 2, updated: 0 });
    const found = (await admin.get(`/api/resources/services?q=${encodeURIComponent('そなえ療育')}`)).body;
    const listing = (await admin.get(`/api/resources/services/${found.items[0].id}`)).body;
    expect(listing.disasterSupport).toEqual([
      'charging_point',
      'powered_welfare_shelter',
      'preemptive_admission',
    ]);
    expect(listing.disasterNote).toBe('停電が3時間を超える見込みのとき、人工呼吸器のお子さんを受け入れます');
    const again = (await admin.get('/api/resources/export.json')).body;
    const id = byName(exported, 'そなえ療育センター').id;
    expect(byName(again, 'そなえ療育センター').id).toBe(id);
    expect(disasterAttrs(again, id)).toEqual(disasterAttrs(exported, id));
    const home = await send(a, wa.clients.centreAdmin, '/api/resources/import/hsds/preview', exported);
    expect(home.body).toMatchObject({ updateCount: 0, unchangedCount: 2 });
  });

  it('takes a changed offer from the file: false or a missing attribute is not offered, the note follows', async () => {
    const doc = structuredClone(exported);
    const id = byName(doc, 'そなえ療育センター').id;
    const own = (code: string) =>
      doc.attributes.find(
        (x: Doc) => x.link_id === id && x.taxonomy_term_id === termId('disaster-support', code),
      );
    own('charging_point').value = 'false';
    doc.attributes = doc.attributes.filter((x: Doc) => x !== own('preemptive_admission'));
    doc.attributes = doc.attributes.filter(
      (x: Doc) => !(x.link_id === id && x.taxonomy_term_id === termId('service-detail', 'disaster_note')),
    );
    const p = await send(a, wa.clients.centreAdmin, '/api/resources/import/hsds/preview', doc);
    expect(p.body).toMatchObject({ issues: [], updateCount: 1, unchangedCount: 1 });
    expect((await send(a, wa.clients.centreAdmin, '/api/resources/import/hsds', doc)).status).toBe(200);
    const listing = (await wa.clients.centreAdmin.get(`/api/resources/services/${shelterId}`)).body;
    expect(listing.disasterSupport).toEqual(['powered_welfare_shelter']);
    expect(listing.disasterNote).toBeNull();
  });

  it('refuses a value or a term the profile does not allow, with a message naming what is allowed', async () => {
    const doc = structuredClone(exported);
    const id = byName(doc, 'そなえ療育センター').id;
    const mine = doc.attributes.filter((x: Doc) => x.link_id === id && x.link_type === 'disaster_support');
    mine[0].value = 'はい';
    mine[1].taxonomy_term_id = termId('disaster-support', 'generator_rental');
    const note = doc.attributes.find(
      (x: Doc) => x.link_id === id && x.taxonomy_term_id === termId('service-detail', 'disaster_note'),
    );
    note.value = 'あ'.repeat(501);
    const p = await send(b, wb.clients.centreAdmin, '/api/resources/import/hsds/preview', doc);
    expect(p.body.canImport).toBe(false);
    const row = (x: Doc) => doc.attributes.indexOf(x) + 1;
    const issue = (column: string, r: number) =>
      p.body.issues.find((i: Doc) => i.column === column && i.row === r);
    expect(issue('attributes.value', row(mine[0]))).toMatchObject({
      ja: expect.stringContaining('true（受け入れる）または false（受け入れない）'),
      en: expect.stringContaining('true (offered) or false (not offered)'),
    });
    expect(issue('attributes.taxonomy_term_id', row(mine[1]))).toMatchObject({
      ja: expect.stringContaining('災害時の受け入れ'),
      en: expect.stringContaining('powered_welfare_shelter / preemptive_admission / charging_point'),
    });
    expect(issue('attributes.value', row(note)).en).toMatch(/at most 500 characters/);
    expect(p.body.rows.find((r: Doc) => r.hsdsId === id).action).toBe('error');
    const refused = await send(b, wb.clients.centreAdmin, '/api/resources/import/hsds', doc);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('resource_import_invalid');
  });
});
