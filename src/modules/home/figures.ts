import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { centres, children, municipalities, organisations, prefectures, regions, users } from '../../db/schema';
import type { Actor } from '../access/actor';
import { childScope } from '../registry/scope';

export const LIFE_STAGES = ['infant', 'preschool', 'elementary', 'junior_high', 'high_school', 'adult'] as const;
export type LifeStage = (typeof LIFE_STAGES)[number];

/** 年度 (April–March) containing an ISO date. */
export function nendoOfDate(iso: string): number {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return m >= 4 ? y : y - 1;
}

/**
 * Life stage from the 学齢 cohort: children born 2 April of year C to 1 April of C+1 form cohort C and
 * enter elementary school in April of C+7. grade = nendo − (C + 7) + 1.
 */
export function lifeStageOfCohort(cohort: number, nendo: number): LifeStage {
  const grade = nendo - (cohort + 7) + 1;
  if (grade <= -3) return 'infant';
  if (grade <= 0) return 'preschool';
  if (grade <= 6) return 'elementary';
  if (grade <= 9) return 'junior_high';
  if (grade <= 12) return 'high_school';
  return 'adult';
}

/** SQL for a child's 学齢 cohort: the 年度 of (birth date − 1 day). */
const cohortSql = sql<number>`extract(year from (${children.birthDate} - interval '1 day' - interval '3 months'))::int`;

/** Figures for the home page, computed over exactly the children the actor may see. */
export async function homeFigures(db: DbOrTx, actor: Actor, today: string) {
  const nendo = nendoOfDate(today);
  const nendoStart = `${nendo}-04-01`;
  const nendoEnd = `${nendo + 1}-03-31`;
  const scope = childScope(actor);
  const hasPersonalData = actor.scope.kind !== 'none' && actor.prefectureCode !== null;

  let childFigures = null;
  if (hasPersonalData) {
    const [byStatus, byCohort, byMunicipality, [extra]] = await Promise.all([
      db.select({ status: children.status, count: sql<number>`count(*)::int` }).from(children).where(scope).groupBy(children.status),
      db.select({ cohort: cohortSql, count: sql<number>`count(*)::int` }).from(children).where(and(scope, inArray(children.status, ['at_home', 'in_hospital']))).groupBy(cohortSql),
      db
        .select({ code: children.municipalityCode, name: municipalities.name, count: sql<number>`count(*)::int` })
        .from(children)
        .innerJoin(municipalities, eq(municipalities.code, children.municipalityCode))
        .where(scope)
        .groupBy(children.municipalityCode, municipalities.name)
        .orderBy(sql`count(*) desc`, children.municipalityCode),
      db
        .select({
          newThisNendo: sql<number>`count(*) filter (where ${children.createdAt} >= ${nendoStart}::date)::int`,
          turning18: sql<number>`count(*) filter (where ${children.birthDate} between (${nendoStart}::date - interval '18 years') and (${nendoEnd}::date - interval '18 years'))::int`,
          enteringSchool: sql<number>`count(*) filter (where ${cohortSql} = ${nendo - 6})::int`,
        })
        .from(children)
        .where(and(scope, inArray(children.status, ['at_home', 'in_hospital']))),
    ]);
    const stageCounts = new Map<LifeStage, number>(LIFE_STAGES.map((s) => [s, 0]));
    for (const row of byCohort) {
      const stage = lifeStageOfCohort(row.cohort, nendo);
      stageCounts.set(stage, (stageCounts.get(stage) ?? 0) + row.count);
    }
    childFigures = {
      total: byStatus.reduce((s, r) => s + r.count, 0),
      byStatus,
      byLifeStage: LIFE_STAGES.map((stage) => ({ stage, count: stageCounts.get(stage) ?? 0 })),
      byMunicipality,
      newThisNendo: extra?.newThisNendo ?? 0,
      turning18ThisNendo: extra?.turning18 ?? 0,
      enteringSchoolNextNendo: extra?.enteringSchool ?? 0,
    };
  }

  const network = await networkFigures(db, actor);
  return { nendo, scope: await scopeLabel(db, actor), children: childFigures, network };
}

async function networkFigures(db: DbOrTx, actor: Actor) {
  const count = sql<number>`count(*)::int`;
  if (!actor.prefectureCode) {
    const [[p], [u]] = await Promise.all([
      db.select({ n: count }).from(prefectures),
      db.select({ n: count }).from(users),
    ]);
    return { regions: 0, municipalities: 0, centres: 0, organisations: 0, users: u?.n ?? 0, prefectures: p?.n ?? 0 };
  }
  const pc = actor.prefectureCode;
  const [[r], [m], [c], [o], [u]] = await Promise.all([
    db.select({ n: count }).from(regions).where(eq(regions.prefectureCode, pc)),
    db.select({ n: count }).from(municipalities).where(eq(municipalities.prefectureCode, pc)),
    db.select({ n: count }).from(centres).where(eq(centres.prefectureCode, pc)),
    db.select({ n: count }).from(organisations).where(eq(organisations.prefectureCode, pc)),
    db.select({ n: count }).from(users).where(and(eq(users.prefectureCode, pc), isNull(users.disabledAt))),
  ]);
  return {
    regions: r?.n ?? 0,
    municipalities: m?.n ?? 0,
    centres: c?.n ?? 0,
    organisations: o?.n ?? 0,
    users: u?.n ?? 0,
    prefectures: 1,
  };
}

async function scopeLabel(db: DbOrTx, actor: Actor) {
  const label = {
    kind: actor.scope.kind,
    prefectureName: null as string | null,
    regionNames: [] as string[],
    municipalityName: null as string | null,
    organisationName: null as string | null,
  };
  if (actor.prefectureCode) {
    const [p] = await db.select({ name: prefectures.name }).from(prefectures).where(eq(prefectures.code, actor.prefectureCode));
    label.prefectureName = p?.name ?? null;
  }
  const s = actor.scope;
  if (s.kind === 'regions' && s.regionIds.length) {
    const rows = await db.select({ name: regions.name }).from(regions).where(inArray(regions.id, s.regionIds)).orderBy(regions.sortOrder, regions.name);
    label.regionNames = rows.map((r) => r.name);
  } else if (s.kind === 'municipality') {
    const [m] = await db.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.code, s.municipalityCode));
    label.municipalityName = m?.name ?? null;
  } else if (s.kind === 'organisation') {
    const [o] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, s.organisationId));
    label.organisationName = o?.name ?? null;
  }
  return label;
}

