import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { rowsOf } from '../../db/client';
import { type PlaceKind, type PlaceSource, places } from '../../db/schema/places';
import { isUuid } from '../../server/openapi';
import { municipalOffice } from '../../shared/municipal-offices';
import { findMunicipality, MUNICIPALITIES } from '../../shared/municipalities';
import { type PlaceCandidate, type PlaceRow, placeKey, postalCodeOf, townOf } from './place-names';

/**
 * The gazetteer's reads and writes (table `places`, migration 0044). Rows come from three sources, each
 * replaced only by its own: `reference` (the municipalities with their office points), `listings` (the 町字
 * of the directory's addresses with the centroid of their points — {@link refreshListingPlaces}) and `import`
 * (a centre's file: stations, landmarks, 町字 with postal codes — {@link upsertPlaces}).
 */

export type UpsertCounts = { inserted: number; updated: number; unchanged: number };

const withoutSuffix = (name: string) => name.replace(/(市|町|村|区)$/u, '') || name;

/**
 * Writes rows of one source: new ones inserted, changed ones updated, identical ones left alone — the same
 * file twice changes nothing. Identity: municipality, kind, name and source (the last duplicate in a file wins).
 */
export async function upsertPlaces(
  db: DbOrTx,
  rows: readonly PlaceRow[],
  source: PlaceSource,
  now: Date,
): Promise<UpsertCounts> {
  const unique = new Map(rows.map((r) => [`${r.municipalityCode}|${r.kind}|${r.name}`, r]));
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const all = [...unique.values()];
  for (let i = 0; i < all.length; i += 500) {
    const batch = all.slice(i, i + 500);
    const written = await db
      .insert(places)
      .values(
        batch.map((r) => ({
          prefectureCode: r.municipalityCode.slice(0, 2),
          municipalityCode: r.municipalityCode,
          kind: r.kind,
          name: r.name,
          kana: r.kana,
          nameKey: placeKey(r.kind === 'municipality' ? withoutSuffix(r.name) : r.name),
          kanaKey: r.kana ? placeKey(r.kana) : null,
          postalCode: r.postalCode,
          latitude: r.latitude,
          longitude: r.longitude,
          source,
          updatedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [places.municipalityCode, places.kind, places.name, places.source],
        set: {
          kana: sql`excluded.kana`,
          nameKey: sql`excluded.name_key`,
          kanaKey: sql`excluded.kana_key`,
          postalCode: sql`excluded.postal_code`,
          latitude: sql`excluded.latitude`,
          longitude: sql`excluded.longitude`,
          updatedAt: sql`excluded.updated_at`,
        },
        setWhere: sql`(${places.kana}, ${places.kanaKey}, ${places.postalCode}, ${places.latitude}, ${places.longitude})
          is distinct from (excluded.kana, excluded.kana_key, excluded.postal_code, excluded.latitude, excluded.longitude)`,
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    const inserted = written.filter((w) => w.inserted).length;
    counts.inserted += inserted;
    counts.updated += written.length - inserted;
    counts.unchanged += batch.length - written.length;
  }
  return counts;
}

/** The municipalities of a prefecture with their office points (source `reference`). */
export function referencePlaceRows(prefectureCode: string): PlaceRow[] {
  return MUNICIPALITIES.filter((m) => m.code.startsWith(prefectureCode)).map((m) => {
    const p = municipalOffice(m.code);
    return {
      municipalityCode: m.code,
      kind: 'municipality' as PlaceKind,
      name: m.name,
      kana: m.kana,
      postalCode: null,
      latitude: p?.latitude ?? null,
      longitude: p?.longitude ?? null,
    };
  });
}

/**
 * Recomputes the places the directory's own listings name: each 町字 read from a location's address, at the
 * centroid of that 町字's points (none when no location has one). Run after imports, by `tsunagu places
 * refresh` and the import screen for a whole prefecture, and on each listing's save for the municipalities its
 * location left and entered (`municipalityCodes`); rows of 町字 no longer named are removed.
 */
export async function refreshListingPlaces(
  db: DbOrTx,
  prefectureCode: string,
  now: Date,
  municipalityCodes?: readonly string[],
) {
  const only = municipalityCodes ? [...new Set(municipalityCodes)] : null;
  if (only && !only.length) return { inserted: 0, updated: 0, unchanged: 0, removed: 0 };
  const located = rowsOf<{
    address: string;
    municipality_code: string;
    lat: number | null;
    lon: number | null;
  }>(
    await db.execute(sql`select address, municipality_code, latitude as lat, longitude as lon
      from resource_locations where prefecture_code = ${prefectureCode} and address is not null
      ${only ? sql`and ${inArray(sql.raw('municipality_code'), only)}` : sql``}`),
  );
  const towns = new Map<string, { row: PlaceRow; lat: number; lon: number; n: number }>();
  for (const l of located) {
    const m = findMunicipality(l.municipality_code);
    const town = m && townOf(l.address, m.name);
    if (!m || !town) continue;
    const k = `${m.code}|${town}`;
    const t = towns.get(k) ?? {
      row: {
        municipalityCode: m.code,
        kind: 'town',
        name: town,
        kana: null,
        postalCode: null,
        latitude: null,
        longitude: null,
      },
      lat: 0,
      lon: 0,
      n: 0,
    };
    if (l.lat !== null && l.lon !== null) {
      t.lat += Number(l.lat);
      t.lon += Number(l.lon);
      t.n++;
    }
    towns.set(k, t);
  }
  const rows = [...towns.values()].map((t) => ({
    ...t.row,
    latitude: t.n ? Math.round((t.lat / t.n) * 1e6) / 1e6 : null,
    longitude: t.n ? Math.round((t.lon / t.n) * 1e6) / 1e6 : null,
  }));
  const keep = new Set(rows.map((r) => `${r.municipalityCode}|${r.name}`));
  const old = await db
    .select({ id: places.id, m: places.municipalityCode, name: places.name })
    .from(places)
    .where(
      and(
        eq(places.prefectureCode, prefectureCode),
        eq(places.source, 'listings'),
        only ? inArray(places.municipalityCode, only) : undefined,
      ),
    );
  const gone = old.filter((o) => !keep.has(`${o.m}|${o.name}`)).map((o) => o.id);
  for (let i = 0; i < gone.length; i += 500)
    await db.delete(places).where(inArray(places.id, gone.slice(i, i + 500)));
  const counts = await upsertPlaces(db, rows, 'listings', now);
  return { ...counts, removed: gone.length };
}

const candidateColumns = {
  id: places.id,
  municipalityCode: places.municipalityCode,
  kind: places.kind,
  name: places.name,
  latitude: places.latitude,
  longitude: places.longitude,
  source: places.source,
};

/**
 * The places a typed name matches: by exact name first; failing that by its key (kana, width, ヶ, 駅 folded)
 * against names and readings, or by postal code. Within the prefecture when one is given.
 */
export async function findPlaces(
  db: DbOrTx,
  typed: string,
  prefectureCode?: string,
): Promise<PlaceCandidate[]> {
  const scope = prefectureCode ? [eq(places.prefectureCode, prefectureCode)] : [];
  const read = (cond: SQL | undefined) =>
    db
      .select(candidateColumns)
      .from(places)
      .where(and(cond, ...scope))
      .limit(50);
  const name = typed.normalize('NFKC').replace(/\s+/g, '');
  const exact = await read(eq(places.name, name));
  if (exact.length) return exact;
  const postal = postalCodeOf(typed);
  if (postal) return read(eq(places.postalCode, postal));
  const key = placeKey(typed);
  if (!key) return [];
  return read(or(eq(places.nameKey, key), eq(places.kanaKey, key)));
}

/** One place by id (a choice the search offered); null when unknown. */
export async function placeById(db: DbOrTx, unverifiedId: string): Promise<PlaceCandidate | null> {
  if (!isUuid(unverifiedId)) return null;
  const [p] = await db.select(candidateColumns).from(places).where(eq(places.id, unverifiedId));
  return p ?? null;
}

/**
 * The map's base: municipalities with a reference point inside the box (with a margin), named — so a map with
 * no tile server still says where it is. At most 40.
 */
export async function basePlaces(
  db: DbOrTx,
  points: readonly { latitude: number; longitude: number }[],
): Promise<{ name: string; latitude: number; longitude: number }[]> {
  if (!points.length) return [];
  const lats = points.map((p) => p.latitude);
  const lons = points.map((p) => p.longitude);
  const margin = 0.08;
  const rows = await db
    .select({ name: places.name, latitude: places.latitude, longitude: places.longitude })
    .from(places)
    .where(
      and(
        eq(places.kind, 'municipality'),
        sql`${places.latitude} between ${Math.min(...lats) - margin}::float8 and ${Math.max(...lats) + margin}::float8`,
        sql`${places.longitude} between ${Math.min(...lons) - margin}::float8 and ${Math.max(...lons) + margin}::float8`,
      ),
    )
    .orderBy(places.name)
    .limit(40);
  return rows.flatMap((r) =>
    r.latitude === null || r.longitude === null
      ? []
      : [{ name: r.name, latitude: r.latitude, longitude: r.longitude }],
  );
}
