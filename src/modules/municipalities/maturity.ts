/**
 * A municipality's maturity in a 年度 (pure but for {@link maturityByNendo}'s one statement per 年度): each
 * item's status is the newest history entry dated (`as_of`) on or before the 年度's last day, so the
 * prefecture view can set two 年度 side by side and a late entry about last year lands in last year.
 */
import { and, desc, eq, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { municipalPageHistory } from '../../db/schema';
import { type Nendo, nendoRange } from '../../shared/nendo';
import {
  MATURITY_ITEMS,
  type MaturityBand,
  type MaturityItem,
  maturityBand,
  maturityLevel,
} from '../../shared/vocab/municipalities';
import type { MunicipalPolicy } from './policy';
import { municipalityScope } from './scope';

export type MaturityYear = {
  nendo: Nendo;
  items: Record<MaturityItem, string | null>;
  inPlace: number;
  underWay: number;
  recorded: number;
  band: MaturityBand;
};

/** The year's figures of one municipality from its items' statuses (absent: not recorded). */
export function maturityYear(nendo: Nendo, statuses: ReadonlyMap<string, string> | undefined): MaturityYear {
  const items = {} as Record<MaturityItem, string | null>;
  let inPlace = 0;
  let underWay = 0;
  let recorded = 0;
  for (const item of MATURITY_ITEMS) {
    const status = statuses?.get(item) ?? null;
    items[item] = status;
    if (status === null) continue;
    recorded++;
    const level = maturityLevel(item, status);
    if (level === 2) inPlace++;
    else if (level === 1) underWay++;
  }
  return { nendo, items, inPlace, underWay, recorded, band: maturityBand(inPlace, recorded) };
}

/**
 * The statuses of every municipality of the area (or one) at the end of each 年度: code → item → status, per
 * 年度. One statement per 年度 over the history's partial index (prefecture, municipality, item, as_of desc).
 */
export async function maturityByNendo(
  db: DbOrTx,
  policy: MunicipalPolicy,
  nendos: readonly Nendo[],
  municipalityCode?: string,
): Promise<Map<Nendo, Map<string, Map<string, string>>>> {
  const h = municipalPageHistory;
  const years = await Promise.all(
    nendos.map((n) =>
      db
        .selectDistinctOn([h.municipalityCode, h.item], {
          code: h.municipalityCode,
          item: h.item,
          status: h.status,
        })
        .from(h)
        .where(
          and(
            eq(h.prefectureCode, policy.prefectureCode ?? ''),
            eq(h.subject, 'maturity'),
            lte(h.asOf, nendoRange(n).end),
            municipalityCode ? eq(h.municipalityCode, municipalityCode) : undefined,
            municipalityScope(policy, h.municipalityCode),
          ),
        )
        .orderBy(h.municipalityCode, h.item, desc(h.asOf), desc(h.id)),
    ),
  );
  const out = new Map<Nendo, Map<string, Map<string, string>>>();
  nendos.forEach((n, i) => {
    const byCode = new Map<string, Map<string, string>>();
    for (const r of years[i]!) {
      if (r.status === null) continue;
      const m = byCode.get(r.code) ?? new Map<string, string>();
      m.set(r.item, r.status);
      byCode.set(r.code, m);
    }
    out.set(n, byCode);
  });
  return out;
}
