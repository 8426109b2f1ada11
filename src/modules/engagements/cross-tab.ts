/**
 * The support log's cross-tabulation (MI-3; docs/municipal-support.md §2): the held support log entries of one
 * 年度 within the actor's area, counted by any two of the analysis fields, the municipality or the region. Every
 * code of a coded field is a row or column (zeros included, in the vocabulary's order) and an entry with the
 * field left blank is counted under the empty key, so the totals always equal the entries.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { engagements, municipalities, regionMunicipalities, regions } from '../../db/schema';
import { nendoRange } from '../../shared/nendo';
import { type CrossTabField, SUPPORT_FIELD_VOCAB, type SupportField } from '../../shared/vocab/engagements';
import type { EngagementPolicy } from './policy';
import { engagementScope } from './queries';
import type { CrossTab } from './schemas';

export type TabEntry = Record<SupportField, string | null> & {
  municipalityCode: string;
  municipalityName: string;
  regionId: string | null;
  regionName: string | null;
  regionOrder: number | null;
};

type Axis = { key: string; name: string | null }[];

function axisOf(field: CrossTabField, entries: readonly TabEntry[]): Axis {
  if (field === 'municipality' || field === 'region') {
    const seen = new Map<string, { name: string | null; order: number }>();
    for (const e of entries) {
      const key = field === 'municipality' ? e.municipalityCode : (e.regionId ?? '');
      const name = field === 'municipality' ? e.municipalityName : e.regionName;
      const order = field === 'municipality' ? 0 : (e.regionOrder ?? 1e9);
      if (!seen.has(key)) seen.set(key, { name, order });
    }
    return [...seen.entries()]
      .sort((a, b) => a[1].order - b[1].order || (a[0] || '~').localeCompare(b[0] || '~'))
      .map(([key, v]) => ({ key, name: v.name }));
  }
  const codes: Axis = SUPPORT_FIELD_VOCAB[field].codes.map((key) => ({ key, name: null }));
  return entries.some((e) => !e[field]) ? [...codes, { key: '', name: null }] : codes;
}

function keyOf(field: CrossTabField, e: TabEntry): string {
  if (field === 'municipality') return e.municipalityCode;
  if (field === 'region') return e.regionId ?? '';
  return e[field] ?? '';
}

/** Counts the entries by the two fields (pure). */
export function tabulate(
  nendo: number,
  row: CrossTabField,
  col: CrossTabField,
  entries: readonly TabEntry[],
): CrossTab {
  const rows = axisOf(row, entries);
  const cols = axisOf(col, entries);
  const ri = new Map(rows.map((r, i) => [r.key, i]));
  const ci = new Map(cols.map((c, i) => [c.key, i]));
  const counts = rows.map(() => cols.map(() => 0));
  for (const e of entries) {
    const i = ri.get(keyOf(row, e));
    const j = ci.get(keyOf(col, e));
    // An old row with a code no longer in the vocabulary is counted under the blank key.
    counts[i ?? ri.get('') ?? 0]![j ?? ci.get('') ?? 0]!++;
  }
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const colTotals = cols.map((_, j) => counts.reduce((a, r) => a + r[j]!, 0));
  return { nendo, row, col, rows, cols, counts, rowTotals, colTotals, total: entries.length };
}

/** The held support log entries of the 年度 within the area (optionally the good examples only). */
export async function supportEntries(
  db: DbOrTx,
  policy: EngagementPolicy,
  nendo: number,
  goodExamplesOnly = false,
): Promise<TabEntry[]> {
  const { start, end } = nendoRange(nendo);
  const rows = await db
    .select({
      lifeElement: engagements.lifeElement,
      request: engagements.request,
      assessment: engagements.assessment,
      approach: engagements.approach,
      municipalAction: engagements.municipalAction,
      outcome: engagements.outcome,
      municipalityCode: engagements.municipalityCode,
      municipalityName: municipalities.name,
      regionId: regions.id,
      regionName: regions.name,
      regionOrder: regions.sortOrder,
    })
    .from(engagements)
    .innerJoin(municipalities, eq(municipalities.code, engagements.municipalityCode))
    .leftJoin(
      regionMunicipalities,
      and(
        eq(regionMunicipalities.municipalityCode, engagements.municipalityCode),
        isNull(regionMunicipalities.validTo),
      ),
    )
    .leftJoin(regions, eq(regions.id, regionMunicipalities.regionId))
    .where(
      and(
        engagementScope(policy),
        eq(engagements.kind, 'support'),
        eq(engagements.status, 'held'),
        sql`${engagements.occurredOn} between ${start} and ${end}`,
        goodExamplesOnly ? eq(engagements.goodExample, true) : undefined,
      ),
    )
    .orderBy(engagements.municipalityCode);
  return rows.map((r) => ({
    ...r,
    regionId: r.regionId ?? null,
    regionName: r.regionName ?? null,
    regionOrder: r.regionOrder ?? null,
  }));
}
