/**
 * A survey's counts as plain data that add up (docs/knowledge.md §5): one tally per cell — the answers of one
 * region and municipality — holding what the results page needs in a form that two tallies can be merged from:
 * answers per channel, per question answered, per choice, per matrix cell, each number's values with how often
 * they came (so the median stays exact). The newest free-text answers are read apart, newest first (results.ts).
 * Counting new answers into a cell and merging cells for a filter gives exactly what counting every answer again
 * gives (tally.test.ts, results-cache.db.test.ts). Pure: the database side is results.ts and results-cache.ts.
 */
import type { z } from '@hono/zod-openapi';
import type { SurveyDefinition } from '../../shared/survey';
import type { SurveyChannel } from '../../shared/vocab/surveys';
import type { ZSurveyResults } from './schemas';

export type Tally = {
  channels: Partial<Record<SurveyChannel, number>>;
  answered: Record<string, number>;
  choices: Record<string, Record<string, number>>;
  matrix: Record<string, Record<string, Record<string, number>>>;
  /** Each number question's values and how many answers gave each, sorted by value. */
  numbers: Record<string, [number, number][]>;
};
export type Cell = { regionId: string | null; municipalityCode: string | null; tally: Tally };

/** One grouped row of the counting statement (results.ts `countRows`). */
export type CountRow = {
  kind: 'c' | 'a' | 'v' | 'm' | 'x';
  region_id: string | null;
  municipality_code: string | null;
  q: string;
  k1: string | null;
  k2: string | null;
  n: number | null;
  x: number | string | null;
};

export const emptyTally = (): Tally => ({
  channels: {},
  answered: {},
  choices: {},
  matrix: {},
  numbers: {},
});

export const cellKey = (regionId: string | null, municipalityCode: string | null) =>
  `${regionId ?? ''}|${municipalityCode ?? ''}`;

const add = (rec: Record<string, number>, key: string, n: number) => {
  rec[key] = (rec[key] ?? 0) + n;
};

/** `rec[key]`, made first when missing. */
function child<T>(rec: Record<string, T>, key: string, make: () => T): T {
  const found = rec[key];
  if (found !== undefined) return found;
  const made = make();
  rec[key] = made;
  return made;
}

function mergeNumbers(a: [number, number][], b: [number, number][]): [number, number][] {
  const m = new Map<number, number>(a);
  for (const [v, n] of b) m.set(v, (m.get(v) ?? 0) + n);
  return [...m].sort((x, y) => x[0] - y[0]);
}

/** `into` plus `from` (into is changed and returned). */
export function mergeTally(into: Tally, from: Tally): Tally {
  for (const [c, n] of Object.entries(from.channels)) add(into.channels, c, n ?? 0);
  for (const [q, n] of Object.entries(from.answered)) add(into.answered, q, n);
  for (const [q, vs] of Object.entries(from.choices)) {
    const into1 = child(into.choices, q, () => ({}));
    for (const [v, n] of Object.entries(vs)) add(into1, v, n);
  }
  for (const [q, rows] of Object.entries(from.matrix)) {
    const into1 = child(into.matrix, q, () => ({}));
    for (const [r, cols] of Object.entries(rows)) {
      const into2 = child(into1, r, () => ({}));
      for (const [c, n] of Object.entries(cols)) add(into2, c, n);
    }
  }
  for (const [q, vs] of Object.entries(from.numbers))
    into.numbers[q] = mergeNumbers(into.numbers[q] ?? [], vs);
  return into;
}

/** The counting statement's rows as one tally per cell. */
export function cellsOfRows(rows: CountRow[]): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const r of rows) {
    const key = cellKey(r.region_id, r.municipality_code);
    let cell = cells.get(key);
    if (!cell) {
      cell = { regionId: r.region_id, municipalityCode: r.municipality_code, tally: emptyTally() };
      cells.set(key, cell);
    }
    const t = cell.tally;
    const n = Number(r.n ?? 0);
    if (r.kind === 'c') add(t.channels, r.q, n);
    else if (r.kind === 'a') add(t.answered, r.q, n);
    else if (r.kind === 'v')
      add(
        child(t.choices, r.q, () => ({})),
        r.k1 ?? '',
        n,
      );
    else if (r.kind === 'm') {
      const rows = child(t.matrix, r.q, () => ({}));
      add(
        child(rows, r.k1 ?? '', () => ({})),
        r.k2 ?? '',
        n,
      );
    } else t.numbers[r.q] = mergeNumbers(t.numbers[r.q] ?? [], [[Number(r.x), n]]);
  }
  return cells;
}

/** The median as PostgreSQL's percentile_cont(0.5) gives it: between the two middle values when n is even. */
export function numberSummary(values: [number, number][]) {
  const n = values.reduce((s, [, c]) => s + c, 0);
  if (n === 0) return null;
  const at = (i: number) => {
    let seen = 0;
    for (const [v, c] of values) {
      seen += c;
      if (i < seen) return v;
    }
    return values[values.length - 1]![0];
  };
  const pos = (n - 1) / 2;
  const lo = at(Math.floor(pos));
  const hi = at(Math.ceil(pos));
  return {
    min: values[0]![0],
    max: values[values.length - 1]![0],
    mean: values.reduce((s, [v, c]) => s + v * c, 0) / n,
    median: lo + (hi - lo) * (pos - Math.floor(pos)),
  };
}

type Results = z.infer<typeof ZSurveyResults>;
export type RegionRef = { id: string; name: string };
/** A free-text answer shown on the page, newest first within its question. */
export type TextShown = { q: string; t: string; municipalityCode: string | null };
const NO_REGION = { ja: '圏域不明（市町村の回答なし）', en: 'Region unknown (no municipality given)' };

/**
 * The results page from the cells of a filter and its newest texts. `regions` are the prefecture's regions in
 * their order; `municipalityName` names a code.
 */
export function presentResults(
  definition: SurveyDefinition,
  cells: Cell[],
  texts: TextShown[],
  regions: RegionRef[],
  municipalityName: (code: string) => string,
  lang: 'ja' | 'en',
): Results {
  const present = new Set(cells.map((c) => c.regionId));
  const regionName = new Map(regions.map((r) => [r.id, r.name]));
  const regionKeys: (string | null)[] = regions.map((r) => r.id).filter((id) => present.has(id));
  if (present.has(null)) regionKeys.push(null);
  const nameOfRegion = (id: string | null) => (id === null ? NO_REGION[lang] : (regionName.get(id) ?? ''));
  const muniName = (code: string | null) =>
    code ? municipalityName(code) : lang === 'ja' ? '回答なし' : 'Not given';
  const countOf = (t: Tally) => Object.values(t.channels).reduce((s: number, n) => s + (n ?? 0), 0);
  const all = cells.reduce((acc, c) => mergeTally(acc, c.tally), emptyTally());
  const inRegion = new Map<string | null, Tally>();
  for (const c of cells)
    inRegion.set(c.regionId, mergeTally(inRegion.get(c.regionId) ?? emptyTally(), c.tally));

  return {
    total: countOf(all),
    byRegion: regionKeys.map((id) => ({
      regionId: id,
      name: nameOfRegion(id),
      count: countOf(inRegion.get(id) ?? emptyTally()),
    })),
    byMunicipality: cells
      .filter((c) => countOf(c.tally) > 0)
      .map((c) => ({
        code: c.municipalityCode,
        name: muniName(c.municipalityCode),
        regionName: nameOfRegion(c.regionId),
        count: countOf(c.tally),
      }))
      .sort((a, b) => (a.code ?? '999999').localeCompare(b.code ?? '999999')),
    byChannel: (['open_link', 'personal_link'] as const).map((channel) => ({
      channel,
      count: all.channels[channel] ?? 0,
    })),
    questions: definition.questions.map((q) => {
      const opts = q.choices ?? [];
      const isChoice = q.type === 'single' || q.type === 'multiple';
      return {
        id: q.id,
        type: q.type,
        title: q.title,
        answered: all.answered[q.id] ?? 0,
        counts: isChoice
          ? opts.map((o) => ({ value: o.value, label: o.label, count: all.choices[q.id]?.[o.value] ?? 0 }))
          : [],
        byRegion: isChoice
          ? regionKeys.map((id) => ({
              regionId: id,
              name: nameOfRegion(id),
              counts: opts.map((o) => inRegion.get(id)?.choices[q.id]?.[o.value] ?? 0),
            }))
          : [],
        matrix:
          q.type === 'matrix'
            ? (q.rows ?? []).map((r) => ({
                value: r.value,
                label: r.label,
                counts: opts.map((o) => ({
                  value: o.value,
                  label: o.label,
                  count: all.matrix[q.id]?.[r.value]?.[o.value] ?? 0,
                })),
              }))
            : [],
        number: q.type === 'number' ? numberSummary(all.numbers[q.id] ?? []) : null,
        texts: texts
          .filter((t) => t.q === q.id)
          .map((t) => ({
            text: t.t,
            municipalityName: muniName(t.municipalityCode),
          })),
      };
    }),
  };
}
