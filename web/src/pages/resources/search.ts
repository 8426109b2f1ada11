import { SERVICE_LIST_SORTS, type ServiceListSort } from '../../../../src/shared/vocab/resources';

/** URL search params of the staff resources screens (kept small: the router loads them up front). */

export type ServiceListSearch = {
  q?: string;
  type?: string;
  municipality?: string;
  region?: string;
  care?: string;
  stale?: 'true' | 'false';
  status?: string;
  sort?: ServiceListSort;
  dir?: 'asc' | 'desc';
  page?: number;
};

const text = (v: unknown, max = 100): string | undefined => {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const s = v.trim().slice(0, max);
  return s ? s : undefined;
};

export function parseServiceListSearch(raw: Record<string, unknown>): ServiceListSearch {
  const page = Number(raw.page);
  const stale = text(raw.stale);
  return {
    q: text(raw.q),
    type: text(raw.type, 60),
    municipality: text(raw.municipality, 6),
    region: text(raw.region, 40),
    care: text(raw.care, 60),
    stale: stale === 'true' || stale === 'false' ? stale : undefined,
    status: text(raw.status, 30),
    sort: SERVICE_LIST_SORTS.find((k) => k === raw.sort),
    dir: raw.dir === 'asc' || raw.dir === 'desc' ? raw.dir : undefined,
    page: Number.isInteger(page) && page > 1 && page <= 100_000 ? page : undefined,
  };
}

export type GapsSearch = { region?: string; care?: string };

export function parseGapsSearch(raw: Record<string, unknown>): GapsSearch {
  return { region: text(raw.region, 40), care: text(raw.care, 60) };
}
