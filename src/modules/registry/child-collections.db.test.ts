/**
 * The lists of the child record (guardians, diagnoses, physicians, devices, handbooks, affiliations): add,
 * change and remove, each carrying the record's version and each kept in the history.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { children } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { createChildVia, type RegistryWorld, registryWorld } from '../../test/registry-world';

let t: TestApp;
let w: RegistryWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await registryWorld(t);
}, 60_000);
afterAll(() => t.close());

type Case = {
  name: string;
  add: () => Record<string, unknown>;
  expectAdded: () => Record<string, unknown>;
  change: Record<string, unknown>;
  expectChanged: Record<string, unknown>;
};

const CASES: Case[] = [
  {
    name: 'guardians',
    add: () => ({
      familyName: '髙橋',
      givenName: '花子',
      givenKana: 'はなこ',
      relationship: '母',
      phone: '0466-00-0000',
    }),
    expectAdded: () => ({
      givenKana: 'ハナコ',
      relationship: '母',
      phone: '0466-00-0000',
      email: null,
      isPrimary: false,
    }),
    change: { email: 'hanako@example.jp', isPrimary: true, phone: '' },
    expectChanged: { email: 'hanako@example.jp', isPrimary: true, phone: null, relationship: '母' },
  },
  {
    name: 'diagnoses',
    add: () => ({ name: '脊髄性筋萎縮症', icd10: 'g12.0' }),
    expectAdded: () => ({ name: '脊髄性筋萎縮症', icd10: 'G12.0', note: null }),
    change: { note: '1型' },
    expectChanged: { name: '脊髄性筋萎縮症', note: '1型' },
  },
  {
    name: 'physicians',
    add: () => ({ hospitalName: '県立こども医療センター', organisationId: w.hospital.id, isPrimary: true }),
    expectAdded: () => ({
      hospitalName: '県立こども医療センター',
      organisationId: w.hospital.id,
      isPrimary: true,
    }),
    change: { department: '神経内科', physicianName: '佐藤 一郎' },
    expectChanged: { department: '神経内科', physicianName: '佐藤 一郎' },
  },
  {
    name: 'devices',
    add: () => ({ kind: 'ventilator', name: 'Trilogy', batteryHours: 3.5 }),
    expectAdded: () => ({ kind: 'ventilator', needsMains: true, batteryHours: 3.5 }),
    change: { batteryHours: 6, note: '予備バッテリーあり' },
    expectChanged: { batteryHours: 6, note: '予備バッテリーあり', needsMains: true },
  },
  {
    name: 'handbooks',
    add: () => ({ kind: 'physical', grade: '1級', issuedOn: '2021-07-01' }),
    expectAdded: () => ({ kind: 'physical', grade: '1級', issuedOn: '2021-07-01' }),
    change: { grade: '2級' },
    expectChanged: { grade: '2級' },
  },
  {
    name: 'affiliations',
    add: () => ({
      organisationId: w.school.id,
      kind: 'school',
      startedOn: '2027-04-01',
      detail: '小学部1年',
    }),
    expectAdded: () => ({
      organisationName: '県立藤沢支援学校',
      kind: 'school',
      endedOn: null,
      detail: '小学部1年',
    }),
    change: { endedOn: '2028-03-31', detail: '小学部2年' },
    expectChanged: { endedOn: '2028-03-31', detail: '小学部2年' },
  },
];

describe.each(CASES)('$name', (c) => {
  it('adds, changes and removes a row, moving the version on and keeping the history', async () => {
    const child = await createChildVia(w.clients.centreStaff);
    const base = `/api/children/${child.id}/${c.name}`;

    const added = await w.clients.coordA.post(base, { version: 1, ...c.add() });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.version).toBe(2);
    expect(added.body[c.name]).toHaveLength(1);
    const row = added.body[c.name][0];
    expect(row).toMatchObject(c.expectAdded());

    // A stale version is refused and adds nothing.
    const stale = await w.clients.coordA.post(base, { version: 1, ...c.add() });
    expect(stale.status).toBe(409);
    expect(stale.body.error.detail.changedFields).toEqual([c.name]);

    const changed = await w.clients.centreStaff.patch(`${base}/${row.id}`, { version: 2, ...c.change });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.version).toBe(3);
    expect(changed.body[c.name][0]).toMatchObject({ id: row.id, ...c.expectChanged });

    const removed = await w.clients.centreStaff.delete(`${base}/${row.id}?version=3`);
    expect(removed.status).toBe(200);
    expect(removed.body.version).toBe(4);
    expect(removed.body[c.name]).toEqual([]);
    expect((await w.clients.centreStaff.delete(`${base}/${row.id}?version=4`)).status).toBe(404);

    const history = (await w.clients.centreStaff.get(`/api/children/${child.id}/history`)).body;
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      `${c.name}.remove`,
      `${c.name}.update`,
      `${c.name}.add`,
      'create',
    ]);
    expect(history[2].changes[c.name][0]).toBeNull();
    expect(history[0].changes[c.name][1]).toBeNull();
  });
});

describe('list checks', () => {
  it('refuses organisations of another prefecture (404), bad dates and bad codes (400), changing nothing', async () => {
    const child = await createChildVia(w.clients.centreStaff);
    const base = `/api/children/${child.id}`;
    const foreign = await w.clients.centreStaff.post(`${base}/affiliations`, {
      version: 1,
      organisationId: w.org43.id,
      kind: 'school',
      startedOn: '2024-04-01',
    });
    expect(foreign.status).toBe(404);
    const physician = await w.clients.centreStaff.post(`${base}/physicians`, {
      version: 1,
      hospitalName: '熊本の病院',
      organisationId: w.org43.id,
    });
    expect(physician.status).toBe(404);
    const order = await w.clients.centreStaff.post(`${base}/affiliations`, {
      version: 1,
      organisationId: w.school.id,
      kind: 'school',
      startedOn: '2024-04-01',
      endedOn: '2023-03-31',
    });
    expect(order.status).toBe(400);
    expect(order.body.error.issues[0]).toMatchObject({
      path: 'endedOn',
      ja: expect.any(String),
      en: expect.any(String),
    });
    for (const [path, body] of [
      ['diagnoses', { version: 1, name: '病名', icd10: 'not-a-code' }],
      ['devices', { version: 1, kind: 'teleporter' }],
      ['devices', { version: 1, kind: 'ventilator', batteryHours: -1 }],
      ['handbooks', { version: 1, kind: 'physical', issuedOn: '2999-01-01' }],
      ['guardians', { version: 1, familyName: '', givenName: '花子', relationship: '母' }],
    ] as const) {
      const res = await w.clients.centreStaff.post(`${base}/${path}`, body);
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body.error.ja).toBeTruthy();
    }
    const [row] = await t.db.systemDb.select().from(children).where(eq(children.id, child.id));
    expect(row!.version).toBe(1);
    const detail = (await w.clients.centreStaff.get(base)).body;
    for (const list of ['guardians', 'diagnoses', 'physicians', 'devices', 'handbooks', 'affiliations']) {
      expect(detail[list], list).toEqual([]);
    }
  });

  it('leaves the version alone when a change changes nothing', async () => {
    const child = await createChildVia(w.clients.centreStaff);
    const added = await w.clients.centreStaff.post(`/api/children/${child.id}/devices`, {
      version: 1,
      kind: 'suction_unit',
    });
    const row = added.body.devices[0];
    expect(row.needsMains).toBe(true);
    const same = await w.clients.centreStaff.patch(`/api/children/${child.id}/devices/${row.id}`, {
      version: 2,
      kind: 'suction_unit',
    });
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(2);
    const stale = await w.clients.centreStaff.patch(`/api/children/${child.id}/devices/${row.id}`, {
      version: 1,
    });
    expect(stale.status).toBe(409);
  });

  it('answers 404 for a row of another child', async () => {
    const a = await createChildVia(w.clients.centreStaff);
    const b = await createChildVia(w.clients.centreStaff);
    const added = await w.clients.centreStaff.post(`/api/children/${a.id}/diagnoses`, {
      version: 1,
      name: '病名',
    });
    const rowId = added.body.diagnoses[0].id;
    const res = await w.clients.centreStaff.patch(`/api/children/${b.id}/diagnoses/${rowId}`, {
      version: 1,
      note: 'x',
    });
    expect(res.status).toBe(404);
  });
});
