/**
 * Results of a run (per 年度): one child per cluster, counted by municipality, region, age band, care item,
 * school type and the combination of sources that found it, and the change from the previous 年度's published
 * run. The aggregation is pure (tested in results.test.ts); `runResults` loads what it needs.
 *
 * Choices:
 * - A cluster's municipality is the registry child's (the registry is kept up to date by the centre); without
 *   one, the most frequent municipality of its records, ties going to the most recently imported list. Its
 *   birth date likewise.
 * - A cluster made only of registry children who died, moved out of the prefecture or moved to adult services
 *   is not counted as a child of the 年度: those records take part only to explain list records. The breakdown
 *   (breakdown.ts) says how many, by reason, between the records and the children counted.
 * - 訪問教育 and 夜間ケア (ME-3): a child counts when any of its records says so.
 * - Change from last year: a cluster of this run and one of the previous published run are the same child when
 *   they share a registry child, or a member with the same person key — kanji and kana name keys, birth date
 *   and sex (pair-key.ts identity without the municipality, so a move is still found). Matched clusters are
 *   continuing, or moved when the cluster's municipality changed; this year's unmatched are new; last year's
 *   unmatched are deceased or moved (out of the prefecture) by the registry's current status, aged out when 18
 *   or over on 1 April, and otherwise not found.
 */

import type { z } from '@hono/zod-openapi';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { censusRuns, regionMunicipalities, regions } from '../../db/schema';
import type { ChildStatus } from '../../db/schema/registry';
import { ageOn } from '../../shared/age';
import { CARE_ITEMS } from '../../shared/care-score';
import { compareIsoDates } from '../../shared/dates';
import { findMunicipality } from '../../shared/municipalities';
import { SOURCE_TYPE_LABELS } from '../../shared/vocab/census';
import { labelOf } from '../../shared/vocab/label';
import type { Actor } from '../access/actor';
import { countBreakdown } from './breakdown';
import { recordIdentity } from './pair-key';
import { loadMembers, type RunMember } from './review';
import type { RunRow } from './runs';
import type { ZRunResults } from './schemas';

type Count = { key: string; label: string; labelEn: string; count: number };
type Results = z.infer<typeof ZRunResults>;

/** What the aggregation reads of a member. */
export type MemberFacts = Pick<
  RunMember,
  | 'kind'
  | 'sourceType'
  | 'sourceName'
  | 'municipalityCode'
  | 'birthDate'
  | 'careItems'
  | 'school'
  | 'grade'
  | 'childId'
  | 'childStatus'
  | 'childStatusSince'
  | 'importedAt'
  | 'name'
  | 'kana'
  | 'sex'
  | 'homeVisitEducation'
  | 'nightCare'
>;
export type Cluster<M extends MemberFacts = MemberFacts> = { cluster: number; members: M[] };

/** Members grouped by cluster, in cluster order. */
export function groupClusters<M extends MemberFacts & { cluster: number }>(
  members: Iterable<M>,
): Cluster<M>[] {
  const by = new Map<number, M[]>();
  for (const m of members) by.set(m.cluster, [...(by.get(m.cluster) ?? []), m]);
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([cluster, ms]) => ({ cluster, members: ms }));
}

const INACTIVE: readonly ChildStatus[] = ['deceased', 'moved_out', 'adult_services'];

/**
 * False for a cluster of registry children only, none of them still a child living in the prefecture. With
 * `asOf` (the first day of an earlier 年度), a child whose status changed on or after that day still counts:
 * it was active then.
 */
export function isCounted(c: Cluster, asOf?: string): boolean {
  return c.members.some(
    (m) =>
      m.kind === 'record' ||
      !m.childStatus ||
      !INACTIVE.includes(m.childStatus) ||
      (!!asOf && !!m.childStatusSince && compareIsoDates(m.childStatusSince, asOf) >= 0),
  );
}

/** The registry's value, else the most frequent among records (ties: the most recently imported). */
function pick(members: readonly MemberFacts[], value: (m: MemberFacts) => string | null): string | null {
  for (const m of members) if (m.kind === 'registry' && value(m)) return value(m);
  const tally = new Map<string, { n: number; at: number }>();
  for (const m of members) {
    const v = value(m);
    if (!v) continue;
    const t = tally.get(v) ?? { n: 0, at: 0 };
    tally.set(v, { n: t.n + 1, at: Math.max(t.at, m.importedAt?.getTime() ?? 0) });
  }
  let best: string | null = null;
  let top = { n: 0, at: -1 };
  for (const [v, t] of tally) {
    if (t.n > top.n || (t.n === top.n && t.at > top.at)) [best, top] = [v, t];
  }
  return best;
}

export const clusterMunicipality = (c: Cluster) => pick(c.members, (m) => m.municipalityCode);
export const clusterBirthDate = (c: Cluster) => pick(c.members, (m) => m.birthDate);

export const AGE_BANDS = [
  { key: '0-2', min: 0, label: '0〜2歳', labelEn: 'Age 0–2' },
  { key: '3-5', min: 3, label: '3〜5歳（未就学）', labelEn: 'Age 3–5 (preschool)' },
  { key: '6-11', min: 6, label: '6〜11歳', labelEn: 'Age 6–11' },
  { key: '12-14', min: 12, label: '12〜14歳', labelEn: 'Age 12–14' },
  { key: '15-17', min: 15, label: '15〜17歳', labelEn: 'Age 15–17' },
  { key: '18+', min: 18, label: '18歳以上', labelEn: '18 and over' },
] as const;

/** The age band on 1 April of the 年度; a child born after that day is in '0-2'; null without a birth date. */
export function ageBandOf(birthDate: string | null, nendo: number): string | null {
  if (!birthDate) return null;
  const april = `${nendo}-04-01`;
  const age = compareIsoDates(birthDate, april) > 0 ? 0 : ageOn(birthDate, april);
  return [...AGE_BANDS].reverse().find((b) => age >= b.min)!.key;
}

export const SCHOOL_TYPES = [
  { key: 'special_support', label: '特別支援学校', labelEn: 'Special needs school' },
  { key: 'elementary', label: '小学校', labelEn: 'Elementary school' },
  { key: 'junior_high', label: '中学校', labelEn: 'Junior high school' },
  { key: 'high_school', label: '高等学校', labelEn: 'High school' },
  { key: 'preschool', label: '保育所・こども園・幼稚園', labelEn: 'Nursery, kindergarten' },
  { key: 'not_enrolled', label: '未就学（在籍なし）', labelEn: 'Not enrolled' },
  { key: 'unknown', label: '不明', labelEn: 'Unknown' },
] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number]['key'];

/**
 * The school type written in a list's school name and grade: 特別支援学校 (also 支援学校, 養護学校, and the
 * 小学部/中学部/高等部 departments), 高等学校, 中学校, 小学校, 保育所/こども園/幼稚園 (and 年少/年中/年長), 未就学/なし;
 * 'unknown' when nothing is written or nothing is recognised. Pure.
 */
export function classifySchool(school: string | null, grade: string | null): SchoolType {
  const t = `${school ?? ''} ${grade ?? ''}`.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!t) return 'unknown';
  if (/支援学校|養護学校|盲学校|聾学校|ろう学校|小学部|中学部|高等部|幼稚部/.test(t))
    return 'special_support';
  if (/高等学校|高校|高等専修|^高[1-3１-３一二三](年)?$|[ ]高[1-3一二三]年?/.test(t)) return 'high_school';
  if (/中学|義務教育学校.*[7-9７-９]年|^中[1-3一二三](年)?$|[ ]中[1-3一二三]年?/.test(t))
    return 'junior_high';
  if (/小学|義務教育学校|^小[1-6一二三四五六](年)?$|[ ]小[1-6一二三四五六]年?/.test(t)) return 'elementary';
  if (/保育|こども園|子ども園|幼稚園|年少|年中|年長|乳児/.test(t)) return 'preschool';
  if (/未就学|未就園|在宅|なし|無し|^[-ー―－]$/.test(t)) return 'not_enrolled';
  return 'unknown';
}

/** A cluster's school type: the most frequent recognised one among its records (ties: the table's order). */
export function clusterSchoolType(c: Cluster): SchoolType {
  const n = new Map<SchoolType, number>();
  for (const m of c.members) {
    const t = classifySchool(m.school, m.grade);
    if (t !== 'unknown') n.set(t, (n.get(t) ?? 0) + 1);
  }
  let best: SchoolType = 'unknown';
  for (const { key } of SCHOOL_TYPES) if ((n.get(key) ?? 0) > (n.get(best) ?? 0)) best = key;
  return best;
}

/** Where each municipality belongs now (region id, name), for the counts by region. */
export type RegionOf = ReadonlyMap<string, { id: string; name: string; nameEn: string | null }>;

function tally(counts: Map<string, Count>, key: string, label: string, labelEn: string) {
  const c = counts.get(key) ?? { key, label, labelEn, count: 0 };
  c.count++;
  counts.set(key, c);
}

/** The counts of a run's clusters (the change from last year is {@link changeFromLast}). Pure. */
export function aggregate(
  clusters: readonly Cluster[],
  nendo: number,
  regionOf: RegionOf,
): Omit<Results, 'runId' | 'nendo' | 'records' | 'change' | 'breakdown'> {
  const byMunicipality = new Map<string, Count>();
  const byRegion = new Map<string, Count>();
  const byAge = new Map<string, Count>();
  const byCare = new Map<string, Count>();
  const bySchool = new Map<string, Count>();
  const bySources = new Map<string, Count>();
  let children = 0;
  let homeVisitEducation = 0;
  let nightCare = 0;
  for (const c of clusters) {
    if (!isCounted(c)) continue;
    children++;
    if (c.members.some((m) => m.homeVisitEducation === true)) homeVisitEducation++;
    if (c.members.some((m) => m.nightCare === true)) nightCare++;
    const muni = clusterMunicipality(c);
    const muniName = muni ? (findMunicipality(muni)?.name ?? muni) : null;
    tally(byMunicipality, muni ?? 'unknown', muniName ?? '不明', muniName ?? 'Unknown');
    const region = muni ? regionOf.get(muni) : undefined;
    if (region) tally(byRegion, region.id, region.name, region.nameEn ?? region.name);
    else tally(byRegion, 'none', '圏域なし・不明', 'No region / unknown');
    const band = AGE_BANDS.find((b) => b.key === ageBandOf(clusterBirthDate(c), nendo));
    tally(byAge, band?.key ?? 'unknown', band?.label ?? '不明', band?.labelEn ?? 'Unknown');
    for (const code of new Set(c.members.flatMap((m) => m.careItems))) {
      const item = CARE_ITEMS.find((i) => i.code === code);
      tally(byCare, code, item?.ja ?? code, item?.en ?? code);
    }
    const school = SCHOOL_TYPES.find((s) => s.key === clusterSchoolType(c))!;
    tally(bySchool, school.key, school.label, school.labelEn);
    const types = [...new Set(c.members.map((m) => m.sourceType))].sort();
    tally(
      bySources,
      types.join('+'),
      types.map((t) => labelOf(SOURCE_TYPE_LABELS, t, 'ja')).join('・'),
      types.map((t) => labelOf(SOURCE_TYPE_LABELS, t, 'en')).join(' + '),
    );
  }
  const order = (keys: readonly string[]) => (a: Count, b: Count) =>
    keys.indexOf(a.key) - keys.indexOf(b.key);
  const careOrder = CARE_ITEMS.map((i) => i.code);
  return {
    children,
    homeVisitEducation,
    nightCare,
    byMunicipality: [...byMunicipality.values()].sort((a, b) => a.key.localeCompare(b.key)),
    byRegion: [...byRegion.values()].sort((a, b) =>
      a.key === 'none' ? 1 : b.key === 'none' ? -1 : a.label.localeCompare(b.label, 'ja'),
    ),
    byAgeBand: [...byAge.values()].sort(order([...AGE_BANDS.map((b) => b.key), 'unknown'])),
    byCareItem: [...byCare.values()].sort((a, b) => b.count - a.count || order(careOrder)(a, b)),
    bySchoolType: [...bySchool.values()].sort(order(SCHOOL_TYPES.map((s) => s.key))),
    bySources: [...bySources.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
  };
}

/** The keys a cluster is known by across runs: its registry children and its members' person keys. */
function personKeys(c: Cluster): string[] {
  const keys: string[] = [];
  for (const m of c.members) {
    if (m.childId) keys.push(`child:${m.childId}`);
    const [kanji, kana, birth, sex] = recordIdentity(m).split('|');
    if ((kanji || kana) && birth) keys.push(`person:${kanji}|${kana}|${birth}|${sex}`);
  }
  return keys;
}

type Change = Omit<NonNullable<Results['change']>, 'previousRunId' | 'previousNendo'>;

/** The change from the previous 年度's published run (see the module comment for the matching). Pure. */
export function changeFromLast(
  current: readonly Cluster[],
  previous: readonly Cluster[],
  nendo: number,
): Change {
  const out: Change = { continuing: 0, new: 0, moved: 0, agedOut: 0, deceased: 0, notFound: 0 };
  // The registry's statuses are today's: a child who died during or after last 年度 was counted then.
  const prev = previous.filter((c) => isCounted(c, `${nendo - 1}-04-01`));
  const prevByKey = new Map<string, number[]>();
  prev.forEach((c, i) => {
    for (const k of personKeys(c)) prevByKey.set(k, [...(prevByKey.get(k) ?? []), i]);
  });
  const found = new Set<number>();
  const statusesOf = new Map<number, ChildStatus[]>();
  for (const c of current) {
    const matched = [...new Set(personKeys(c).flatMap((k) => prevByKey.get(k) ?? []))];
    const statuses = c.members.flatMap((m) => (m.childStatus ? [m.childStatus] : []));
    for (const i of matched) statusesOf.set(i, [...(statusesOf.get(i) ?? []), ...statuses]);
    if (!isCounted(c)) continue;
    if (matched.length === 0) {
      out.new++;
      continue;
    }
    for (const i of matched) found.add(i);
    const was = clusterMunicipality(prev[matched[0]!]!);
    const now = clusterMunicipality(c);
    if (was && now && was !== now) out.moved++;
    else out.continuing++;
  }
  prev.forEach((c, i) => {
    if (found.has(i)) return;
    const statuses = [
      ...c.members.flatMap((m) => (m.childStatus ? [m.childStatus] : [])),
      ...(statusesOf.get(i) ?? []),
    ];
    const birth = clusterBirthDate(c);
    if (statuses.includes('deceased')) out.deceased++;
    else if (statuses.includes('moved_out')) out.moved++;
    else if (statuses.includes('adult_services') || (birth && ageBandOf(birth, nendo) === '18+'))
      out.agedOut++;
    else out.notFound++;
  });
  return out;
}

/** The current region of each municipality of the prefecture. */
async function regionsOf(db: DbOrTx, prefectureCode: string): Promise<RegionOf> {
  const rows = await db
    .select({
      code: regionMunicipalities.municipalityCode,
      id: regions.id,
      name: regions.name,
      nameEn: regions.nameEn,
    })
    .from(regionMunicipalities)
    .innerJoin(regions, eq(regions.id, regionMunicipalities.regionId))
    .where(and(eq(regions.prefectureCode, prefectureCode), isNull(regionMunicipalities.validTo)));
  return new Map(rows.map((r) => [r.code, { id: r.id, name: r.name, nameEn: r.nameEn }]));
}

/** A run's members grouped by cluster. */
export async function loadClusters(db: DbOrTx, actor: Actor, runId: string): Promise<Cluster<RunMember>[]> {
  return groupClusters((await loadMembers(db, actor, runId)).values());
}

/** The last published run of a 年度, if any. */
export async function lastPublishedRun(
  db: DbOrTx,
  prefectureCode: string,
  nendo: number,
): Promise<RunRow | undefined> {
  const [row] = await db
    .select()
    .from(censusRuns)
    .where(
      and(
        eq(censusRuns.prefectureCode, prefectureCode),
        eq(censusRuns.nendo, nendo),
        eq(censusRuns.status, 'published'),
      ),
    )
    .orderBy(desc(censusRuns.publishedAt))
    .limit(1);
  return row;
}

/** The results of a run, with the change from the previous 年度's last published run. */
export async function runResults(db: DbOrTx, actor: Actor, run: RunRow): Promise<Results> {
  const clusters = await loadClusters(db, actor, run.id);
  const counts = aggregate(clusters, run.nendo, await regionsOf(db, run.prefectureCode));
  const previous = await lastPublishedRun(db, run.prefectureCode, run.nendo - 1);
  const change = previous
    ? {
        previousRunId: previous.id,
        previousNendo: previous.nendo,
        ...changeFromLast(clusters, await loadClusters(db, actor, previous.id), run.nendo),
      }
    : null;
  return {
    runId: run.id,
    nendo: run.nendo,
    records: clusters.reduce((s, c) => s + c.members.filter((m) => m.kind === 'record').length, 0),
    breakdown: countBreakdown(clusters.map((c) => c.members)),
    ...counts,
    change,
  };
}
