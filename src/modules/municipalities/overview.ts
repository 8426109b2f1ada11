/**
 * The prefecture view (取組格差): every municipality of the reader's area with its maturity in a 年度 and the
 * one before, and how many municipalities are at each status of each item ("27 of 33 placed, 6 considering").
 * Three statements whatever the number of municipalities: the municipalities with their regions, and one per
 * 年度 over the history (maturity.ts).
 */
import { eq, max } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { municipalPageHistory } from '../../db/schema';
import type { Nendo } from '../../shared/nendo';
import {
  MATURITY_BANDS,
  MATURITY_ITEMS,
  MATURITY_STATUSES,
  type MaturityItem,
} from '../../shared/vocab/municipalities';
import { type MaturityYear, maturityByNendo, maturityYear } from './maturity';
import type { MunicipalPolicy } from './policy';
import { municipalitiesInScope } from './scope';

export async function municipalOverview(db: DbOrTx, policy: MunicipalPolicy, nendo: Nendo) {
  const nendos = [nendo - 1, nendo];
  const [rows, byNendo] = await Promise.all([
    municipalitiesInScope(db, policy),
    maturityByNendo(db, policy, nendos),
  ]);
  const out = rows.map((m) => ({
    code: m.code,
    name: m.name,
    kana: m.kana,
    kind: m.kind,
    regionId: m.regionId,
    regionName: m.regionName,
    regionNameEn: m.regionNameEn,
    years: nendos.map((n) => maturityYear(n, byNendo.get(n)?.get(m.code))),
  }));
  return {
    nendo,
    nendos,
    canEdit: policy.edit,
    rows: out,
    totals: nendos.map((n, i) =>
      maturityTotals(
        n,
        out.map((r) => r.years[i]!),
      ),
    ),
  };
}

/**
 * The id of the prefecture's newest maturity or contact history entry (null before the first): entries are only
 * ever added, so a kept prefecture view is current while this stays the same (figures-cache.ts).
 */
export async function newestHistoryId(db: DbOrTx, prefectureCode: string | null): Promise<number | null> {
  const [row] = await db
    .select({ id: max(municipalPageHistory.id) })
    .from(municipalPageHistory)
    .where(eq(municipalPageHistory.prefectureCode, prefectureCode ?? ''));
  return row?.id ?? null;
}

/** How many municipalities are at each status of each item, and in each band, in one 年度 (pure). */
export function maturityTotals(nendo: Nendo, years: readonly MaturityYear[]) {
  const byItem = MATURITY_ITEMS.map((item: MaturityItem) => {
    const counts: Record<string, number> = { unrecorded: 0 };
    for (const s of MATURITY_STATUSES[item]) counts[s] = 0;
    for (const y of years) {
      const s = y.items[item];
      counts[s ?? 'unrecorded'] = (counts[s ?? 'unrecorded'] ?? 0) + 1;
    }
    return { item, counts };
  });
  const byBand: Record<string, number> = Object.fromEntries(MATURITY_BANDS.map((b) => [b, 0]));
  for (const y of years) byBand[y.band] = (byBand[y.band] ?? 0) + 1;
  return { nendo, byItem, byBand };
}
