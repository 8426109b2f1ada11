/**
 * The bulk invitation list, read without I/O: the header row is recognised by its names (Japanese or English,
 * any order, extra columns ignored), each row is checked and shaped into a learner. Problems are codes the
 * screen renders in the reader's language; a row with a problem is skipped, never half-imported.
 */
import { PROFESSION_LABELS, PROFESSIONS, type Profession } from '../../shared/vocab/learning';
import { resolveMunicipalityCell } from '../census/read/municipality';

export const LIST_FIELDS = ['name', 'email', 'profession', 'workplace', 'municipality'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

/** Header names each column is recognised by (compared after NFKC, lower case, without spaces). */
const HEADER_NAMES: Record<ListField, readonly string[]> = {
  name: ['name', '氏名', '名前', 'お名前', '受講者名', '氏名(漢字)', 'displayname'],
  email: ['email', 'e-mail', 'mail', 'メールアドレス', 'メール', 'eメール', 'emailaddress'],
  profession: ['profession', '職種', '資格', '職種・資格'],
  workplace: ['workplace', '勤務先', '所属', '所属機関', '勤務先名', '事業所名'],
  municipality: [
    'municipality',
    '市区町村',
    '市町村',
    '勤務先市区町村',
    '勤務先の市区町村',
    '市区町村コード',
  ],
};

/** The most rows one list may hold (a year's intake of a large prefecture is a few thousand, sent in parts). */
export const MAX_LIST_ROWS = 2000;

export const ROW_ISSUES = [
  'name_missing',
  'name_too_long',
  'email_missing',
  'email_invalid',
  'email_repeated',
  'profession_missing',
  'profession_unknown',
  'workplace_missing',
  'workplace_too_long',
  'municipality_missing',
  'municipality_unknown',
] as const;
export type RowIssue = (typeof ROW_ISSUES)[number];

export type ListRow = {
  /** The row's number in the sheet (the header is row 1). */
  line: number;
  name: string;
  email: string;
  profession: Profession | null;
  /** The organisation of the network the workplace names, when one matches exactly. */
  workplaceOrganisationId: string | null;
  workplaceName: string;
  municipalityCode: string | null;
  issues: { field: ListField; code: RowIssue }[];
};

const key = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000_]/g, '');

/** Which column holds each field, or the fields the header lacks. */
export function recogniseColumns(
  header: readonly string[],
): { ok: true; columns: Record<ListField, number> } | { ok: false; missing: ListField[] } {
  const columns: Partial<Record<ListField, number>> = {};
  header.forEach((h, i) => {
    const k = key(h);
    for (const f of LIST_FIELDS) {
      if (columns[f] === undefined && HEADER_NAMES[f].some((n) => key(n) === k)) columns[f] = i;
    }
  });
  const missing = LIST_FIELDS.filter((f) => columns[f] === undefined);
  return missing.length
    ? { ok: false, missing }
    : { ok: true, columns: columns as Record<ListField, number> };
}

const PROFESSION_BY_KEY = new Map<string, Profession>(
  PROFESSIONS.flatMap((p) => [
    [key(p), p],
    [key(PROFESSION_LABELS[p].ja), p],
    [key(PROFESSION_LABELS[p].en), p],
  ]),
);

/** A profession from its code or its Japanese or English name ('看護師', 'Nurse', 'nurse'). */
export function professionOf(cell: string): Profession | null {
  return PROFESSION_BY_KEY.get(key(cell)) ?? null;
}

/** The name organisations are matched by: NFKC, no spaces (株式会社 and ㈱ alike after NFKC). */
export function organisationKey(name: string): string {
  return key(name);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks and shapes the rows after the header. `organisations` maps {@link organisationKey} of each network
 * organisation of the prefecture to its id; municipalities are resolved within `prefectureCode` (a code, or a
 * name with or without the prefecture). Blank rows are skipped.
 */
export function readListRows(
  rows: readonly (readonly string[])[],
  columns: Record<ListField, number>,
  ctx: { prefectureCode: string; organisations: ReadonlyMap<string, string> },
): ListRow[] {
  const seen = new Set<string>();
  const out: ListRow[] = [];
  rows.forEach((cells, i) => {
    const cell = (f: ListField) => (cells[columns[f]] ?? '').normalize('NFKC').trim();
    if (LIST_FIELDS.every((f) => cell(f) === '')) return;
    const issues: ListRow['issues'] = [];
    const name = cell('name').replace(/\s+/g, ' ');
    if (!name) issues.push({ field: 'name', code: 'name_missing' });
    else if (name.length > 100) issues.push({ field: 'name', code: 'name_too_long' });
    const email = cell('email').toLowerCase();
    if (!email) issues.push({ field: 'email', code: 'email_missing' });
    else if (!EMAIL.test(email) || email.length > 254) issues.push({ field: 'email', code: 'email_invalid' });
    else if (seen.has(email)) issues.push({ field: 'email', code: 'email_repeated' });
    seen.add(email);
    const professionCell = cell('profession');
    const profession = professionCell ? professionOf(professionCell) : null;
    if (!professionCell) issues.push({ field: 'profession', code: 'profession_missing' });
    else if (!profession) issues.push({ field: 'profession', code: 'profession_unknown' });
    const workplaceName = cell('workplace').replace(/\s+/g, ' ');
    if (!workplaceName) issues.push({ field: 'workplace', code: 'workplace_missing' });
    else if (workplaceName.length > 200) issues.push({ field: 'workplace', code: 'workplace_too_long' });
    const municipalityCell = cell('municipality');
    const municipalityCode = municipalityCell
      ? resolveMunicipalityCell(municipalityCell, ctx.prefectureCode)
      : null;
    if (!municipalityCell) issues.push({ field: 'municipality', code: 'municipality_missing' });
    else if (!municipalityCode?.startsWith(ctx.prefectureCode)) {
      issues.push({ field: 'municipality', code: 'municipality_unknown' });
    }
    out.push({
      line: i + 2,
      name,
      email,
      profession,
      workplaceOrganisationId: ctx.organisations.get(organisationKey(workplaceName)) ?? null,
      workplaceName,
      municipalityCode: municipalityCode?.startsWith(ctx.prefectureCode) ? municipalityCode : null,
      issues,
    });
  });
  return out;
}
