import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { AppError, type ErrorIssue } from '../../server/errors';
import { findMunicipality } from '../../shared/municipalities';
import { hasNameColumns, normaliseHeader } from './read/headers';
import { parseList } from './read/parse';
import { ZMapping } from './schemas';
import type { CensusField, CensusRecord, ParsedList, RowIssue } from './types';

/**
 * Uploaded census lists: the multipart form of POST /imports/preview and POST /imports, reading its file and
 * mapping, and parsing it with the source's saved mapping under the request's. Nothing here touches the
 * database.
 */

/** Files above this are refused (the app's body limit for /api/census/imports* is 20 MiB too). */
export const MAX_CENSUS_FILE_BYTES = 20 * 1024 * 1024;

const ZFileField = z.file().openapi({ type: 'string', format: 'binary', description: '.xlsx or .csv' });

/** multipart/form-data of POST /imports/preview. */
export const ZUploadForm = z
  .object({
    file: ZFileField,
    sourceId: z.string().openapi({ example: '00000000-0000-4000-8000-000000000000' }),
    nendo: z.coerce.number().int().min(2000).max(2100),
    /** JSON of a mapping (normalised header → field or null), over the source's saved mapping. */
    mapping: z.string().optional().openapi({ description: 'JSON: {"header": "field" | null}' }),
  })
  .openapi('CensusUploadForm');

/**
 * multipart/form-data of POST /imports: as the preview; `saveMapping=true` saves the mapping on the source, and
 * `goodRowsOnly=true` imports the rows without errors, leaving out the others.
 */
export const ZCreateImportForm = ZUploadForm.extend({
  saveMapping: z.enum(['true', 'false']).optional(),
  goodRowsOnly: z.enum(['true', 'false']).optional(),
}).openapi('CensusCreateImportForm');

/** How an upload is taken (stored on the import; the job reads the file again with them). */
export type UploadOptions = { goodRowsOnly?: boolean; municipalityCodes?: string[] };

export type Mapping = Record<string, CensusField | null>;

export type Upload = {
  fileName: string;
  content: Buffer;
  sha256: string;
  unverifiedSourceId: string;
  nendo: number;
  /** The request's mapping with normalised keys; {} when none was sent. */
  mapping: Mapping;
};

/** Keys normalised as the reader compares headers, so a saved and a sent mapping merge key by key. */
export function normaliseMapping(mapping: Mapping): Mapping {
  const out: Mapping = {};
  for (const [k, v] of Object.entries(mapping)) {
    const key = normaliseHeader(k);
    if (key !== '') out[key] = v;
  }
  return out;
}

function parseMapping(text: string | undefined): Mapping {
  if (text === undefined || text.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('validation_failed', { issues: [{ path: 'mapping', message: 'not valid JSON' }] });
  }
  const parsed = ZMapping.safeParse(json);
  if (!parsed.success) {
    throw new AppError('validation_failed', {
      issues: parsed.error.issues.map((i) => ({
        path: ['mapping', ...i.path.map(String)].join('.'),
        message: i.message,
      })),
    });
  }
  return normaliseMapping(parsed.data);
}

/** The file's name without any directory part a browser may send, at most 200 characters. */
function baseName(name: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() ?? '';
  return (base === '' ? 'upload' : base).slice(-200);
}

/** Reads the validated form: the file's bytes (refusing files above 20 MB), its SHA-256 and the mapping. */
export async function readUpload(form: z.infer<typeof ZUploadForm>): Promise<Upload> {
  if (form.file.size > MAX_CENSUS_FILE_BYTES) throw new AppError('census_file_too_large');
  const content = Buffer.from(await form.file.arrayBuffer());
  return {
    fileName: baseName(form.file.name),
    content,
    sha256: createHash('sha256').update(content).digest('hex'),
    unverifiedSourceId: form.sourceId,
    nendo: form.nendo,
    mapping: parseMapping(form.mapping),
  };
}

/** The mapping applied to an upload: the source's saved mapping, then the request's over it. */
export function mergedMapping(saved: Mapping, sent: Mapping): Mapping {
  return { ...normaliseMapping(saved), ...sent };
}

/**
 * A parsed list with its blocking problems counted; `canImport` when nothing blocks, `rejectedRows` the data
 * rows with an error (left out by an import of the good rows), `canImportGoodRows` when the file itself reads
 * and at least one row is good.
 */
export type CheckedList = ParsedList & {
  errorCount: number;
  warningCount: number;
  canImport: boolean;
  rejectedRows: number[];
  canImportGoodRows: boolean;
};

/** The counts of a list's issues and rows, from its issues and records. Pure. */
function classify(list: ParsedList): CheckedList {
  const issues = [...list.issues].sort((a, b) => a.row - b.row);
  const errorCount = issues.filter((i) => i.severity === 'error').length;
  const rejected = new Set(issues.filter((i) => i.severity === 'error' && i.row > 0).map((i) => i.row));
  const whole = issues.some((i) => i.severity === 'error' && i.row === 0);
  return {
    ...list,
    issues,
    errorCount,
    warningCount: issues.length - errorCount,
    canImport: errorCount === 0,
    rejectedRows: [...rejected].sort((a, b) => a - b),
    canImportGoodRows: !whole && list.records.some((r) => !rejected.has(r.row)),
  };
}

/**
 * A municipality's own upload: a row the reader places in another municipality (by its 市町村 column or its
 * address) is an error naming that municipality — only the municipality's own children are taken. Rows whose
 * municipality is not written are the municipality's. Pure.
 */
export function restrictToMunicipalities(
  list: CheckedList,
  codes: readonly string[] | undefined,
): CheckedList {
  if (!codes || codes.length === 0) return list;
  const own = codes.map((c) => findMunicipality(c)?.name ?? c).join('・');
  const extra: RowIssue[] = [];
  for (const r of list.records) {
    if (!r.municipalityCode || codes.includes(r.municipalityCode)) continue;
    const name = findMunicipality(r.municipalityCode)?.name ?? r.municipalityCode;
    extra.push({
      row: r.row,
      column: null,
      severity: 'error',
      ja: `${name}の児童です。${own}の名簿には${own}の児童だけを載せてください。`,
      en: `This child lives in ${name}; only children of ${own} belong in ${own}'s list.`,
    });
  }
  return extra.length === 0 ? list : classify({ ...list, issues: [...list.issues, ...extra] });
}

/** The list without its rejected rows (their errors stay in `issues`, to show why they were left out). Pure. */
export function goodRowsOf(list: CheckedList): CensusRecord[] {
  const rejected = new Set(list.rejectedRows);
  return list.records.filter((r) => !rejected.has(r.row));
}

/**
 * Parses the file with the mapping and classifies its issues. A header with no data row is one more
 * whole-file error. Issues are ordered by row (the whole file first).
 */
export async function parseUpload(
  fileName: string,
  content: Buffer,
  mapping: Mapping,
  prefectureCode: string,
): Promise<CheckedList> {
  const list = await parseList(fileName, content, { mapping, prefectureCode });
  const issues: RowIssue[] = [...list.issues];
  if (issues.every((i) => i.row !== 0) && list.records.length === 0) {
    const e = new AppError('census_file_empty').toBody().error;
    issues.push({ row: 0, column: null, severity: 'error', ja: e.ja, en: e.en });
  }
  return classify({ ...list, issues });
}

/** At most this many issues travel in a 400's body (the preview shows them all). */
const MAX_ERROR_ISSUES = 500;

/**
 * Throws the 400 that refuses a list with blocking problems: the file unreadable, no name column, no data rows,
 * or row errors — with those errors as the body's issues (path `row.N` or `row.N.column`, in ja and en).
 */
export function assertImportable(list: CheckedList, options: UploadOptions = {}): void {
  if (list.canImport) return;
  if (options.goodRowsOnly && list.canImportGoodRows) return;
  const errors = list.issues.filter((i) => i.severity === 'error');
  const issues: ErrorIssue[] = errors.slice(0, MAX_ERROR_ISSUES).map((i) => ({
    path: i.row === 0 ? 'file' : ['row', String(i.row), ...(i.column ? [i.column] : [])].join('.'),
    message: i.en,
    ja: i.ja,
    en: i.en,
  }));
  const whole = errors.find((i) => i.row === 0);
  const code = !whole
    ? options.goodRowsOnly
      ? 'census_no_good_rows'
      : 'census_file_has_errors'
    : list.records.length === 0 && list.columns.length > 0 && hasNameColumns(list.columns)
      ? 'census_file_empty'
      : list.columns.length > 0 && !hasNameColumns(list.columns)
        ? 'census_no_name_column'
        : 'census_file_unreadable';
  throw new AppError(code, { issues, detail: { errorCount: errors.length } });
}
