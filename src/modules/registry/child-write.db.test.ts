/**
 * The child record: create, read, change with history, optimistic locking (a stale save is refused with
 * the difference and changes nothing), and care items that recompute the care score.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, childHistory, childResidences, children } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { createChildVia, newChildBody, type RegistryWorld, registryWorld } from '../../test/registry-world';

let t: TestApp;
let w: RegistryWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await registryWorld(t);
}, 60_000);
afterAll(() => t.close());

const put = (client: RegistryWorld['clients']['centreStaff'], path: string, body: unknown) =>
  client.request('PUT', path, body);

describe('creating and reading a child', () => {
  it('creates the record with match keys, a residence, history and audit, and reads it back', async () => {
    const res = await w.clients.centreStaff.post(
      '/api/children',
      newChildBody({ livingSituation: '両親と兄' }),
    );
    expect(res.status).toBe(201);
    const child = res.body;
    expect(child).toMatchObject({
      familyName: '髙橋',
      familyKana: 'タカハシ', // hiragana and half-width kana are stored as full-width katakana
      givenKana: 'ユイ',
      municipalityCode: '142051',
      municipalityName: '藤沢市',
      status: 'at_home',
      version: 1,
      address: '藤沢市鵠沼1-2-3',
      livingSituation: '両親と兄',
      careScore: null,
      lifeStage: expect.any(String),
      access: 'full',
      allowedActions: { edit: true, manageConsents: true, move: true },
      residences: [{ municipalityCode: '142051', municipalityName: '藤沢市', toDate: null }],
      guardians: [],
      consents: [],
    });
    const [row] = await t.db.systemDb.select().from(children).where(eq(children.id, child.id));
    expect(row!.nameKey).toBe('高橋結衣'); // 髙 folds to 高 in the key only
    expect(row!.kanaKey).not.toBe('');
    const residences = await t.db.systemDb
      .select()
      .from(childResidences)
      .where(eq(childResidences.childId, child.id));
    expect(residences).toHaveLength(1);

    const read = await w.clients.centreStaff.get(`/api/children/${child.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(child);

    const history = await w.clients.centreStaff.get(`/api/children/${child.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body).toHaveLength(1);
    expect(history.body[0]).toMatchObject({
      action: 'create',
      version: 1,
      userName: 'centre_staff user',
      changes: { familyName: [null, '髙橋'], municipalityCode: [null, '142051'] },
    });
    const audits = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'create'), eq(auditLog.entityType, 'child')));
    expect(audits.some((a) => a.entityIds.includes(child.id))).toBe(true);
  });

  it('lets regional and municipal staff create in their own area only', async () => {
    expect((await w.clients.coordA.post('/api/children', newChildBody())).status).toBe(201);
    expect(
      (await w.clients.coordA.post('/api/children', newChildBody({ municipalityCode: '142034' }))).status,
    ).toBe(403);
    const own = await w.clients.fujisawa.post(
      '/api/children',
      newChildBody({
        consents: [
          { purpose: 'share_municipality', granted: true, decidedOn: '2024-04-01', method: 'paper' },
        ],
      }),
    );
    expect(own.status).toBe(201);
    expect(own.body.consents).toHaveLength(1);
    expect((await w.clients.fujisawa.get(`/api/children/${own.body.id}`)).status).toBe(200);
    expect(
      (await w.clients.fujisawa.post('/api/children', newChildBody({ municipalityCode: '142077' }))).status,
    ).toBe(403);
  });

  it('withholds a record created by municipal staff without the sharing consent from them', async () => {
    const res = await w.clients.fujisawa.post('/api/children', newChildBody());
    expect(res.status).toBe(201);
    expect(res.body.allowedActions).toEqual({ edit: false, manageConsents: false, move: false });
    expect((await w.clients.fujisawa.get(`/api/children/${res.body.id}`)).status).toBe(404);
    expect((await w.clients.centreStaff.get(`/api/children/${res.body.id}`)).status).toBe(200);
  });

  it('refuses read-only roles and bad municipalities', async () => {
    for (const client of [w.clients.auditor, w.clients.provider, w.clients.systemAdmin]) {
      expect((await client.post('/api/children', newChildBody())).status).toBe(403);
    }
    const bad = await w.clients.centreStaff.post(
      '/api/children',
      newChildBody({ municipalityCode: '142050' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_municipality_code');
    expect(bad.body.error.ja).toBeTruthy();
    expect(bad.body.error.en).toBeTruthy();
    const other = await w.clients.centreStaff.post(
      '/api/children',
      newChildBody({ municipalityCode: '431001' }),
    );
    expect(other.status).toBe(400);
    expect(other.body.error.code).toBe('municipality_other_prefecture');
  });
});

describe('changing a child', () => {
  it('changes fields, keeps {field: [before, after]} in the history and bumps the version', async () => {
    const child = await createChildVia(w.clients.centreStaff);
    const res = await w.clients.coordA.patch(`/api/children/${child.id}`, {
      version: 1,
      givenName: '結愛',
      status: 'in_hospital',
      address: '',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ givenName: '結愛', status: 'in_hospital', address: null, version: 2 });
    expect(res.body.statusSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const history = (await w.clients.centreStaff.get(`/api/children/${child.id}/history`)).body;
    expect(history[0]).toMatchObject({
      action: 'update',
      version: 2,
      changes: {
        givenName: ['結衣', '結愛'],
        status: ['at_home', 'in_hospital'],
        address: ['藤沢市鵠沼1-2-3', null],
      },
    });
    const [row] = await t.db.systemDb.select().from(children).where(eq(children.id, child.id));
    expect(row!.nameKey).toBe('高橋結愛');
    // Saving the same values again changes nothing, not even the version.
    const same = await w.clients.coordA.patch(`/api/children/${child.id}`, { version: 2, givenName: '結愛' });
    expect(same.body.version).toBe(2);
  });

  it('refuses the second of two saves made from the same version, showing the difference', async () => {
    const child = await createChildVia(w.clients.centreStaff);
    const first = await w.clients.centreStaff.patch(`/api/children/${child.id}`, {
      version: 1,
      familyName: '高橋',
      livingSituation: '祖父母と同居',
    });
    expect(first.status).toBe(200);
    const second = await w.clients.coordA.patch(`/api/children/${child.id}`, {
      version: 1,
      familyName: '高梨',
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('conflict');
    expect(second.body.error.detail.changedFields).toEqual(['familyName', 'livingSituation']);
    expect(second.body.error.detail.current).toMatchObject({
      familyName: '高橋',
      version: 2,
      access: 'full',
    });
    const [row] = await t.db.systemDb.select().from(children).where(eq(children.id, child.id));
    expect(row!.familyName).toBe('高橋');
    expect(row!.version).toBe(2);
    const entries = await t.db.systemDb.select().from(childHistory).where(eq(childHistory.childId, child.id));
    expect(entries).toHaveLength(2);
  });

  it('serialises truly concurrent saves: exactly one wins', async () => {
    const child = await createChildVia(w.clients.centreStaff);
    const results = await Promise.all([
      w.clients.centreStaff.patch(`/api/children/${child.id}`, { version: 1, givenName: 'A' }),
      w.clients.coordA.patch(`/api/children/${child.id}`, { version: 1, givenName: 'B' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const [row] = await t.db.systemDb.select().from(children).where(eq(children.id, child.id));
    expect(row!.version).toBe(2);
  });

  it('refuses bad input with 400 in both languages and changes nothing', async () => {
    const child = await createChildVia(w.clients.centreStaff);
    for (const body of [
      { version: 1, birthDate: '2020-02-30' },
      { version: 1, familyKana: 'Takahashi' },
      { version: 1, sex: 'other' },
      { version: 1, birthDate: '2999-01-01' },
      { givenName: 'バージョンなし' },
    ]) {
      const res = await w.clients.centreStaff.patch(`/api/children/${child.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.ja).toBeTruthy();
      expect(res.body.error.en).toBeTruthy();
      expect(res.body.error.issues.length).toBeGreaterThan(0);
    }
    const [row] = await t.db.systemDb.select().from(children).where(eq(children.id, child.id));
    expect(row!.version).toBe(1);
  });
});

describe('care items', () => {
  it('recomputes the care score and tier and keeps the change in the history', async () => {
    const child = await createChildVia(w.clients.centreStaff);
    const res = await put(w.clients.centreStaff, `/api/children/${child.id}/care-items`, {
      version: 1,
      items: [
        { code: 'ventilator', watch: 'high', judgedOn: '2026-01-10', judgedBy: '小児科 佐藤医師' },
        { code: 'tracheostomy', watch: 'high' },
        { code: 'suction', watch: 'high' },
        { code: 'tube_feeding_gastric' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ careScore: 37, careTier: 3, version: 2 });
    expect(res.body.careItems.map((i: { code: string }) => i.code)).toEqual([
      'ventilator',
      'tracheostomy',
      'suction',
      'tube_feeding_gastric',
    ]);
    expect(res.body.careScoreBreakdown).toContainEqual(
      expect.objectContaining({
        code: 'tracheostomy',
        base: 8,
        watch: 0,
        rule: 'ventilator_with_tracheostomy',
      }),
    );

    const again = await put(w.clients.centreStaff, `/api/children/${child.id}/care-items`, {
      version: 2,
      items: [{ code: 'oxygen' }, { code: 'suction' }],
    });
    expect(again.body).toMatchObject({ careScore: 16, careTier: 2, version: 3 });
    const history = (await w.clients.centreStaff.get(`/api/children/${child.id}/history`)).body;
    expect(history[0]).toMatchObject({
      action: 'care_items',
      version: 3,
      changes: { careScore: [37, 16], careTier: [3, 2] },
    });
    expect(history[0].changes.careItems[1].map((i: { code: string }) => i.code)).toEqual([
      'oxygen',
      'suction',
    ]);
    expect(history[1].changes.careScore).toEqual([null, 37]);
  });

  it('names each problem of a bad list and changes nothing', async () => {
    const child = await createChildVia(w.clients.centreStaff);
    const res = await put(w.clients.centreStaff, `/api/children/${child.id}/care-items`, {
      version: 1,
      items: [
        { code: 'teleportation' },
        { code: 'tracheostomy', watch: 'mid' },
        { code: 'oxygen' },
        { code: 'oxygen' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'items.0.code',
      'items.1.watch',
      'items.3.code',
    ]);
    expect(res.body.error.issues.every((i: { ja?: string; en?: string }) => i.ja && i.en)).toBe(true);
    const [row] = await t.db.systemDb.select().from(children).where(eq(children.id, child.id));
    expect(row!.version).toBe(1);
    expect(row!.careScore).toBeNull();
  });
});
