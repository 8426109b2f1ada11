/**
 * Disaster readiness (docs/disaster.md): a disaster profile for most electricity-dependent children of the demo
 * prefecture — batteries, back-up power, contacts, the municipality's 名簿 and plan — so the demo municipality's
 * staff find their list with work on arrival (plans to draft, reviews to record), and an emergency sheet confirmed
 * by the family for a few. Children whose guardians did not consent to disaster planning stay counted only (the
 * generator gives about 30 % no such consent). Fictional; deterministic for a seed.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  childDevices,
  childDisasterContacts,
  childDisasterHistory,
  childDisasterProfiles,
  children,
  users,
} from '../db/schema';
import { isoDateInJapan } from '../shared/dates';
import type { BackupPowerKind, EvacuationIntent, PlanStatus } from '../shared/vocab/disaster';
import { addYears, createRng, deriveSeed } from './random';

export type SeedDisasterOptions = {
  prefectureCode: string;
  seed: number;
  now: Date;
  /** The demo municipality, whose own staff recorded some plans themselves. */
  municipalityCode: string;
  municipalEmail: string;
};

const HOSPITALS = ['県立こども医療センター', '湘南中央病院', '横浜こども病院', '相模原総合病院'];
const NURSING = ['あおぞら訪問看護ステーション', 'ひだまり訪問看護', 'みなと訪問看護ステーション'];
const VENDORS = ['メディカルサポート神奈川', 'ライフケア機器', '湘南医療機器サービス'];
const OXYGEN = ['酸素サービス湘南', 'ホームオキシゲン神奈川'];
const COMPANY = '東京電力パワーグリッド';

const tenth = (x: number) => Math.round(x * 10) / 10;

/** Writes the profiles; returns how many. */
export async function seedDisasterProfiles(tx: DbOrTx, opts: SeedDisasterOptions): Promise<number> {
  const rng = createRng(deriveSeed(opts.seed, 'disaster'));
  const today = isoDateInJapan(opts.now);
  const [municipal] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, opts.municipalEmail));
  const dependent = await tx
    .selectDistinct({ id: children.id, municipalityCode: children.municipalityCode })
    .from(children)
    .innerJoin(childDevices, and(eq(childDevices.childId, children.id), eq(childDevices.needsMains, true)))
    .where(eq(children.prefectureCode, opts.prefectureCode))
    .orderBy(asc(children.id));
  let n = 0;
  let confirmed = 0;
  for (const child of dependent) {
    const own = child.municipalityCode === opts.municipalityCode;
    if (!own && !rng.chance(0.7)) continue;
    const internal = tenth(rng.int(30, 120) / 10);
    const external = rng.chance(0.7) ? tenth(rng.int(40, 160) / 10) : null;
    const spares = rng.int(0, 2);
    const backup: BackupPowerKind[] = rng.weighted<BackupPowerKind[]>([
      [['car_inverter'], 4],
      [['battery_storage'], 3],
      [['generator', 'car_inverter'], 1],
      [['none'], 2],
    ]);
    const plan: PlanStatus = rng.weighted<PlanStatus>([
      ['none', own ? 3 : 4],
      ['drafting', 3],
      ['agreed', 2],
      ['reviewed', 1],
    ]);
    const reviewed = plan === 'reviewed' ? rng.dateBetween(addYears(today, -1), today) : null;
    const byMunicipality = own && plan !== 'none' && municipal !== undefined;
    const sheetConfirmed = own && confirmed < 3 && rng.chance(0.5);
    if (sheetConfirmed) confirmed++;
    await tx.insert(childDisasterProfiles).values({
      childId: child.id,
      prefectureCode: opts.prefectureCode,
      powerDrawWatts: rng.pick([60, 120, 180, 240]),
      internalBatteryHours: internal,
      externalBatteryHours: external,
      spareBatteries: spares,
      spareBatteryHours: spares ? tenth(spares * internal) : null,
      chargers: rng.chance(0.5) ? 'シガーソケット充電器' : null,
      backupPower: backup,
      backupSubsidised: backup[0] === 'none' ? null : rng.chance(0.5),
      oxygenSupplier: rng.chance(0.3) ? rng.pick(OXYGEN) : null,
      electricityCompany: COMPANY,
      electricityRegistered: rng.chance(0.4),
      onMeibo: plan === 'none' ? rng.chance(0.3) : true,
      planStatus: plan,
      planReviewedOn: reviewed,
      planRecordedBy: byMunicipality ? municipal!.id : null,
      planRecordedRole: byMunicipality ? 'municipal_staff' : null,
      planRecordedAt: byMunicipality ? opts.now : null,
      evacuation: rng.weighted<EvacuationIntent>([
        ['home', 5],
        ['hospital_admission', 3],
        ['welfare_shelter_power', 2],
      ]),
      meisRegistered: rng.chance(0.2),
      drillDates: rng.chance(0.3) ? [rng.dateBetween(addYears(today, -1), today)] : [],
      sheet: sheetConfirmed
        ? {
            bloodType: rng.pick(['A+', 'B+', 'O+', 'AB+']),
            deviceSettings: '人工呼吸器 SIMV 換気回数20回/分、気管カニューレ 4.0mm（予備 3.5mm）',
            baselineVitals: { spo2: '94〜98%', heartRate: '90〜120', respiratoryRate: '20〜30' },
            allergies: 'なし',
            avoid: '仰臥位での長時間の吸引',
            emergencies: [
              { problem: 'カニューレの事故抜去', handling: '予備カニューレを再挿入し、蘇生バッグで換気する' },
              {
                problem: '停電',
                handling: '内部バッテリーに切り替わる。外部バッテリーと車からの給電を準備する',
              },
            ],
          }
        : {},
      sheetConfirmedOn: sheetConfirmed ? rng.dateBetween(addYears(today, -1), today) : null,
      sheetConfirmedBy: sheetConfirmed ? '保護者' : null,
      sheetConfirmRecordedAt: sheetConfirmed ? opts.now : null,
      updatedAt: opts.now,
    });
    await tx.insert(childDisasterContacts).values([
      {
        childId: child.id,
        kind: 'physician',
        organisation: rng.pick(HOSPITALS),
        name: '主治医（デモ）',
        phone: '0466-00-0000',
        position: 0,
      },
      {
        childId: child.id,
        kind: 'visiting_nurse',
        organisation: rng.pick(NURSING),
        phone: '0466-11-1111',
        position: 1,
      },
      {
        childId: child.id,
        kind: 'device_vendor',
        organisation: rng.pick(VENDORS),
        phone: '0120-000-000',
        position: 2,
      },
    ]);
    if (byMunicipality) {
      await tx.insert(childDisasterHistory).values({
        childId: child.id,
        at: opts.now,
        userId: municipal!.id,
        role: 'municipal_staff',
        action: 'plan',
        changes: { planStatus: ['none', plan] },
        version: 1,
      });
    }
    n++;
  }
  return n;
}
