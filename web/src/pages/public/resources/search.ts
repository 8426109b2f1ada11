/**
 * The public search's state, all of it in the URL so a search can be bookmarked and shared:
 * /public/resources?where=藤沢市&care=ventilator,suction&type=…&age=4&q=…&page=2
 * /public/resources?near=35.34,139.49&radius=10&care=ventilator (near the device's position, rounded)
 * Kept apart from the page so the router (in the main bundle) loads only this small parser.
 */
export type PublicResourceSearch = {
  /** Municipality or address text (the API resolves it to a municipality). */
  where?: string;
  /** A place chosen among those a name matched (its id). */
  place?: string;
  /** A municipality code (links from staff screens). */
  municipality?: string;
  type?: string;
  /** Care item codes, comma-separated in the URL. */
  care?: string;
  age?: number;
  q?: string;
  /** "latitude,longitude" of a near-me search, rounded to two decimals (about a kilometre). */
  near?: string;
  /** Its radius in km. */
  radius?: number;
  page?: number;
};

/** The radii offered for a near-me search (km); the API allows 1–30. */
export const RADII = [5, 10, 20, 30] as const;
export const DEFAULT_RADIUS = 10;

/** A position as the URL carries it: two decimals, about a kilometre — enough to search, no more. */
export function nearOf(latitude: number, longitude: number): string {
  return `${latitude.toFixed(2)},${longitude.toFixed(2)}`;
}

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

const nearText = (v: unknown): string | undefined => {
  const s = text(v, 40);
  if (!s || !/^-?\d{1,2}(\.\d{1,6})?,-?\d{1,3}(\.\d{1,6})?$/.test(s)) return undefined;
  const [lat, lon] = s.split(',').map(Number) as [number, number];
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? s : undefined;
};

const uuidText = (v: unknown): string | undefined => {
  const s = text(v, 40);
  return s && /^[0-9a-f-]{36}$/i.test(s) ? s : undefined;
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
    place: uuidText(raw.place),
    municipality: municipality && /^\d{6}$/.test(municipality) ? municipality : undefined,
    type: text(raw.type, 60),
    care: care || undefined,
    age: int(raw.age, 0, 120),
    q: text(raw.q, 100),
    near: nearText(raw.near),
    radius: int(raw.radius, 1, 30),
    page: int(raw.page, 2, 1000),
  };
}

export function careCodes(search: PublicResourceSearch): string[] {
  return search.care ? search.care.split(',') : [];
}
