import { type SQL, sql } from 'drizzle-orm';
import { resourceSearch } from '../../db/schema';
import { queryKey, STALE_AFTER_MONTHS } from './text';

/** Filters of the public search (ME-6), all optional, combined with AND. */
export type PublicSearch = {
  prefecture?: string | undefined;
  municipalityCode?: string | undefined;
  address?: string | undefined;
  type?: string | undefined;
  careItem: string[];
  age?: number | undefined;
  q?: string | undefined;
  near?: { latitude: number; longitude: number } | undefined;
  radiusKm?: number | undefined;
  page: number;
  pageSize: number;
};

/**
 * How many matches a search counts exactly. Past it the answer says "more than 1,000" and the listings come
 * in name order (fresh first) straight from an index, instead of counting and sorting tens of thousands of
 * rows for a page of twenty (decision 0009).
 */
export const COUNT_CAP = 1000;

const s = resourceSearch;

/** The pieces of one search over the narrow `resource_search` table (active listings only). */
export function searchParts(f: PublicSearch, municipalityCode: string | null, now: Date) {
  const where: SQL[] = [];
  if (f.prefecture) where.push(sql`${s.prefectureCode} = ${f.prefecture}`);
  if (f.type) where.push(sql`${s.type} = ${f.type}`);
  if (f.careItem.length) {
    where.push(
      sql`${s.accepts} @> array[${sql.join(
        f.careItem.map((c) => sql`${c}`),
        sql`, `,
      )}]::text[]`,
    );
  }
  if (f.age !== undefined) {
    // Effective bounds in the search table: unknown ages are 0 and 200 (migration 0010), so no OR.
    where.push(sql`${s.minAge} <= ${f.age}`, sql`${s.maxAge} >= ${f.age}`);
  }
  const key = f.q ? queryKey(f.q) : '';
  if (key) where.push(sql`${s.searchKey} like ${`%${key}%`}`);

  // "In or serving my municipality" is a few hundred listings at most: read them first (materialised), then
  // filter by care item there, rather than intersect with the GIN bitmap of a common care item (tens of
  // thousands of entries) — 3–4 ms instead of 10–14 ms at 150,000 services.
  const area = municipalityCode
    ? sql`with area as materialized (
        select * from ${s}
        where ${s.municipalityCode} = ${municipalityCode} or ${s.areaCodes} @> array[${municipalityCode}]::text[])`
    : null;
  // The CTE takes the table's name as its alias, so the qualified column names of the filters still apply.
  const from = area ? sql`area as ${s}` : sql`${s}`;
  const cond = where.length ? sql.join(where, sql` and `) : sql`true`;

  const staleBefore = new Date(now);
  staleBefore.setUTCMonth(staleBefore.getUTCMonth() - STALE_AFTER_MONTHS);
  // A type over the whole country and nothing narrower: take the matches in the order of the (type, min_age)
  // index. Without it the planner expects a sequential scan to find 1,001 of them at once, but listings of one
  // type lie together on disk, so it read most of the table (60–150 ms) instead of an index range (1–3 ms).
  const nationwideType = !!f.type && !f.prefecture && !municipalityCode && !key && !f.careItem.length;
  const walk = nationwideType ? sql`order by ${s.type}, ${s.minAge}` : sql``;
  return { area, from, cond, key, municipalityCode, staleBefore, walk };
}

type Parts = ReturnType<typeof searchParts>;
const limits = (f: PublicSearch) => sql`limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`;

/**
 * Step 1 of a search: at most COUNT_CAP + 1 matches, their count, and one page of them in the full order —
 * fresh before stale (not confirmed for 12 months), then with text the position of the match in the key
 * (the name comes first in it, so name matches lead), then located-in before serving-from-elsewhere, then
 * name. `total` above the cap means "more": the caller switches to {@link broadPageQuery}. Rows: id, total
 * and pos (the place on the page).
 */
export function pageQuery(f: PublicSearch, p: Parts, countCap = COUNT_CAP) {
  const order: SQL[] = [sql`(last_confirmed_at is null or last_confirmed_at < ${p.staleBefore}) asc`];
  // strpos, not word_similarity: similarity over each long key cost seconds for a broad word.
  if (p.key) order.push(sql`strpos(search_key, ${p.key}) asc`);
  if (p.municipalityCode) order.push(sql`(municipality_code = ${p.municipalityCode}) desc`);
  order.push(sql`name asc`, sql`service_id asc`);
  const by = sql.join(order, sql`, `);
  const m = sql`m as materialized (
      select service_id, municipality_code, name, last_confirmed_at, search_key
      from ${p.from} where ${p.cond} ${p.walk} limit ${countCap + 1})`;
  return sql`${p.area ? sql`${p.area}, ` : sql`with `}${m}
    select service_id as id, (select count(*) from m) as total, row_number() over (order by ${by}) as pos
    from m order by ${by} ${limits(f)}`;
}

/**
 * What a result shows, for the rows of `page` (a query giving id and pos): one statement for the page and
 * its listings — every round trip to the database counts at this rate of requests.
 */
export function withSummaries(page: SQL) {
  return sql`select page.*, s.name, o.name as organization_name, s.type,
      coalesce(l.address, '') as address, s.municipality_code, mu.name as municipality_name,
      l.latitude, l.longitude, s.min_age, s.max_age, s.transport, s.bathing, s.vacancy, s.care_items,
      s.how_to_apply, s.phone, s.last_confirmed_at
    from (${page}) page
    join resource_services s on s.id = page.id
    join resource_organizations o on o.id = s.organization_id
    left join resource_service_locations sl on sl.service_id = s.id and sl.is_primary
    left join resource_locations l on l.id = sl.location_id
    left join municipalities mu on mu.code = s.municipality_code
    order by page.pos`;
}

/** The ids of a page given by id (broad searches), with their place. */
export function idsPage(ids: string[]) {
  return sql`select id, ord as pos from unnest(${`{${ids.join(',')}}`}::uuid[]) with ordinality as x(id, ord)`;
}

/**
 * A page of a broad search (more than COUNT_CAP matches), in name order: the fresh listings first, walking
 * the name-ordered indexes and stopping at the page; then, past the last fresh one, the stale ones.
 */
export function broadPageQuery(p: Parts, part: 'fresh' | 'stale', window: { limit: number; offset: number }) {
  const fresh =
    part === 'fresh'
      ? sql`last_confirmed_at >= ${p.staleBefore}`
      : sql`(last_confirmed_at is null or last_confirmed_at < ${p.staleBefore})`;
  return sql`${p.area ?? sql``}
    select service_id as id from ${p.from} where ${p.cond} and ${fresh}
    order by name asc, service_id asc limit ${window.limit} offset ${window.offset}`;
}

/** How many fresh listings match, counted up to `upTo` (to place the stale ones after them). */
export function freshCountQuery(p: Parts, upTo: number) {
  return sql`${p.area ?? sql``}
    select count(*) as n from (select 1 from ${p.from} where ${p.cond}
      and last_confirmed_at >= ${p.staleBefore} limit ${upTo}) x`;
}

const KM_PER_DEGREE = 111.32;

/**
 * A "near me" search: the listings inside the box around the point (the search table's (latitude, longitude)
 * index, migration 0011), their distance — equirectangular, within metres of the great circle at these
 * ranges — kept within the radius and the other filters, all counted and ordered: fresh before stale, then
 * nearest, then name. No count cap: a radius of at most 30 km holds about ten thousand listings even around
 * Tokyo. Rows: id, total, pos, distance_km.
 */
export function nearPageQuery(
  f: PublicSearch,
  p: Parts,
  near: { latitude: number; longitude: number },
  radiusKm: number,
) {
  const { latitude: lat, longitude: lon } = near;
  const dLat = radiusKm / KM_PER_DEGREE;
  const dLon = radiusKm / (KM_PER_DEGREE * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
  const distance = sql`6371 * sqrt(power(radians(${s.latitude} - ${lat}::float8), 2)
      + power(cos(radians((${s.latitude} + ${lat}::float8) / 2)) * radians(${s.longitude} - ${lon}::float8), 2))`;
  const order = sql`(last_confirmed_at is null or last_confirmed_at < ${p.staleBefore}) asc,
      distance_km asc, name asc, service_id asc`;
  return sql`${p.area ? sql`${p.area}, ` : sql`with `}box as materialized (
      select service_id, name, last_confirmed_at, ${distance} as distance_km
      from ${p.from}
      where ${s.latitude} between ${lat - dLat}::float8 and ${lat + dLat}::float8
        and ${s.longitude} between ${lon - dLon}::float8 and ${lon + dLon}::float8 and ${p.cond}),
    m as materialized (select * from box where distance_km <= ${radiusKm}::float8)
    select service_id as id, (select count(*) from m) as total, row_number() over (order by ${order}) as pos,
      distance_km
    from m order by ${order} ${limits(f)}`;
}
