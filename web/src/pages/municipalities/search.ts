import { isoDateInJapan } from '../../../../src/shared/dates';
import { nendoOf } from '../../../../src/shared/nendo';

/** The 年度 in the address of the prefecture view (absent: this 年度). Pure. */
export function parseNendoSearch(raw: Record<string, unknown>): { nendo?: number } {
  const n = Number(raw.nendo);
  return Number.isInteger(n) && n >= 2000 && n <= 2200 ? { nendo: n } : {};
}

/** This 年度, by the day in Japan. */
export function currentNendoInJapan(): number {
  return nendoOf(isoDateInJapan(new Date()));
}
