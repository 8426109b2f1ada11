/**
 * The public search's state, all of it in the URL so a search can be bookmarked and shared:
 * /public/resources?where=藤沢市&care=ventilator,suction&type=…&age=4&q=…&page=2
 * Kept apart from the page so the router (in the main bundle) loads only this small parser.
 */
export type PublicResourceSearch = {
  /** Municipality or address text (the API resolves it to a municipality). */
  where?: string;
  /** A municipality code (links from staff screens). */
  municipality?: string;
  type?: string;
  /** Care item codes, comma-separated in the URL. */
  care?: string;
  age?: number;
  q?: string;
  page?: number;
};

const text = (v: unknown, max = 200): string | undefined => {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const s = v.trim().slice(0, max);
  return s ? s : undefined;
};

const int = (v: unknown, min: number, max: number): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

export function parsePublicResourceSearch(raw: Record<string, unknown>): PublicResourceSearch {
  const municipality = text(raw.municipality, 6);
  const care = text(raw.care, 400)
    ?.split(',')
    .map((c) => c.trim())
    .filter((c) => /^[a-z_]+$/.test(c))
    .slice(0, 10)
    .join(',');
  return {
    where: text(raw.where),
    municipality: municipality && /^\d{6}$/.test(municipality) ? municipality : undefined,
    type: text(raw.type, 60),
    care: care || undefined,
    age: int(raw.age, 0, 120),
    q: text(raw.q, 100),
    page: int(raw.page, 2, 1000),
  };
}

export function careCodes(search: PublicResourceSearch): string[] {
  return search.care ? search.care.split(',') : [];
}
