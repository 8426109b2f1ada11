/**
 * The disaster story: the centre records a ventilator-dependent child's disaster profile (an absurd battery figure
 * refused with why, nothing changed; a stale version 409), 藤沢市's staff see the consenting children on their list,
 * electricity-dependent first, the child without consent only counted, record the plan back as theirs and export
 * the list in the 名簿's order; the coverage counts it; the family confirms the emergency sheet. Every list and
 * export is audited.
 */
import { and, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, childConsents, childDevices } from '../../db/schema';
import { findMunicipalityByName } from '../../shared/municipalities';
import { createTestApp, type TestApp, type TestClient } from '../../test/app';
import { makeChild, makePrefecture, makeRegion } from '../../test/factories';
import { signedInUser } from '../../test/sign-in';
import { listCsv, MEIBO_HEADERS } from './export';
import { municipalityList } from './list';
import { requireDisasterReader } from './scope';

const code = (name: string) => findMunicipalityByName('14', name)!.code;
const FUJISAWA = code('藤沢市');
const CHIGASAKI = code('茅ヶ崎市');

let t: TestApp;
const c: Record<string, TestClient> = {};
const ids: Record<string, string> = {};

const profile = {
  powerDrawWatts: 60,
  internalBatteryHours: 6,
  externalBatteryHours: 12,
  spareBatteries: 1,
  spareBatteryHours: 8,
  chargers: 'シガーソケット充電器',
  backupPower: ['car_inverter'],
  backupSubsidised: true,
  electricityCompany: '東京電力パワーグリッド',
  electricityRegistered: true,
  electricityRegisteredOn: '令和8年4月1日',
  planStatus: 'drafting',
  evacuation: 'hospital_admission',
  meisRegistered: false,
  drillDates: ['2026-05-10'],
  contacts: [
    { kind: 'physician', name: '佐藤医師', organisation: '県立こども医療センター', phone: '045-000-0000' },
    { kind: 'device_vendor', organisation: 'メディカル機器', phone: '0120-000-000' },
  ],
};

async function consent(childId: string, granted = true) {
  await t.db.systemDb.insert(childConsents).values({
    childId,
    purpose: 'disaster_planning',
    granted,
    decidedOn: '2026-04-01',
    method: 'paper',
  });
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.current = new Date('2026-06-01T03:00:00Z');
  const db = t.db.systemDb;
  await makePrefecture(db, '14');
  await makeRegion(db, '14', '湘南東部', [FUJISAWA, CHIGASAKI]);
  const vent = await makeChild(db, '14', FUJISAWA, { familyName: '電源', givenName: '一郎', careScore: 30 });
  const noConsent = await makeChild(db, '14', FUJISAWA, { familyName: '同意', givenName: 'なし' });
  const noDevice = await makeChild(db, '14', FUJISAWA, { familyName: '機器', givenName: 'なし' });
  const chigasaki = await makeChild(db, '14', CHIGASAKI, { familyName: '茅ヶ崎', givenName: '花子' });
  await db.insert(childDevices).values([
    { childId: vent.id, kind: 'ventilator', needsMains: true, batteryHours: 4 },
    { childId: noConsent.id, kind: 'oxygen_concentrator', needsMains: true },
    { childId: chigasaki.id, kind: 'ventilator', needsMains: true, batteryHours: 5 },
  ]);
  Object.assign(ids, {
    vent: vent.id,
    noConsent: noConsent.id,
    noDevice: noDevice.id,
    chigasaki: chigasaki.id,
  });
  await consent(vent.id);
  await consent(noDevice.id);
  await consent(chigasaki.id);
  await consent(noConsent.id, false);
  c.centre = (await signedInUser(t, 'centre_staff', { prefectureCode: '14' })).client;
  c.fujisawa = (
    await signedInUser(t, 'municipal_staff', { prefectureCode: '14', municipalityCode: FUJISAWA })
  ).client;
}, 60_000);
afterAll(() => t.close());

describe('disaster readiness', () => {
  it('keeps the profile: refuses an absurd battery figure with why, versions, history', async () => {
    const url = `/api/disaster/children/${ids.vent}`;
    const empty = await c.centre!.get(url);
    expect(empty.status).toBe(200);
    expect(empty.body.profile.version).toBe(0);
    expect(empty.body.electricityDependent).toBe(true);
    expect(empty.body.batteryHours).toBe(4);

    const absurd = await c.centre!.put(url, { ...profile, internalBatteryHours: 80, version: 0 });
    expect(absurd.status).toBe(400);
    const issue = absurd.body.error.issues.find((i: { path: string }) => i.path === 'internalBatteryHours');
    expect(issue.ja).toContain('72時間');
    expect(issue.en).toContain('3–15 hours');
    const negative = await c.centre!.put(url, { ...profile, externalBatteryHours: -1, version: 0 });
    expect(negative.status).toBe(400);
    expect((await c.centre!.get(url)).body.profile.version).toBe(0);

    const saved = await c.centre!.put(url, { ...profile, version: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body.profile.version).toBe(1);
    expect(saved.body.profile.batteryHoursTotal).toBe(26);
    expect(saved.body.batteryHours).toBe(26);
    expect(saved.body.profile.electricityRegisteredOn).toBe('2026-04-01');
    expect(saved.body.contacts).toHaveLength(2);
    expect(saved.body.history[0].action).toBe('profile');

    const stale = await c.centre!.put(url, { ...profile, note: 'later', version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.detail.current.profile.version).toBe(1);
  });

  it("lists 藤沢市's consenting children for its staff, electricity-dependent first, the rest counted", async () => {
    const list = await c.fujisawa!.get('/api/disaster/list');
    expect(list.status).toBe(200);
    expect(list.body.rows.map((r: { id: string }) => r.id)).toEqual([ids.vent, ids.noDevice]);
    expect(list.body.counts).toEqual({
      children: 3,
      consented: 2,
      electricityDependent: 2,
      electricityDependentWithheld: 1,
    });
    const first = list.body.rows[0];
    expect(first.batteryHours).toBe(26);
    expect(first.backupPower).toEqual(['car_inverter']);
    expect(first.contacts[0].kind).toBe('physician');
    expect(list.body.canRecordPlan).toBe(true);
  });

  it('lets the municipality record the plan back as theirs', async () => {
    const row = (await c.fujisawa!.get('/api/disaster/list')).body.rows[0];
    const future = await c.fujisawa!.put(`/api/disaster/list/${ids.vent}/plan`, {
      onMeibo: true,
      planStatus: 'reviewed',
      planReviewedOn: '2027-01-01',
      version: row.version,
    });
    expect(future.status).toBe(400);
    const done = await c.fujisawa!.put(`/api/disaster/list/${ids.vent}/plan`, {
      onMeibo: true,
      planStatus: 'reviewed',
      planReviewedOn: '令和8年5月20日',
      version: row.version,
    });
    expect(done.status).toBe(200);
    expect(done.body.planStatus).toBe('reviewed');
    expect(done.body.planReviewedOn).toBe('2026-05-20');
    expect(done.body.planRecordedRole).toBe('municipal_staff');
    const again = await c.fujisawa!.put(`/api/disaster/list/${ids.vent}/plan`, {
      onMeibo: true,
      planStatus: 'agreed',
      version: row.version,
    });
    expect(again.status).toBe(409);
    const profileView = await c.centre!.get(`/api/disaster/children/${ids.vent}`);
    expect(profileView.body.history[0]).toMatchObject({ action: 'plan', role: 'municipal_staff' });
  });

  it('exports the list in the order of the 名簿 and audits every list and export', async () => {
    const xlsx = await c.fujisawa!.get('/api/disaster/list/export?format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const csv = await c.centre!.get(`/api/disaster/list/export?municipality=${FUJISAWA}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('Shift_JIS');
    const policy = requireDisasterReader({
      role: 'municipal_staff',
      prefectureCode: '14',
      scope: { kind: 'municipality', municipalityCode: FUJISAWA },
    } as never);
    const text = iconv.decode(
      listCsv(await municipalityList(t.db.systemDb, policy, FUJISAWA), 'ja'),
      'cp932',
    );
    const [header, first] = text.split('\r\n');
    expect(header!.split(',').slice(0, 6)).toEqual([
      '氏名',
      '生年月日',
      '性別',
      '住所又は居所',
      '電話番号その他の連絡先',
      '避難支援等を必要とする事由',
    ]);
    expect(header!.split(',')).toHaveLength(MEIBO_HEADERS.ja.length);
    expect(first).toContain('電源 一郎');
    expect(first).toContain('医療機器に電源が必要');
    expect(text).not.toContain('同意 なし');
    const entries = await t.db.systemDb
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'disaster_list'), eq(auditLog.action, 'export')));
    expect(entries).toHaveLength(2);
    expect(entries[0]!.entityIds).toContain(ids.vent);
  });

  it('counts coverage by municipality and region for the centre', async () => {
    const cov = await c.centre!.get('/api/disaster/coverage');
    expect(cov.status).toBe(200);
    const f = cov.body.municipalities.find((m: { code: string }) => m.code === FUJISAWA);
    expect(f).toMatchObject({ electricityDependent: 2, agreedPlan: 1, onMeibo: 1, consented: 1 });
    expect(f.lastReviewedOn).toBe('2026-05-20');
    expect(cov.body.regions[0]).toMatchObject({ regionName: '湘南東部', electricityDependent: 3 });
    expect(cov.body.total.electricityDependent).toBe(3);
    const figures = await c.centre!.get(`/api/municipalities/${FUJISAWA}/figures`);
    expect(figures.body.disaster).toMatchObject({ electricityDependent: 2, agreedPlan: 1, onMeibo: 1 });
  });

  it('keeps the emergency sheet and the family’s confirmation, cleared when the sheet changes', async () => {
    const url = `/api/disaster/children/${ids.vent}/sheet`;
    const before = await c.centre!.get(url);
    const sheet = {
      bloodType: 'A+',
      deviceSettings: 'SIMV 換気回数20回/分、気管カニューレ 4.0mm',
      baselineVitals: { spo2: '95〜98%', heartRate: '100〜120' },
      allergies: 'なし',
      avoid: '鎮静薬の大量投与',
      emergencies: [{ problem: 'カニューレの事故抜去', handling: '予備カニューレを再挿入し、バッグで換気' }],
    };
    const saved = await c.centre!.put(url, { sheet, version: before.body.version });
    expect(saved.status).toBe(200);
    expect(saved.body.sheet.emergencies).toHaveLength(1);
    const future = await c.centre!.post(`${url}/confirm`, {
      confirmedOn: '2026-07-01',
      confirmedBy: '電源 母',
      version: saved.body.version,
    });
    expect(future.status).toBe(400);
    const confirmed = await c.centre!.post(`${url}/confirm`, {
      confirmedOn: '2026-06-01',
      confirmedBy: '電源 母',
      version: saved.body.version,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.confirmation).toMatchObject({ confirmedOn: '2026-06-01', confirmedBy: '電源 母' });
    expect(confirmed.body.confirmation.recordedBy).toBeTruthy();
    const changed = await c.centre!.put(url, {
      sheet: { ...sheet, allergies: 'ラテックス' },
      version: confirmed.body.version,
    });
    expect(changed.body.confirmation.confirmedOn).toBeNull();
  });
});
