import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { rowsOf } from '../../db/client';
import { municipalities, resourceServices } from '../../db/schema';
import { AppError } from '../../server/errors';
import { resolveMunicipalityFromAddress } from '../census/read/municipality';
import { municipalityNames, presentService, selectServices } from './queries';
import { STALE_AFTER_MONTHS } from './schemas';
import { queryKey } from './text';

export type PublicSearch = {
  prefecture?: string | undefined;
  municipalityCode?: string | undefined;
  address?: string | undefined;
  type?: string | undefined;
  careItem: string[];
  age?: number | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
};

/**
 * The public search (ME-6). Filters, all optional, combine with AND:
 * - municipality (given, or read from the address): services located there OR serving it (service area);
 * - type; care items needed: each accepted with or without conditions (`accepts @> …`, GIN);
 * - age within [min_age, max_age] (unknown bounds do not exclude);
 * - free text: the normalised key (text.ts) as a substring of `search_key` (pg_trgm GIN serves LIKE for 3+
 *   characters).
 * Only active listings. Order: fresh before stale (not confirmed for 12 months), then — with text — closeness
 * (where the text occurs in the key: the name comes first in it, so name matches lead), then located-in before serving-from-elsewhere, then name. Step 1 finds one page of ids and
 * the total; step 2 loads those listings.
 */
export async function publicSearch(db: DbOrTx, f: PublicSearch, now: Date) {
  let municipalityCode = f.municipalityCode ?? null;
  if (!municipalityCode && f.address) {
    municipalityCode = resolveMunicipalityFromAddress(f.address, f.prefecture);
    if (!municipalityCode) throw new AppError('resource_address_unresolved');
  }
  let municipality: { code: string; name: string | null } | null = null;
  if (municipalityCode) {
    const [m] = await db.select().from(municipalities).where(eq(municipalities.code, municipalityCode));
    if (!m) throw new AppError('invalid_municipality_code');
    municipality = { code: m.code, name: m.name };
  }

  const { query, where } = searchIdsQuery(f, municipalityCode, now);
  const s = resourceServices;
  const result = await db.execute(query);
  const found = rowsOf<{ id: string; total: string | number }>(result);
  let total = Number(found[0]?.total ?? 0);
  if (!found.length && f.page > 1) {
    const c = await db.execute(sql`select count(*) as total from ${s} where ${sql.join(where, sql` and `)}`);
    total = Number(rowsOf<{ total: string | number }>(c)[0]?.total ?? 0);
  }
  const ids = found.map((r) => r.id);
  const rows = ids.length ? await selectServices(db).where(inArray(s.id, ids)).orderBy(asc(s.name)) : [];
  const byId = new Map(rows.map((r) => [r.s.id, r]));
  const names = new Map<string, string>();
  const items = ids
    .map((id) => byId.get(id))
    .filter((r) => r !== undefined)
    .map((r) => {
      const p = presentService(r, names, now);
      return {
        id: p.id,
        name: p.name,
        organizationName: p.organizationName,
        type: p.type,
        address: p.location.address,
        municipalityCode: p.location.municipalityCode,
        municipalityName: p.location.municipalityName,
        latitude: p.location.latitude,
        longitude: p.location.longitude,
        minAge: p.minAge,
        maxAge: p.maxAge,
        transport: p.transport,
        bathing: p.bathing,
        vacancy: p.vacancy,
        careItems: p.careItems,
        howToApply: p.howToApply,
        phone: p.phone,
        lastConfirmedAt: p.lastConfirmed?.at ?? null,
        stale: p.stale,
      };
    });
  return { items, total, page: f.page, pageSize: f.pageSize, municipality };
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

/** The first step of {@link publicSearch}: one page of ids with the total (exported for the benchmark's EXPLAIN). */
export function searchIdsQuery(f: PublicSearch, municipalityCode: string | null, now: Date) {
  const s = resourceServices;
  const where: SQL[] = [sql`${s.status} = 'active'`];
  if (f.prefecture) where.push(sql`${s.prefectureCode} = ${f.prefecture}`);
  if (municipalityCode) {
    where.push(
      sql`(${s.municipalityCode} = ${municipalityCode} or ${s.areaCodes} @> array[${municipalityCode}]::text[])`,
    );
  }
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
    where.push(sql`(${s.minAge} is null or ${s.minAge} <= ${f.age})`);
    where.push(sql`(${s.maxAge} is null or ${s.maxAge} >= ${f.age})`);
  }
  const key = f.q ? queryKey(f.q) : '';
  if (key) where.push(sql`${s.searchKey} like ${`%${key}%`}`);

  const staleBefore = new Date(now);
  staleBefore.setUTCMonth(staleBefore.getUTCMonth() - STALE_AFTER_MONTHS);
  const order: SQL[] = [sql`(${s.lastConfirmedAt} is null or ${s.lastConfirmedAt} < ${staleBefore}) asc`];
  // strpos, not word_similarity: a broad word (ホウカゴ) matches tens of thousands of listings and similarity over
  // each long key cost seconds at 150,000 services; the position is cheap and puts name matches first.
  if (key) order.push(sql`strpos(${s.searchKey}, ${key}) asc`);
  if (municipalityCode) order.push(sql`(${s.municipalityCode} = ${municipalityCode}) desc`);
  order.push(sql`${s.name} asc`, sql`${s.id} asc`);

  const query = sql`
    select ${s.id} as id, count(*) over () as total
    from ${s}
    where ${sql.join(where, sql` and `)}
    order by ${sql.join(order, sql`, `)}
    limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`;
  return { query, where };
}
