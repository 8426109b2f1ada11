/**
 * Census sources' own figures for a 年度 (census_reported_counts, migration 0053): how many children a municipality
 * reports, applied from its answer to a municipal survey (surveys/census-counts.ts). The results by municipality
 * show each municipality's figure beside the children the run counts there; the gap is ME-3's feedback. A
 * municipality's figure is the sum of its sources' (usually one).
 */
import type { z } from '@hono/zod-openapi';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { censusReportedCounts, censusRuns, censusSources } from '../../db/schema';
import { findMunicipality } from '../../shared/municipalities';
import type { Actor } from '../access/actor';
import { aggregate, lastPublishedRun, loadClusters } from './results';
import type { RunRow } from './runs';
import type { ZReportedCount } from './schemas';

type ReportedCount = z.infer<typeof ZReportedCount>;

export type ReportedRow = {
  sourceId: string;
  sourceName: string;
  municipalityCode: string | null;
  count: number;
  version: number;
  surveyId: string | null;
  answerId: string | null;
  appliedAt: Date;
};

/** The sources' figures of the prefecture for the 年度 (of these sources only, when given). */
export async function reportedCounts(
  db: DbOrTx,
  prefectureCode: string,
  nendo: number,
  sourceIds?: readonly string[],
): Promise<ReportedRow[]> {
  if (sourceIds && sourceIds.length === 0) return [];
  return db
    .select({
      sourceId: censusReportedCounts.sourceId,
      sourceName: censusSources.name,
      municipalityCode: censusSources.municipalityCode,
      count: censusReportedCounts.count,
      version: censusReportedCounts.version,
      surveyId: censusReportedCounts.surveyId,
      answerId: censusReportedCounts.answerId,
      appliedAt: censusReportedCounts.appliedAt,
    })
    .from(censusReportedCounts)
    .innerJoin(censusSources, eq(censusSources.id, censusReportedCounts.sourceId))
    .where(
      and(
        eq(censusReportedCounts.prefectureCode, prefectureCode),
        eq(censusSources.prefectureCode, prefectureCode),
        eq(censusReportedCounts.nendo, nendo),
        sourceIds ? inArray(censusReportedCounts.sourceId, [...sourceIds]) : undefined,
      ),
    )
    .orderBy(censusSources.municipalityCode, censusSources.name);
}

/**
 * Each municipality with a figure, beside the children counted there (0 when none): ordered by municipality
 * code. Figures of sources without a municipality are left out (they speak for no one municipality). Pure.
 */
export function besideLinked(
  byMunicipality: readonly { key: string; count: number }[],
  rows: readonly ReportedRow[],
): ReportedCount[] {
  const linked = new Map(byMunicipality.map((m) => [m.key, m.count]));
  const by = new Map<string, ReportedCount>();
  for (const r of rows) {
    if (!r.municipalityCode) continue;
    const name = findMunicipality(r.municipalityCode)?.name ?? r.municipalityCode;
    const n = linked.get(r.municipalityCode) ?? 0;
    const m = by.get(r.municipalityCode) ?? {
      municipalityCode: r.municipalityCode,
      label: name,
      labelEn: name,
      linked: n,
      reported: 0,
      gap: n,
      sources: [],
    };
    m.reported += r.count;
    m.gap = m.linked - m.reported;
    m.sources.push({
      id: r.sourceId,
      name: r.sourceName,
      count: r.count,
      surveyId: r.surveyId,
      appliedAt: r.appliedAt.toISOString(),
    });
    by.set(r.municipalityCode, m);
  }
  return [...by.values()].sort((a, b) => a.municipalityCode.localeCompare(b.municipalityCode));
}

/** The run whose counts stand for the 年度: its last published run, else its newest linked one. */
export async function countingRun(db: DbOrTx, prefectureCode: string, nendo: number): Promise<RunRow | null> {
  const published = await lastPublishedRun(db, prefectureCode, nendo);
  if (published) return published;
  const [linked] = await db
    .select()
    .from(censusRuns)
    .where(
      and(
        eq(censusRuns.prefectureCode, prefectureCode),
        eq(censusRuns.nendo, nendo),
        eq(censusRuns.status, 'linked'),
      ),
    )
    .orderBy(desc(censusRuns.createdAt), desc(censusRuns.id))
    .limit(1);
  return linked ?? null;
}

/** The children a run counts per municipality code. */
export async function linkedByMunicipality(
  db: DbOrTx,
  actor: Actor,
  run: RunRow,
): Promise<Map<string, number>> {
  const counts = aggregate(await loadClusters(db, actor, run.id), run.nendo, new Map());
  return new Map(counts.byMunicipality.map((m) => [m.key, m.count]));
}
