import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { files, libraryCaptions, libraryItems, libraryVersions } from '../../db/schema';
import { AppError } from '../../server/errors';
import { recordAudit } from '../audit/record';
import { discardFile, storeFile } from '../files/store';
import { captionLanguageOf, checkCaptions } from './captions-rules';
import type { LibraryPolicy } from './policy';
import { type ItemRow, readableItem, requireManage } from './queries';
import type { Who } from './write';

/**
 * Caption tracks of a library item's video (docs/knowledge.md §2, WCAG 2.2 1.2.2): one WebVTT file of the one store
 * per language on the item's current version, added, replaced and removed by the centre under the item's version,
 * each change audited in its transaction; read by whoever reads the item (staff: the library's scope; anyone:
 * a public item's), served from our origin as `text/vtt`.
 */

/** The item to change (the centre's, live, at the version read) and its current version, which must be a video. */
async function videoToCaption(tx: DbOrTx, policy: LibraryPolicy, unverifiedId: string, version: number) {
  requireManage(policy);
  const item = await readableItem(tx, policy, unverifiedId, { forUpdate: true, live: true });
  if (item.version !== version) throw new AppError('conflict', { detail: { currentVersion: item.version } });
  const [current] = item.currentVersionId
    ? await tx
        .select({ id: libraryVersions.id, number: libraryVersions.number, contentType: files.contentType })
        .from(libraryVersions)
        .innerJoin(files, eq(files.id, libraryVersions.fileId))
        .where(eq(libraryVersions.id, item.currentVersionId))
    : [];
  if (!current?.contentType?.startsWith('video/')) throw new AppError('library_captions_not_video');
  return { item, current };
}

async function bump(tx: DbOrTx, who: Who, item: ItemRow): Promise<void> {
  await tx
    .update(libraryItems)
    .set({ version: item.version + 1, updatedAt: who.at })
    .where(eq(libraryItems.id, item.id));
}

/**
 * Adds the track in `language` to the item's current video, or replaces the one there (its old file removed).
 * Checked whole before a byte is stored (captions-rules.ts); a refusal changes nothing.
 */
export async function setTrack(
  tx: DbOrTx,
  who: Who,
  policy: LibraryPolicy,
  unverifiedId: string,
  input: { language: string; version: number; name: string; bytes: Buffer; engine: 'pglite' | 'postgres' },
): Promise<string> {
  const { item, current } = await videoToCaption(tx, policy, unverifiedId, input.version);
  const language = captionLanguageOf(input.language);
  if (!language) throw new AppError('library_captions_language');
  const refusal = checkCaptions(input.name, input.bytes);
  if (refusal) throw new AppError(refusal);
  const file = await storeFile(tx, {
    prefectureCode: item.prefectureCode,
    kind: 'library',
    name: input.name.trim(),
    bytes: input.bytes,
    createdBy: who.actor.userId,
    engine: input.engine,
    at: who.at,
  });
  const [old] = await tx
    .select()
    .from(libraryCaptions)
    .where(and(eq(libraryCaptions.versionId, current.id), eq(libraryCaptions.language, language)))
    .for('update');
  if (old) {
    await tx
      .update(libraryCaptions)
      .set({ fileId: file.id, createdBy: who.actor.userId, createdAt: who.at })
      .where(eq(libraryCaptions.id, old.id));
    await discardFile(tx, old.fileId);
  } else {
    await tx.insert(libraryCaptions).values({
      prefectureCode: item.prefectureCode,
      itemId: item.id,
      versionId: current.id,
      language,
      fileId: file.id,
      createdBy: who.actor.userId,
      createdAt: who.at,
    });
  }
  await bump(tx, who, item);
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'library_item',
    entityIds: [item.id, current.id, file.id],
    detail: {
      event: 'captions_set',
      lang: language,
      fileName: file.name,
      version: current.number,
      ...(old ? { replaced: old.fileId } : {}),
    },
  });
  return item.id;
}

/** Removes the current video's track in `language` (404 when there is none), its file with it. */
export async function removeTrack(
  tx: DbOrTx,
  who: Who,
  policy: LibraryPolicy,
  unverifiedId: string,
  input: { language: string; version: number },
): Promise<string> {
  const { item, current } = await videoToCaption(tx, policy, unverifiedId, input.version);
  const language = captionLanguageOf(input.language);
  const [row] = language
    ? await tx
        .select()
        .from(libraryCaptions)
        .where(and(eq(libraryCaptions.versionId, current.id), eq(libraryCaptions.language, language)))
        .for('update')
    : [];
  if (!row) throw new AppError('not_found');
  await tx.delete(libraryCaptions).where(eq(libraryCaptions.id, row.id));
  await discardFile(tx, row.fileId);
  await bump(tx, who, item);
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'library_item',
    entityIds: [item.id, current.id, row.fileId],
    detail: { event: 'captions_removed', lang: row.language, version: current.number },
  });
  return item.id;
}
