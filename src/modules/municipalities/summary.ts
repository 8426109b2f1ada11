/**
 * What other parts of the product read of the municipality pages (the yearly activity report): how many of the
 * reader's municipalities are at each status of each maturity item and in each band at the end of a 年度
 * ("27 of 33 placed, 6 considering", KA-5). Within the reader's area like the pages: a role without them is
 * refused (403).
 */
import type { DbOrTx } from '../../db/client';
import type { Nendo } from '../../shared/nendo';
import type { Actor } from '../access/actor';
import { maturityByNendo, maturityYear } from './maturity';
import { maturityTotals } from './overview';
import { municipalitiesInScope, requireMunicipalReader } from './scope';

export type MaturityCounts = ReturnType<typeof maturityTotals> & { municipalities: number };

export async function maturityCounts(db: DbOrTx, actor: Actor, fiscalYear: Nendo): Promise<MaturityCounts> {
  const policy = requireMunicipalReader(actor);
  const [rows, byNendo] = await Promise.all([
    municipalitiesInScope(db, policy),
    maturityByNendo(db, policy, [fiscalYear]),
  ]);
  const years = rows.map((m) => maturityYear(fiscalYear, byNendo.get(fiscalYear)?.get(m.code)));
  return { ...maturityTotals(fiscalYear, years), municipalities: rows.length };
}
