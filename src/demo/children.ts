/**
 * Builds (without touching the database) the fictional children of one prefecture and where they are
 * served: ages 0–19 at the reference date, more of them in cities, some twins and kanji variants for
 * record-linkage work, and affiliations that follow the child's age (児童発達支援 → school → 放課後等デイ).
 */
import { randomUUID } from 'node:crypto';
import type { childAffiliations, children } from '../db/schema';
import type { ChildStatus } from '../db/schema/registry';
import { computeCareScore } from '../shared/care-score';
import { buildChildDetail, type DemoChildDetail, demoCareItems, demoChildColumns } from './child-details';
import { type FamilyName, type GivenName, pickChildGivenName, pickFamilyName } from './names';
import type { RegionServices, ServiceKind } from './organisations';
import { addYears, daysToIso, isoToDays, type Rng } from './random';

export type ChildRow = typeof children.$inferInsert & { id: string };
export type AffiliationRow = typeof childAffiliations.$inferInsert;

/** A municipality a child may live in, with its placement weight and the index of its region. */
export type Residence = { code: string; weight: number; regionIndex: number };

/**
 * A plausible 医療的ケア判定スコア, computed with the real rules (src/shared/care-score.ts) from the care
 * items the demo draws for a child.
 */
export function demoCareScore(rng: Rng): number {
  return computeCareScore(demoCareItems(rng)).total;
}

/** The first day of school (学齢): children born 2 April – 1 April of the next year start together. */
export function schoolEntry(birthDate: string): string {
  const year = Number(birthDate.slice(0, 4)) + (birthDate.slice(5) >= '04-02' ? 7 : 6);
  return `${year}-04-01`;
}

const AGE_BANDS: [[number, number], number][] = [
  [[0, 2], 18],
  [[3, 5], 18],
  [[6, 11], 30],
  [[12, 14], 14],
  [[15, 17], 12],
  [[18, 19], 8],
];

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
const dayBefore = (iso: string) => daysToIso(isoToDays(iso) - 1);

type Options = {
  prefectureCode: string;
  count: number;
  /** Reference date (ISO) for ages and affiliation dates. */
  asOf: string;
  residences: Residence[];
  services: RegionServices[];
};

/** Builds `count` children (twins count as two), their affiliations and the rest of their records. */
export function buildChildren(
  rng: Rng,
  opts: Options,
): { children: ChildRow[]; affiliations: AffiliationRow[] } & DemoChildDetail {
  const out: ChildRow[] = [];
  const affiliations: AffiliationRow[] = [];
  const detail: DemoChildDetail = {
    careItems: [],
    devices: [],
    guardians: [],
    diagnoses: [],
    consents: [],
    residences: [],
  };
  // The record's detail comes from a stream of its own: the children themselves stay as they were.
  const detailRng = rng.fork('detail');
  const placement = opts.residences.map((r) => [r, r.weight] as const);
  const allHospitals = opts.services.flatMap((s) => s.hospital);

  const affiliate = (child: ChildRow, residence: Residence, status: ChildStatus) => {
    const region = opts.services[residence.regionIndex]!;
    const birth = child.birthDate;
    const entry = schoolEntry(birth);
    const graduation = addYears(entry, 12);
    const movedOn =
      status === 'moved_out' ? rng.dateBetween(maxDate(birth, addYears(opts.asOf, -2)), opts.asOf) : null;
    const add = (kind: ServiceKind, from: string, to: string | null, pool = region[kind]) => {
      if (pool.length === 0) return;
      const last = minDate(to ?? opts.asOf, opts.asOf);
      const start = rng.dateBetween(minDate(from, last), last);
      const end = to !== null && to < opts.asOf ? to : movedOn;
      affiliations.push({
        childId: child.id,
        organisationId: rng.pick(pool),
        kind: AFFILIATION_KIND[kind],
        startedOn: start,
        endedOn: end !== null && end < start ? start : end,
      });
    };
    const firstBirthday = addYears(birth, 1);
    if (rng.chance(status === 'in_hospital' ? 1 : 0.6)) {
      // Most children are followed by a hospital of their region; some by a large hospital elsewhere.
      add('hospital', birth, null, rng.chance(0.25) ? allHospitals : region.hospital);
    }
    if (status !== 'adult_services' && rng.chance(0.45)) add('home_nursing', birth, null);
    if (rng.chance(0.15)) add('short_stay', firstBirthday, null);
    if (opts.asOf < entry) {
      if (opts.asOf >= firstBirthday && rng.chance(0.55)) add('child_development', firstBirthday, null);
      if (opts.asOf >= firstBirthday && rng.chance(0.15)) add('nursery', firstBirthday, null);
      return;
    }
    if (rng.chance(0.3)) add('child_development', addYears(entry, -4), dayBefore(entry));
    if (opts.asOf < graduation) {
      if (rng.chance(0.85)) add('school', entry, null);
      if (rng.chance(0.5)) add('after_school', entry, null);
    } else if (rng.chance(0.8)) {
      add('school', entry, dayBefore(graduation));
    }
  };

  const makeChild = (
    family: FamilyName,
    given: GivenName,
    birthDate: string,
    residence: Residence,
    status: ChildStatus,
  ): ChildRow => {
    const child: ChildRow = {
      id: randomUUID(),
      prefectureCode: opts.prefectureCode,
      municipalityCode: residence.code,
      familyName: family.kanji,
      givenName: given.kanji,
      familyKana: family.kana,
      givenKana: given.kana,
      birthDate,
      sex: given.sex,
      status,
    };
    const items = demoCareItems(rng);
    Object.assign(child, demoChildColumns(child, items));
    const { statusSince, ...rows } = buildChildDetail(detailRng, child, items, opts.asOf);
    if (statusSince) child.statusSince = statusSince;
    for (const key of Object.keys(detail) as (keyof DemoChildDetail)[]) {
      (detail[key] as unknown[]).push(...rows[key]);
    }
    out.push(child);
    affiliate(child, residence, status);
    return child;
  };

  while (out.length < opts.count) {
    const [lo, hi] = rng.weighted(AGE_BANDS);
    const age = rng.int(lo, hi);
    // Born between (asOf − age − 1 year, asOf − age]: exactly `age` years old on the reference date.
    const birthDate = rng.dateBetween(
      daysToIso(isoToDays(addYears(opts.asOf, -age - 1)) + 1),
      addYears(opts.asOf, -age),
    );
    const residence = rng.weighted(placement);
    const status = pickStatus(rng, age);
    const family = pickFamilyName(rng);
    const sex = rng.chance(0.52) ? 'male' : 'female';
    const first = pickChildGivenName(rng, sex);
    makeChild(family, first, birthDate, residence, status);
    // About 2 % of births here are twins: same family, birth date and address, different given names.
    if (out.length < opts.count && rng.chance(0.02)) {
      const twinSex = rng.chance(0.5) ? sex : sex === 'male' ? 'female' : 'male';
      makeChild(family, pickChildGivenName(rng, twinSex, first), birthDate, residence, status);
    }
  }
  return { children: out, affiliations, ...detail };
}

const AFFILIATION_KIND: Record<ServiceKind, AffiliationRow['kind']> = {
  hospital: 'hospital',
  home_nursing: 'home_nursing',
  child_development: 'day_service',
  after_school: 'day_service',
  short_stay: 'short_stay',
  school: 'school',
  nursery: 'nursery',
};

function pickStatus(rng: Rng, age: number): ChildStatus {
  if (age >= 18 && rng.chance(0.6)) return 'adult_services';
  return rng.weighted<ChildStatus>([
    ['at_home', 90],
    ['in_hospital', age === 0 ? 15 : 4],
    ['moved_out', 3],
  ]);
}
