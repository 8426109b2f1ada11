/**
 * The demo library's explainer video (docs/knowledge.md §2): a public item for families on school entry whose
 * version is the demo's 12-second clip (src/demo/media/lesson-demo.webm) with a Japanese caption track
 * (library-video.ja.vtt), so the player on the staff item page and on the public page offers captions on arrival.
 * Fictional material.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { libraryCaptions, libraryItems, libraryVersions } from '../db/schema';
import { storeFile } from '../modules/files/store';
import { isoDateInJapan } from '../shared/dates';

const asset = (name: string) => readFileSync(new URL(`./media/${name}`, import.meta.url));

export const DEMO_VIDEO_TITLE = '就学相談の流れ（解説動画・字幕付き）';

/** Seeds the video item with its caption track; reviewed `reviewed` (a date within the year). */
export async function seedLibraryVideo(
  tx: DbOrTx,
  opts: { prefectureCode: string; engine: 'pglite' | 'postgres'; editorId: string; reviewed: Date },
): Promise<void> {
  const at = opts.reviewed;
  const [item] = await tx
    .insert(libraryItems)
    .values({
      prefectureCode: opts.prefectureCode,
      title: DEMO_VIDEO_TITLE,
      kind: 'video',
      description:
        '医療的ケアが必要なお子さんの就学相談の流れを、ご家族向けに短く紹介する動画です（デモ用の架空の動画）。\n\n' +
        '日本語の字幕を表示できます。',
      situations: ['school_entry'],
      audiences: ['family', 'school'],
      municipalityCodes: [],
      visibility: 'public',
      reviewedOn: isoDateInJapan(at),
      version: 2,
      createdBy: opts.editorId,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: libraryItems.id });
  const store = (name: string, bytes: Buffer) =>
    storeFile(tx, {
      prefectureCode: opts.prefectureCode,
      kind: 'library',
      name,
      bytes,
      createdBy: opts.editorId,
      engine: opts.engine,
      at,
    });
  const video = await store('就学相談の流れ（解説動画）.webm', asset('lesson-demo.webm'));
  const [version] = await tx
    .insert(libraryVersions)
    .values({
      itemId: item!.id,
      number: 1,
      fileId: video.id,
      note: '',
      createdBy: opts.editorId,
      createdAt: at,
    })
    .returning({ id: libraryVersions.id });
  await tx.update(libraryItems).set({ currentVersionId: version!.id }).where(eq(libraryItems.id, item!.id));
  const captions = await store('字幕（日本語）.vtt', asset('library-video.ja.vtt'));
  await tx.insert(libraryCaptions).values({
    prefectureCode: opts.prefectureCode,
    itemId: item!.id,
    versionId: version!.id,
    language: 'ja',
    fileId: captions.id,
    createdBy: opts.editorId,
    createdAt: at,
  });
}
