/**
 * The rest of a fictional child's record: care items (the same draws that give the demo care score),
 * devices that follow from them, a guardian, a diagnosis, consent decisions and the residence. Built from a
 * stream of its own, so adding detail never changes the names, births or places of the demo children.
 */
import type {
  childCareItems,
  childConsents,
  childDevices,
  childDiagnoses,
  childGuardians,
  childResidences,
} from '../db/schema';
import type { DeviceKind } from '../db/schema/registry';
import { type CareItemInput, computeCareScore } from '../shared/care-score';
import { nameKeys } from '../shared/names';
import { pickAdultGivenName } from './names';
import { addYears, type Rng } from './random';

/** Care items with base points, the extra points when 見守り高, and how often the demo assigns them. */
const CARE: [code: string, base: number, watch: number, p: number][] = [
  ['ventilator', 10, 2, 0.22],
  ['tracheostomy', 8, 2, 0.28],
  ['oxygen', 8, 1, 0.3],
  ['suction', 8, 1, 0.5],
  ['nebulizer', 3, 0, 0.2],
  ['tube_feeding_gastric', 8, 2, 0.5],
  ['feeding_pump', 3, 1, 0.1],
  ['central_venous_catheter', 8, 2, 0.04],
  ['subcutaneous_injection', 5, 1, 0.04],
  ['blood_glucose', 3, 1, 0.04],
  ['dialysis', 8, 2, 0.01],
  ['catheterization_intermittent', 5, 0, 0.07],
  ['bowel_stoma', 5, 1, 0.03],
  ['seizure_management', 3, 2, 0.3],
];

/**
 * Care items drawn independently (at least one), each judged 見守り高 half the time where the item has a
 * watch score; the tracheostomy's watch is not drawn next to a ventilator (it would not count).
 */
export function demoCareItems(rng: Rng): CareItemInput[] {
  const has = new Set<string>();
  for (const [code, , , p] of CARE) if (rng.chance(p)) has.add(code);
  if (has.size === 0) has.add(rng.pick(['suction', 'tube_feeding_gastric', 'oxygen', 'seizure_management']));
  const items: CareItemInput[] = [];
  for (const [code, , watch] of CARE) {
    if (!has.has(code)) continue;
    const noWatch = code === 'tracheostomy' && has.has('ventilator');
    const high = !noWatch && watch > 0 && rng.chance(0.5);
    items.push({ code, watch: high ? 'high' : 'low' });
  }
  return items;
}

/** Devices that go with care items: [device, needs mains power, battery hours range or null]. */
const DEVICES_FOR: Record<string, [DeviceKind, boolean, [number, number] | null][]> = {
  ventilator: [
    ['ventilator', true, [2, 8]],
    ['pulse_oximeter', false, [12, 24]],
  ],
  oxygen: [
    ['oxygen_concentrator', true, null],
    ['oxygen_cylinder', false, null],
  ],
  suction: [['suction_unit', true, [0.5, 2]]],
  feeding_pump: [['feeding_pump', true, [8, 24]]],
  nebulizer: [['nebulizer', true, null]],
  central_venous_catheter: [['infusion_pump', true, [4, 12]]],
};

const DIAGNOSES: [name: string, icd10: string][] = [
  ['脳性麻痺', 'G80.9'],
  ['低酸素性虚血性脳症', 'P91.6'],
  ['脊髄性筋萎縮症', 'G12.0'],
  ['18トリソミー', 'Q91.3'],
  ['先天性心疾患', 'Q24.9'],
  ['新生児慢性肺疾患', 'P27.1'],
  ['デュシェンヌ型筋ジストロフィー', 'G71.0'],
  ['超低出生体重児', 'P07.0'],
  ['水頭症', 'G91.9'],
  ['難治性てんかん', 'G40.9'],
  ['短腸症候群', 'K91.2'],
];

export type DemoChildDetail = {
  careItems: (typeof childCareItems.$inferInsert)[];
  devices: (typeof childDevices.$inferInsert)[];
  guardians: (typeof childGuardians.$inferInsert)[];
  diagnoses: (typeof childDiagnoses.$inferInsert)[];
  consents: (typeof childConsents.$inferInsert)[];
  residences: (typeof childResidences.$inferInsert)[];
};

type ChildFacts = {
  id: string;
  familyName: string;
  familyKana: string;
  givenName: string;
  givenKana: string;
  birthDate: string;
  municipalityCode: string;
  status?: string | undefined;
};

const oneDecimal = (rng: Rng, [lo, hi]: [number, number]) =>
  Math.round((lo + rng.next() * (hi - lo)) * 10) / 10;
const notBefore = (iso: string, floor: string) => (iso < floor ? floor : iso);

/** Score, tier and match keys for the child row, from its care items and names. */
export function demoChildColumns(child: ChildFacts, items: CareItemInput[]) {
  const score = computeCareScore(items);
  return { careScore: score.total, careTier: score.tier, ...nameKeys(child) };
}

/**
 * The rows that complete one child's record. About 90 % of guardians agreed to sharing with the
 * municipality; the rest refused or have not decided, so municipal staff see most but not all children.
 */
export function buildChildDetail(
  rng: Rng,
  child: ChildFacts,
  items: CareItemInput[],
  asOf: string,
): DemoChildDetail & { statusSince: string | null } {
  const childId = child.id;
  const since = notBefore(addYears(asOf, -1), child.birthDate);
  const careItems = items.map((i) => ({
    childId,
    code: i.code,
    watch: i.watch ?? ('low' as const),
    judgedOn: rng.dateBetween(since, asOf),
    judgedBy: '主治医（デモ）',
  }));
  const devices = items.flatMap((i) =>
    (DEVICES_FOR[i.code] ?? [])
      .filter((_, n) => n === 0 || rng.chance(0.5))
      .map(([kind, needsMains, hours]) => ({
        childId,
        kind,
        needsMains,
        batteryHours: hours ? oneDecimal(rng, hours) : null,
      })),
  );
  const mother = rng.chance(0.8);
  const parent = pickAdultGivenName(rng, mother ? 'female' : 'male');
  const guardians = [
    {
      childId,
      familyName: child.familyName,
      givenName: parent.kanji,
      familyKana: child.familyKana,
      givenKana: parent.kana,
      relationship: mother ? '母' : '父',
      phone: `000-0000-${String(rng.int(0, 9999)).padStart(4, '0')}`,
      isPrimary: true,
    },
  ];
  const [name, icd10] = rng.pick(DIAGNOSES);
  const diagnoses = [{ childId, name, icd10 }];

  const decidedOn = rng.dateBetween(notBefore(addYears(asOf, -3), child.birthDate), asOf);
  const method = rng.weighted<'paper' | 'online_form' | 'verbal'>([
    ['paper', 7],
    ['online_form', 2],
    ['verbal', 1],
  ]);
  const decision = (
    purpose: 'share_municipality' | 'disaster_planning' | 'statistics',
    granted: boolean,
  ) => ({
    childId,
    purpose,
    granted,
    decidedOn,
    method,
  });
  const consents = [];
  const share = rng.next();
  if (share < 0.9) consents.push(decision('share_municipality', true));
  else if (share < 0.95) consents.push(decision('share_municipality', false));
  if (rng.chance(0.7)) consents.push(decision('disaster_planning', true));
  if (rng.chance(0.95)) consents.push(decision('statistics', true));

  const fromDate = rng.dateBetween(child.birthDate, asOf);
  const toDate = child.status === 'moved_out' ? rng.dateBetween(fromDate, asOf) : null;
  const residences = [{ childId, municipalityCode: child.municipalityCode, fromDate, toDate }];
  return { careItems, devices, guardians, diagnoses, consents, residences, statusSince: toDate };
}
