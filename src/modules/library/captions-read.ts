import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { files, libraryCaptions } from '../../db/schema';
import { LIBRARY_CAPTION_LANGUAGES, type LibraryCaptionLanguage } from '../../shared/vocab/library';
import { loadFile, type StoredFile } from '../files/store';
import { captionLanguageOf } from './captions-rules';
import type { ItemRow } from './queries';

/**
 * Reading caption tracks (captions.ts writes them): the tracks of versions for the item pages, and one track's
 * stored file for the routes, which check the item's scope first.
 */

export type CaptionTrack = {
  language: LibraryCaptionLanguage;
  fileName: string;
  byteSize: number;
  /** Where the player fetches it (the staff or the public address). */
  path: string;
};

const ORDER = (l: LibraryCaptionLanguage) => LIBRARY_CAPTION_LANGUAGES.indexOf(l);

/** The tracks of each of the given versions, Japanese first, each at `pathOf(itemId, language)`. */
export async function tracksOfVersions(
  db: DbOrTx,
  versionIds: string[],
  pathOf: (itemId: string, language: LibraryCaptionLanguage) => string,
): Promise<Map<string, CaptionTrack[]>> {
  const out = new Map<string, CaptionTrack[]>();
  if (!versionIds.length) return out;
  const rows = await db
    .select({ c: libraryCaptions, fileName: files.name, byteSize: files.byteSize })
    .from(libraryCaptions)
    .innerJoin(files, eq(files.id, libraryCaptions.fileId))
    .where(inArray(libraryCaptions.versionId, [...new Set(versionIds)]))
    .orderBy(asc(libraryCaptions.versionId));
  for (const { c, fileName, byteSize } of rows) {
    const list = out.get(c.versionId) ?? [];
    list.push({ language: c.language, fileName, byteSize, path: pathOf(c.itemId, c.language) });
    out.set(c.versionId, list);
  }
  for (const list of out.values()) list.sort((a, b) => ORDER(a.language) - ORDER(b.language));
  return out;
}

export const staffTrackPath = (itemId: string, language: string) =>
  `/api/library/items/${itemId}/captions/${language}`;
export const publicTrackPath = (itemId: string, language: string) =>
  `/api/public/library/items/${itemId}/captions/${language}`;

/** The stored file of the item's current version's track in `language` (null: no such track). */
export async function trackFile(
  db: DbOrTx,
  item: Pick<ItemRow, 'prefectureCode' | 'currentVersionId'>,
  unverifiedLanguage: string,
): Promise<StoredFile | null> {
  const language = captionLanguageOf(unverifiedLanguage);
  if (!language || !item.currentVersionId) return null;
  const [row] = await db
    .select({ fileId: libraryCaptions.fileId })
    .from(libraryCaptions)
    .where(and(eq(libraryCaptions.versionId, item.currentVersionId), eq(libraryCaptions.language, language)));
  return row ? loadFile(db, item.prefectureCode, row.fileId) : null;
}
