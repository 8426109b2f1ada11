/**
 * The census module's shared shapes. A census record is one data row of one source list (a municipality's
 * public-health nurses' sheet, the board of education's list, …) after its columns were recognised and its
 * values normalised; the raw cells are kept for review screens and discrepancy lists.
 */
import type { CensusField } from '../../shared/vocab/census';

/** Source types and fields are vocabularies: src/shared/vocab/census.ts. */
export type { CensusField, SourceType } from '../../shared/vocab/census';

export type CensusRecord = {
  /** The source file's name as given (e.g. 'fujisawa_2025.xlsx'). */
  file: string;
  /** 1-based data row within the file (header excluded). */
  row: number;
  /** Full name as written (family and given joined with one space when the list splits them). */
  name: string | null;
  kana: string | null;
  /** ISO 'YYYY-MM-DD' or null when absent or unreadable. */
  birthDate: string | null;
  sex: 'female' | 'male' | null;
  address: string | null;
  /** 6-digit municipality code resolved from a code column, a municipality name or the address. */
  municipalityCode: string | null;
  school: string | null;
  grade: string | null;
  /** Care item ids (src/shared/reference/care-items.json) when the list has a care column. */
  careItems?: string[];
  /** 訪問教育 / 夜間ケア when the list has the column (ME-3): true, false, or null when the cell is blank. */
  homeVisitEducation?: boolean | null;
  nightCare?: boolean | null;
  raw: Record<string, string>;
};

/**
 * A problem with one row (or the whole file when row is 0), in Japanese and English. `error` blocks the import
 * (the file cannot be read, a row has neither name nor kana, a birth date cannot be read); `warning` is kept
 * with the import (an unreadable sex or 市町村, a care word not in the table, …).
 */
export type RowIssue = {
  row: number;
  column: string | null;
  severity: 'error' | 'warning';
  ja: string;
  en: string;
};

export type ParsedList = {
  file: string;
  /** How a text file was decoded ('utf8', 'utf8-bom', 'cp932'); null for .xlsx and unreadable files. */
  encoding: string | null;
  /** Header cell → recognised field. */
  columns: { header: string; field: CensusField | null }[];
  records: CensusRecord[];
  issues: RowIssue[];
};
