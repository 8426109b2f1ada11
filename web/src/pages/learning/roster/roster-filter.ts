import type { CoordinatorActivity } from '../../../../../src/shared/vocab/learning-roster';

/**
 * The roster's filters, applied on the screen: the server sends the whole roster of the caller's area (it is
 * small — a prefecture trains some hundreds of coordinators), so filtering needs no round trip. Pure.
 */
export type RosterFilter = {
  q?: string;
  regionId?: string;
  municipalityCode?: string;
  activity?: CoordinatorActivity;
  group?: string;
  nendo?: number;
};

type Row = {
  name: string;
  workplace: string | null;
  regionId: string | null;
  municipalityCode: string | null;
  activity: CoordinatorActivity;
  professionGroup: string | null;
  nendo: number;
};

/** '' stands for "not recorded" in the region and municipality filters. */
export const NOT_RECORDED = '-';

const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

export function filterRoster<R extends Row>(rows: R[], f: RosterFilter): R[] {
  const q = f.q ? fold(f.q) : '';
  return rows.filter(
    (r) =>
      (!q || fold(r.name).includes(q) || (r.workplace !== null && fold(r.workplace).includes(q))) &&
      (!f.regionId || (r.regionId ?? NOT_RECORDED) === f.regionId) &&
      (!f.municipalityCode || (r.municipalityCode ?? NOT_RECORDED) === f.municipalityCode) &&
      (!f.activity || r.activity === f.activity) &&
      (!f.group || r.professionGroup === f.group) &&
      (f.nendo === undefined || r.nendo === f.nendo),
  );
}

/** The distinct values of a column, in the rows' order (region, then municipality), for a select's options. */
export function optionsOf<R>(rows: R[], key: (r: R) => [string | null, string | null]) {
  const seen = new Map<string, string | null>();
  for (const r of rows) {
    const [k, name] = key(r);
    const code = k ?? NOT_RECORDED;
    if (!seen.has(code)) seen.set(code, name);
  }
  return [...seen.entries()].map(([value, name]) => ({ value, name }));
}
