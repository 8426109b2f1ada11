import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  childCareItems,
  childConsents,
  childDevices,
  childDiagnoses,
  childGuardians,
  childHistory,
  childResidences,
  children,
  registrations,
} from '../../db/schema';
import { isoDateInJapan } from '../../shared/dates';
import { nameKeys } from '../../shared/names';
import { createTestApp, type TestApp, TestClient } from '../../test/app';
import { makeChild, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { type FormOverrides, registrationForm } from './testing';

/** Decisions: accept creates the whole record, merge adds what is missing, reject; each only once. */
let t: TestApp;
let ipSeq = 0;
let admin: TestClient;
let coordMiura: TestClient;
let fujisawa: TestClient;
let chigasaki: TestClient;

async function submit(overrides: FormOverrides = {}) {
  const visitor = new TestClient(t);
  visitor.ip = `203.0.113.${++ipSeq}`;
  const res = await visitor.post('/api/public/registrations', registrationForm(overrides));
  expect(res.status).toBe(201);
  const [row] = await t.db.systemDb
    .select()
    .from(registrations)
    .where(eq(registrations.receiptNo, res.body.receiptNo));
  return row!;
}

const rowsOf = async <T extends typeof childGuardians | typeof childDiagnoses | typeof childCareItems>(
  table: T,
  childId: string,
) =>
  t.db.systemDb
    .select()
    .from(table as typeof childGuardians)
    .where(eq(table.childId, childId));

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  const miura = await makeRegion(db, '14', '三浦半島', ['142018']);
  admin = (await signedInUser(t, 'centre_admin', { prefectureCode: '14' })).client;
  coordMiura = (await signedInUser(t, 'regional_coordinator', { prefectureCode: '14', regionId: miura.id }))
    .client;
  fujisawa = (await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142051' }))
    .client;
  chigasaki = (await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: '142077' }))
    .client;
}, 60_000);
afterAll(() => t.close());

describe('accept', () => {
  it('creates the full child record in one go, visible to its municipality and not to another', async () => {
    const reg = await submit();
    const res = await admin.post(`/api/registrations/${reg.id}/accept`, {});
    expect(res.status).toBe(200);
    const childId: string = res.body.childId;
    expect(res.body.status).toBe('accepted');

    const db = t.db.systemDb;
    const [child] = await db.select().from(children).where(eq(children.id, childId));
    expect(child).toMatchObject({
      prefectureCode: '14',
      municipalityCode: '142051',
      familyName: '髙橋',
      familyKana: 'タカハシ',
      givenKana: 'ユウト',
      birthDate: '2024-04-05',
      sex: 'male',
      address: '藤沢1-2-3',
      careScore: 27,
      careTier: 2,
      version: 1,
      ...nameKeys({ familyName: '髙橋', givenName: '悠斗', familyKana: 'タカハシ', givenKana: 'ユウト' }),
    });
    expect(child!.livingSituation).toContain('4人暮らし');
    const guardians = await rowsOf(childGuardians, childId);
    expect(guardians).toEqual([
      expect.objectContaining({ givenName: '美咲', relationship: '母', isPrimary: true }),
    ]);
    expect(await rowsOf(childDiagnoses, childId)).toEqual([expect.objectContaining({ icd10: 'G80.9' })]);
    const items = await db.select().from(childCareItems).where(eq(childCareItems.childId, childId));
    expect(items.map((i) => [i.code, i.watch]).sort()).toEqual([
      ['suction', 'high'],
      ['tracheostomy', 'high'],
      ['tube_feeding_gastric', 'low'],
    ]);
    const devices = await db.select().from(childDevices).where(eq(childDevices.childId, childId));
    expect(devices).toEqual([
      expect.objectContaining({ kind: 'suction_unit', needsMains: true, batteryHours: 1.5 }),
    ]);
    // The ticked purposes are granted; the unticked one (statistics) is not asked: no decision, not a refusal.
    const consents = await db.select().from(childConsents).where(eq(childConsents.childId, childId));
    const on = isoDateInJapan(reg.submittedAt);
    expect(consents.map((c) => c.purpose).sort()).toEqual([
      'centre_contact',
      'disaster_planning',
      'share_municipality',
    ]);
    for (const c of consents)
      expect(c).toMatchObject({ method: 'online_form', decidedOn: on, granted: true });
    const residences = await db.select().from(childResidences).where(eq(childResidences.childId, childId));
    expect(residences).toEqual([
      expect.objectContaining({ municipalityCode: '142051', fromDate: on, toDate: null }),
    ]);
    const history = await db.select().from(childHistory).where(eq(childHistory.childId, childId));
    expect(history).toEqual([
      expect.objectContaining({
        action: 'create',
        version: 1,
        changes: expect.objectContaining({ receiptNo: reg.receiptNo }),
      }),
    ]);
    const [decided] = await db.select().from(registrations).where(eq(registrations.id, reg.id));
    expect(decided).toMatchObject({ status: 'accepted', childId });
    expect(decided!.reviewedBy).toBeTruthy();
    expect(decided!.reviewedAt).toBeTruthy();
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'create'), eq(auditLog.entityType, 'child')));
    expect(audit.some((a) => a.entityIds.includes(childId))).toBe(true);

    // The municipality of residence sees the new record; another municipality does not.
    expect((await fujisawa.get(`/api/children/${childId}`)).status).toBe(200);
    const list = await fujisawa.get('/api/children?pageSize=100');
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(childId);
    expect((await chigasaki.get(`/api/children/${childId}`)).status).toBe(404);
    expect((await chigasaki.get('/api/children?pageSize=100')).body.items).toEqual([]);
  });

  it('keeps the record from the municipality when the family did not agree to share it', async () => {
    const reg = await submit({
      child: { givenName: '陸', givenKana: 'リク' },
      consents: { share_municipality: false },
    });
    const res = await admin.post(`/api/registrations/${reg.id}/accept`, {});
    expect(res.status).toBe(200);
    expect((await fujisawa.get(`/api/children/${res.body.childId}`)).status).toBe(404);
    expect((await admin.get(`/api/children/${res.body.childId}`)).status).toBe(200);
  });

  it('answers 409 to a second decision, and nothing changes', async () => {
    const reg = await submit({ child: { givenName: '湊', givenKana: 'ミナト' } });
    expect((await admin.post(`/api/registrations/${reg.id}/accept`, {})).status).toBe(200);
    for (const [path, body] of [
      ['accept', {}],
      ['reject', { reason: 'duplicate' }],
    ] as const) {
      const again = await admin.post(`/api/registrations/${reg.id}/${path}`, body);
      expect(again.status, path).toBe(409);
      expect(again.body.error.code).toBe('registration_decided');
    }
    const made = await t.db.systemDb.select().from(children).where(eq(children.givenKana, 'ミナト'));
    expect(made).toHaveLength(1);
    const detail = await admin.get(`/api/registrations/${reg.id}`);
    expect(detail.body.can).toEqual({ decide: false });
    expect(detail.body.suggestions).toEqual([]);
  });

  it('answers 404 to a reviewer of another region', async () => {
    const reg = await submit({ child: { givenName: '樹', givenKana: 'イツキ' } });
    expect((await coordMiura.post(`/api/registrations/${reg.id}/accept`, {})).status).toBe(404);
    const [still] = await t.db.systemDb.select().from(registrations).where(eq(registrations.id, reg.id));
    expect(still!.status).toBe('pending');
  });
});

describe('merge', () => {
  it('adds what the record lacks, bumps its version and answers 409 to a stale version', async () => {
    const db = t.db.systemDb;
    const n = { familyName: '高橋', givenName: '結衣', familyKana: 'タカハシ', givenKana: 'ユイ' };
    const existing = await makeChild(db, '14', '142051', {
      ...n,
      birthDate: '2021-08-01',
      sex: 'female',
      consent: false,
    });
    await db.insert(childCareItems).values({ childId: existing.id, code: 'suction', watch: 'low' });
    await db.insert(childGuardians).values({
      childId: existing.id,
      familyName: '髙橋',
      givenName: '美咲',
      relationship: '母',
      isPrimary: true,
    });
    await db.insert(childConsents).values({
      childId: existing.id,
      purpose: 'share_municipality',
      granted: true,
      decidedOn: '2025-04-01',
      method: 'paper',
    });
    const reg = await submit({
      child: {
        givenName: '結衣',
        givenKana: 'ゆい',
        birthDate: '2021-08-01',
        sex: 'female',
        municipalityCode: '142077',
      },
      guardians: [
        { familyName: '髙橋', givenName: '美咲', relationship: '母', phone: '090-1234-5678' },
        { familyName: '高橋', givenName: '誠', relationship: '父', phone: '090-8765-4321' },
      ],
    });

    const detail = await admin.get(`/api/registrations/${reg.id}`);
    expect(detail.body.suggestions[0].child).toMatchObject({ id: existing.id, version: 1 });

    const stale = await admin.post(`/api/registrations/${reg.id}/merge`, {
      childId: existing.id,
      version: 7,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');

    const res = await admin.post(`/api/registrations/${reg.id}/merge`, { childId: existing.id, version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'merged', childId: existing.id });

    const [child] = await db.select().from(children).where(eq(children.id, existing.id));
    expect(child!.version).toBe(2);
    // The move to 茅ヶ崎市 is not applied by a merge: it is listed for the reviewer.
    expect(child!.municipalityCode).toBe('142051');
    expect(child!.address).toBeNull();
    expect(child!.careScore).toBe(8 + 0 + 8 + 2 + 8); // suction (low, kept) + tracheostomy high + tube feeding
    const guardians = await rowsOf(childGuardians, existing.id);
    expect(guardians.map((g) => g.givenName).sort()).toEqual(['美咲', '誠']);
    const items = await db.select().from(childCareItems).where(eq(childCareItems.childId, existing.id));
    expect(items.map((i) => i.code).sort()).toEqual(['suction', 'tracheostomy', 'tube_feeding_gastric']);
    const consents = await db.select().from(childConsents).where(eq(childConsents.childId, existing.id));
    // Ticked boxes add grants; the unticked one (statistics) records nothing — not a refusal.
    expect(consents.map((c) => c.purpose).sort()).toEqual([
      'centre_contact',
      'disaster_planning',
      'share_municipality',
    ]);
    expect(consents.every((c) => c.granted)).toBe(true);
    const [history] = await db
      .select()
      .from(childHistory)
      .where(and(eq(childHistory.childId, existing.id), eq(childHistory.action, 'merge')));
    expect(history).toMatchObject({
      version: 2,
      changes: expect.objectContaining({
        receiptNo: reg.receiptNo,
        notApplied: expect.objectContaining({ municipalityCode: ['142051', '142077'] }),
      }),
    });
    const [decided] = await db.select().from(registrations).where(eq(registrations.id, reg.id));
    expect(decided).toMatchObject({ status: 'merged', childId: existing.id });
    expect(
      (await admin.post(`/api/registrations/${reg.id}/merge`, { childId: existing.id, version: 2 })).status,
    ).toBe(409);
  });

  it('refuses to merge into a record outside the reviewer’s scope (404)', async () => {
    const other = await makeChild(t.db.systemDb, '14', '142051', { birthDate: '2020-01-01' });
    const reg = await submit({ child: { municipalityCode: '142018', givenName: '蓮', givenKana: 'レン' } });
    const res = await coordMiura.post(`/api/registrations/${reg.id}/merge`, {
      childId: other.id,
      version: 1,
    });
    expect(res.status).toBe(404);
    const [still] = await t.db.systemDb.select().from(registrations).where(eq(registrations.id, reg.id));
    expect(still!.status).toBe('pending');
  });
});

describe('reject', () => {
  it('keeps the reason, creates nothing and cannot be repeated', async () => {
    const reg = await submit({ child: { givenName: '試験', givenKana: 'シケン' } });
    expect((await admin.post(`/api/registrations/${reg.id}/reject`, { reason: '' })).status).toBe(400);
    const res = await admin.post(`/api/registrations/${reg.id}/reject`, { reason: 'テスト送信のため' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'rejected', childId: null });
    const [row] = await t.db.systemDb.select().from(registrations).where(eq(registrations.id, reg.id));
    expect(row).toMatchObject({ status: 'rejected', reviewNote: 'テスト送信のため', childId: null });
    expect(await t.db.systemDb.select().from(children).where(eq(children.givenKana, 'シケン'))).toEqual([]);
    expect((await admin.post(`/api/registrations/${reg.id}/reject`, { reason: 'again' })).status).toBe(409);
    const listed = await admin.get('/api/registrations?status=rejected');
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(reg.id);
  });
});
