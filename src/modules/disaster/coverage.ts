/**
 * Coverage (docs/disaster.md §3): per municipality and region of the reader's area, the electricity-dependent
 * children, how many have an agreed plan (agreed or reviewed), how many are on the 名簿, how many guardians consented
 * to disaster planning, and the last review date. Counts only — every child of the area counts, consent or not
 * (the emPOWER model: aggregates for planning, names only where consent or an emergency allows).
 */
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { childDisasterProfiles, children, regionMunicipalities, regions } from '../../db/schema';
import { findMunicipality } from '../../shared/municipalities';
import { AGREED_PLAN_STATUSES } from '../../shared/vocab/disaster';
import type { Actor } from '../access/actor';
import { municipalPolicy } from '../municipalities/policy';
import { disasterAreaScope, disasterConsentGranted, electricityDependentSql } from './scope';

export type CoverageCounts = {
  electricityDependent: number;
  agreedPlan: number;
  onMeibo: number;
  consented: number;
  lastReviewedOn: string | null;
};

export type CoverageRow = CoverageCounts & {
  code: string;
  name: string;
  regionId: string | null;
  regionName: string | null;
};

const agreed = sql.join(
  AGREED_PLAN_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/**
 * The disaster counts of the actor's area by municipality (only municipalities with an electricity-dependent
 * child), or of one municipality with `municipalityCode` (zeros when it has none or lies outside the area — the
 * caller has checked the area). Roles without a municipal area get no rows.
 */
export async function disasterCounts(
  db: DbOrTx,
  actor: Pick<Actor, 'role' | 'scope' | 'prefectureCode'>,
  opts: { municipalityCode?: string } = {},
): Promise<CoverageRow[]> {
  const policy = municipalPolicy(actor);
  if (!policy.prefectureCode || policy.area.kind === 'none') return [];
  const where: SQL[] = [disasterAreaScope(policy), electricityDependentSql()];
  if (opts.municipalityCode) where.push(eq(children.municipalityCode, opts.municipalityCode));
  const rows = await db
    .select({
      code: children.municipalityCode,
      regionId: regions.id,
      regionName: regions.name,
      electricityDependent: sql<number>`count(*)::int`,
      agreedPlan: sql<number>`count(*) filter (where ${childDisasterProfiles.planStatus} in (${agreed}))::int`,
      onMeibo: sql<number>`count(*) filter (where ${childDisasterProfiles.onMeibo})::int`,
      consented: sql<number>`count(*) filter (where ${disasterConsentGranted()})::int`,
      lastReviewedOn: sql<string | null>`max(${childDisasterProfiles.planReviewedOn})::text`,
    })
    .from(children)
    .leftJoin(childDisasterProfiles, eq(childDisasterProfiles.childId, children.id))
    .leftJoin(
      regionMunicipalities,
      and(
        eq(regionMunicipalities.municipalityCode, children.municipalityCode),
        isNull(regionMunicipalities.validTo),
      ),
    )
    .leftJoin(regions, eq(regions.id, regionMunicipalities.regionId))
    .where(and(...where))
    .groupBy(children.municipalityCode, regions.id, regions.name);
  return rows
    .map((r) => ({ ...r, name: findMunicipality(r.code)?.name ?? r.code }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** The counts of one municipality (zeros when it has no electricity-dependent child in the area). */
export async function municipalityDisasterCounts(
  db: DbOrTx,
  actor: Pick<Actor, 'role' | 'scope' | 'prefectureCode'>,
  municipalityCode: string,
): Promise<CoverageCounts> {
  const [row] = await disasterCounts(db, actor, { municipalityCode });
  return {
    electricityDependent: row?.electricityDependent ?? 0,
    agreedPlan: row?.agreedPlan ?? 0,
    onMeibo: row?.onMeibo ?? 0,
    consented: row?.consented ?? 0,
    lastReviewedOn: row?.lastReviewedOn ?? null,
  };
}

/** Sums rows (a region's or the area's total); the last review is the newest. */
export function sumCoverage(rows: CoverageCounts[]): CoverageCounts {
  return rows.reduce<CoverageCounts>(
    (t, r) => ({
      electricityDependent: t.electricityDependent + r.electricityDependent,
      agreedPlan: t.agreedPlan + r.agreedPlan,
      onMeibo: t.onMeibo + r.onMeibo,
      consented: t.consented + r.consented,
      lastReviewedOn:
        !t.lastReviewedOn || (r.lastReviewedOn && r.lastReviewedOn > t.lastReviewedOn)
          ? (r.lastReviewedOn ?? t.lastReviewedOn)
          : t.lastReviewedOn,
    }),
    { electricityDependent: 0, agreedPlan: 0, onMeibo: 0, consented: 0, lastReviewedOn: null },
  );
}

/** The coverage page: the municipalities' rows, each region's total and the area's total. */
export async function coverage(db: DbOrTx, actor: Actor) {
  const rows = await disasterCounts(db, actor);
  const byRegion = new Map<
    string,
    { regionId: string | null; regionName: string | null; rows: CoverageRow[] }
  >();
  for (const r of rows) {
    const key = r.regionId ?? '';
    const g = byRegion.get(key) ?? { regionId: r.regionId, regionName: r.regionName, rows: [] };
    g.rows.push(r);
    byRegion.set(key, g);
  }
  return {
    municipalities: rows,
    regions: [...byRegion.values()]
      .map((g) => ({ regionId: g.regionId, regionName: g.regionName, ...sumCoverage(g.rows) }))
      .sort((a, b) => (a.regionName ?? '').localeCompare(b.regionName ?? '', 'ja')),
    total: sumCoverage(rows),
  };
}
