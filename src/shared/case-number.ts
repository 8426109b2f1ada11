/**
 * Consultation case numbers (相談番号): the 年度 of the opening day in its era's letter and year, a hyphen and
 * the serial within the prefecture and 年度, at least four digits — 2026年度 no. 123 is 'R8-0123', 2019年度 no. 7
 * is 'R1-0007' (the 年度 takes the era that began in or before its first calendar year, as shared/nendo.ts).
 * The database gives the serial (migration 0020); this names it and reads what people type back.
 */
import { ERAS, warekiYear } from './wareki';

export type CaseNumber = { nendo: number; serial: number };

/** 'R8-0123' for 2026年度 no. 123; the serial is never cut (R8-12345). */
export function formatCaseNumber(nendo: number, serial: number): string {
  const { era, year } = warekiYear(nendo);
  return `${era.letter}${year}-${String(serial).padStart(4, '0')}`;
}

/**
 * Reads a case number as typed: 'R8-0123', 'r8-123', full-width 'Ｒ８－０１２３', '令和8-123', '2026-0123', or a
 * serial alone ('0123', '123': any 年度). Null when the text is not a case number.
 */
export function parseCaseNumber(input: string): { nendo: number | null; serial: number } | null {
  const s = input
    .normalize('NFKC')
    .trim()
    .replace(/[‐－―−ー]/g, '-')
    .replace(/\s+/g, '')
    .toUpperCase();
  const serialOnly = /^(\d{1,7})$/.exec(s);
  if (serialOnly) return positive(null, Number(serialOnly[1]));
  const western = /^(\d{4})(?:年度)?-(\d{1,7})$/.exec(s);
  if (western) return positive(Number(western[1]), Number(western[2]));
  const m = /^([MTSHR]|明治|大正|昭和|平成|令和)(\d{1,2}|元)(?:年度)?-(\d{1,7})$/.exec(s);
  if (!m) return null;
  const era = ERAS.find((e) => e.letter === m[1] || e.name === m[1]);
  if (!era) return null;
  const year = m[2] === '元' ? 1 : Number(m[2]);
  if (year < 1) return null;
  const nendo = Number(era.start.slice(0, 4)) + year - 1;
  // The era must name this 年度 (令和8 = 2026, but 平成40 is not a 年度 anyone wrote).
  if (warekiYear(nendo).era.letter !== era.letter) return null;
  return positive(nendo, Number(m[3]));
}

function positive(nendo: number | null, serial: number) {
  return serial >= 1 ? { nendo, serial } : null;
}
