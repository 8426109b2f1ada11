/**
 * A centre's places file (stations, landmarks, 町字 with postal codes; docs/resources.md §4) read, previewed and
 * imported into the gazetteer — from the import screen and from `tsunagu places import` alike. The file is CSV in
 * UTF-8 or Shift_JIS; a row of another prefecture is an error on the screen, where the importer works for one
 * prefecture. A file with any error imports nothing; the same file twice changes nothing.
 */
import { count, eq, max } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { PLACE_KINDS, PLACE_SOURCES, places } from '../../db/schema/places';
import { AppError } from '../../server/errors';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import type { TextEncoding } from '../census/read/decode';
import { decodeText } from '../census/read/decode';
import { type PlaceIssue, type PlaceRow, parsePlacesCsv } from './place-names';
import { referencePlaceRows, refreshListingPlaces, type UpsertCounts, upsertPlaces } from './places';

export type PlacesFile = { encoding: TextEncoding; rows: PlaceRow[]; issues: PlaceIssue[] };

/** Reads a places file; with `prefectureCode`, a row of another prefecture is an error. */
export function readPlacesFile(buf: Buffer, prefectureCode?: string): PlacesFile {
  let decoded: { text: string; encoding: TextEncoding };
  try {
    decoded = decodeText(buf);
  } catch {
    throw new AppError('resource_file_unreadable');
  }
  const { rows, issues } = parsePlacesCsv(decoded.text, prefectureCode);
  return { encoding: decoded.encoding, rows, issues };
}

const ROLLBACK = Symbol('preview');

/**
 * What importing the file would do — rows added, updated, unchanged — worked out by writing it in a
 * transaction that is then rolled back, so the preview counts exactly as the import will. Nothing is kept.
 */
export async function previewPlaces(db: DbOrTx, file: PlacesFile, now: Date): Promise<UpsertCounts | null> {
  if (file.issues.length || !file.rows.length) return null;
  let counts: UpsertCounts | null = null;
  try {
    await db.transaction(async (tx) => {
      counts = await upsertPlaces(tx, file.rows, 'import', now);
      throw ROLLBACK;
    });
  } catch (e) {
    if (e !== ROLLBACK) throw e;
  }
  return counts;
}

/** Imports a file already read, in `tx`, with its audit entry; any row error refuses the whole file. */
export async function importPlaces(
  tx: DbOrTx,
  who: { actor: Actor | null; meta: RequestMeta | null; at: Date },
  file: PlacesFile,
  source: { via: 'screen' | 'cli'; fileName: string | null },
) {
  if (file.issues.length) {
    throw new AppError('resource_import_invalid', {
      issues: file.issues.map((i) => ({ path: `line ${i.line}`, message: i.en, ja: i.ja, en: i.en })),
    });
  }
  if (!file.rows.length) throw new AppError('resource_file_unreadable');
  const counts = await upsertPlaces(tx, file.rows, 'import', who.at);
  const prefs = [...new Set(file.rows.map((r) => r.municipalityCode.slice(0, 2)))];
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'resource_import',
    entityIds: [],
    detail: {
      event: 'places_imported',
      via: source.via,
      file: source.fileName,
      rows: file.rows.length,
      ...counts,
    },
    prefectureCode: prefs.length === 1 ? prefs[0]! : null,
  });
  return { rows: file.rows.length, ...counts };
}

/** The prefecture's gazetteer at a glance: places by kind and source, and when it last changed. */
export async function placesSummary(db: DbOrTx, prefectureCode: string) {
  const rows = await db
    .select({ kind: places.kind, source: places.source, n: count(), last: max(places.updatedAt) })
    .from(places)
    .where(eq(places.prefectureCode, prefectureCode))
    .groupBy(places.kind, places.source);
  const last = rows.reduce<Date | null>((a, r) => (r.last && (!a || r.last > a) ? r.last : a), null);
  return {
    counts: PLACE_KINDS.map((kind) => ({
      kind,
      bySource: Object.fromEntries(
        PLACE_SOURCES.map((s) => [s, rows.find((r) => r.kind === kind && r.source === s)?.n ?? 0]),
      ) as Record<(typeof PLACE_SOURCES)[number], number>,
    })),
    updatedAt: last ? new Date(last).toISOString() : null,
  };
}

/**
 * Recomputes one prefecture's municipalities (their office points) and the 町字 its listings name, with its
 * audit entry — after addresses were corrected in bulk, or from `tsunagu places refresh`.
 */
export async function refreshPrefecturePlaces(
  tx: DbOrTx,
  who: { actor: Actor | null; meta: RequestMeta | null; at: Date },
  prefectureCode: string,
  via: 'screen' | 'cli',
) {
  await upsertPlaces(tx, referencePlaceRows(prefectureCode), 'reference', who.at);
  const r = await refreshListingPlaces(tx, prefectureCode, who.at);
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'resource_import',
    entityIds: [],
    detail: { event: 'places_refreshed', via, ...r },
    prefectureCode,
  });
  return { towns: r.inserted + r.updated + r.unchanged, ...r };
}
