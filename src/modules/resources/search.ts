import { and, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { rowsOf } from '../../db/client';
import { municipalities, type ResourceCareRow, resourceServices } from '../../db/schema';
import { AppError } from '../../server/errors';
import { findMunicipality } from '../../shared/municipalities';
import { basePlaces } from './places';
import { municipalityNames, presentService, selectServices } from './queries';
import type { ServiceOut } from './schemas';
import {
  broadPageQuery,
  COUNT_CAP,
  freshCountQuery,
  idsPage,
  nearPageQuery,
  type PublicSearch,
  pageQuery,
  searchParts,
  withSummaries,
} from './search-sql';
import { reasonFor, resolveWhere } from './search-where';
import { isStale, normaliseCareItems } from './text';

export type { PublicSearch } from './search-sql';

/**
 * The public search (ME-6) over the narrow `resource_search` table (search-sql.ts; decision 0009). Filters,
 * all optional, combine with AND: municipality (given, or read from the address) — services located there OR
 * serving it; near a point within a radius (then ordered by distance, fresh first, and counted in full);
 * type; care items needed, each accepted with or without conditions; age within
 * [min_age, max_age] (unknown bounds do not exclude); free text as a substring of the normalised key. Up to
 * COUNT_CAP matches are counted and ordered fully; a broader search answers `totalCapped` and lists by name,
 * fresh first. Step 2 loads the page's listings.
 */
export async function publicSearch(
  db: DbOrTx,
  query: PublicSearch & { placeId?: string | undefined },
  now: Date,
  countCap = COUNT_CAP,
) {
  const where = await resolveWhere(db, query);
  if (where.kind === 'choices' || where.kind === 'unresolved') {
    return {
      ...emptyAnswer(query),
      choices: where.kind === 'choices' ? where.choices : [],
      unresolved: where.kind === 'unresolved' ? where.message : null,
    };
  }
  const place = where.kind === 'resolved' ? where.place : null;
  const f: PublicSearch = { ...query, address: undefined, near: where.near ?? undefined };
  const municipalityCode = where.municipalityCode;
  let municipality: { code: string; name: string | null } | null = null;
  if (municipalityCode) {
    // The reference list first (no round trip); the table also holds municipalities merged away since.
    const known = findMunicipality(municipalityCode);
    const [m] = known
      ? [known]
      : await db.select().from(municipalities).where(eq(municipalities.code, municipalityCode));
    if (!m) throw new AppError('invalid_municipality_code');
    municipality = { code: m.code, name: m.name };
  }

  const parts = searchParts(f, municipalityCode, now);
  const near = f.near ? { ...f.near, radiusKm: f.radiusKm ?? 10 } : null;
  const step1 = (g: PublicSearch) =>
    near ? nearPageQuery(g, parts, near, near.radiusKm) : pageQuery(g, parts, countCap);
  let rows = rowsOf<SummaryRow & { total: string | number }>(await db.execute(withSummaries(step1(f))));
  let total = Number(rows[0]?.total ?? 0);
  if (!rows.length && f.page > 1) {
    // Past the last page: the count alone (the page query returned no row to carry it).
    const probe = await db.execute(step1({ ...f, page: 1, pageSize: 1 }));
    total = Number(rowsOf<{ total: string | number }>(probe)[0]?.total ?? 0);
  }
  // A near search counts everything within its radius; only the others stop at the cap.
  const totalCapped = !near && total > countCap;
  if (totalCapped) {
    total = countCap;
    const ids = await broadPage(db, f, parts);
    rows = ids.length
      ? rowsOf<SummaryRow & { total: number }>(await db.execute(withSummaries(idsPage(ids))))
      : [];
  }
  const items = rows.map((r) => {
    const lastConfirmedAt = r.last_confirmed_at === null ? null : new Date(r.last_confirmed_at);
    return {
      id: r.id,
      name: r.name,
      organizationName: r.organization_name,
      type: r.type as ServiceOut['type'],
      address: r.address,
      municipalityCode: r.municipality_code,
      municipalityName: r.municipality_name,
      latitude: r.latitude === null ? null : Number(r.latitude),
      longitude: r.longitude === null ? null : Number(r.longitude),
      minAge: r.min_age,
      maxAge: r.max_age,
      transport: r.transport,
      bathing: r.bathing,
      vacancy: r.vacancy,
      careItems: normaliseCareItems(jsonOf(r.care_items)),
      howToApply: r.how_to_apply,
      phone: r.phone,
      lastConfirmedAt: lastConfirmedAt?.toISOString() ?? null,
      stale: isStale(lastConfirmedAt, now),
      distanceKm: r.distance_km === undefined || r.distance_km === null ? null : roundKm(r.distance_km),
    };
  });
  const withReasons = items.map((i) => {
    const reason = reasonFor(where, i);
    return { ...i, reason, distanceKm: i.distanceKm ?? reason?.distanceKm ?? null };
  });
  const points = withReasons.flatMap((i) =>
    i.latitude !== null && i.longitude !== null ? [{ latitude: i.latitude, longitude: i.longitude }] : [],
  );
  if (near) points.push(near);
  return {
    items: withReasons,
    total,
    totalCapped,
    page: f.page,
    pageSize: f.pageSize,
    municipality,
    near,
    place,
    choices: [],
    unresolved: null,
    basePlaces: await basePlaces(db, points),
  };
}

/** The answer of a search that did not run (a choice to make, or a place not found). */
function emptyAnswer(f: PublicSearch) {
  return {
    items: [],
    total: 0,
    totalCapped: false,
    page: f.page,
    pageSize: f.pageSize,
    municipality: null,
    near: null,
    place: null,
    basePlaces: [],
  };
}

/** A row of {@link withSummaries} as the driver returns it. */
type SummaryRow = {
  id: string;
  name: string;
  organization_name: string;
  type: string;
  address: string;
  municipality_code: string;
  municipality_name: string | null;
  latitude: number | string | null;
  longitude: number | string | null;
  min_age: number | null;
  max_age: number | null;
  transport: boolean | null;
  bathing: boolean | null;
  vacancy: number | null;
  care_items: ResourceCareRow[] | string;
  how_to_apply: string | null;
  phone: string | null;
  last_confirmed_at: string | Date | null;
  /** Only in a near search. */
  distance_km?: number | string | null;
};

const roundKm = (km: number | string) => Math.round(Number(km) * 10) / 10;

/** jsonb comes back parsed from node-postgres and PGlite; as text only from an odd driver setting. */
function jsonOf<T>(v: T | string): T {
  return typeof v === 'string' ? (JSON.parse(v) as T) : v;
}

/** A page of a broad search: fresh listings by name, then stale ones by name after the last fresh one. */
async function broadPage(db: DbOrTx, f: PublicSearch, parts: ReturnType<typeof searchParts>) {
  const offset = (f.page - 1) * f.pageSize;
  const ids = (q: SQL) => db.execute(q).then((r) => rowsOf<{ id: string }>(r).map((x) => x.id));
  const fresh = await ids(broadPageQuery(parts, 'fresh', { limit: f.pageSize, offset }));
  if (fresh.length === f.pageSize) return fresh;
  // The fresh listings end on this page (or before it): how many there are places the stale ones.
  const freshTotal = fresh.length
    ? offset + fresh.length
    : Number(rowsOf<{ n: string | number }>(await db.execute(freshCountQuery(parts, offset)))[0]?.n ?? 0);
  const stale = await ids(
    broadPageQuery(parts, 'stale', {
      limit: f.pageSize - fresh.length,
      offset: Math.max(0, offset - freshTotal),
    }),
  );
  return [...fresh, ...stale];
}

/** One public listing (active only); unknown or inactive → 404. */
export async function publicListing(db: DbOrTx, unverifiedId: string, now: Date) {
  const [row] = await selectServices(db)
    .where(and(eq(resourceServices.id, unverifiedId), eq(resourceServices.status, 'active')))
    .limit(1);
  if (!row) throw new AppError('not_found');
  const names = await municipalityNames(db, row.s.areaCodes);
  const {
    version: _v,
    email: _e,
    prefectureCode: _p,
    officeNumber: _o,
    ...pub
  } = presentService(row, names, now);
  return pub;
}

/** Step 1 of {@link publicSearch}, for the benchmark's EXPLAIN. */
export function searchIdsQuery(f: PublicSearch, municipalityCode: string | null, now: Date) {
  const parts = searchParts(f, municipalityCode, now);
  return {
    query: f.near ? nearPageQuery(f, parts, f.near, f.radiusKm ?? 10) : pageQuery(f, parts),
  };
}
