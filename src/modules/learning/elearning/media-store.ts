import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx, SystemDb } from '../../../db/client';
import { type elearningMedia, elearningMediaChunks } from '../../../db/schema';
import type { MediaKind } from '../../../shared/vocab/learning-elearning';
import {
  deleteFileBytes,
  filePartBytes,
  fileReader,
  streamFile,
  uploadComplete,
  writeUploadParts,
} from '../../files/store';
import type { ReadAt } from './media-probe';

/**
 * The bytes of lesson media, kept in the one file store (`files` / `file_parts`, decisions 0021 and 0025) under
 * the media object's own id: written and read one short statement per part.
 * Uploads arrive in numbered chunks (resumable: a chunk sent again replaces itself), each chunk whole parts.
 * Reads take a slice of one part at a time, so streaming a video holds at most one slice per client in memory.
 */

export type StoredMedia = Pick<
  typeof elearningMedia.$inferSelect,
  'id' | 'byteSize' | 'chunkBytes' | 'partBytes' | 'kind'
>;

/** Bytes per upload chunk the server asks for: large enough for few requests, small enough to resend. */
export const UPLOAD_CHUNK_BYTES = 8 * 1024 * 1024;

/** Bytes per stored part: short statements on the embedded database, fewer rows on a server. */
export function mediaPartBytes(engine: 'pglite' | 'postgres'): number {
  return filePartBytes(engine);
}

/** Size limits per kind; videos take the configured limit (LEARNING_MEDIA_MAX_BYTES, default 2 GiB). */
export function maxBytesFor(kind: MediaKind, videoLimit: number): number {
  if (kind === 'captions') return 4 * 1024 * 1024;
  if (kind === 'document') return Math.min(videoLimit, 100 * 1024 * 1024);
  return videoLimit;
}

export function chunkCount(m: Pick<StoredMedia, 'byteSize' | 'chunkBytes'>): number {
  return Math.ceil(m.byteSize / m.chunkBytes);
}

/** The exact size chunk `n` must have, or null when there is no such chunk. */
export function expectedChunkBytes(
  m: Pick<StoredMedia, 'byteSize' | 'chunkBytes'>,
  n: number,
): number | null {
  if (!Number.isInteger(n) || n < 0 || n >= chunkCount(m)) return null;
  return Math.min(m.chunkBytes, m.byteSize - n * m.chunkBytes);
}

/**
 * Stores chunk `n` (its size already checked): removes whatever an earlier try of the same chunk left, writes
 * its parts one statement each, then records the chunk as received. A chunk cut off midway is not recorded and
 * is simply sent again.
 */
export async function writeChunk(db: SystemDb, m: StoredMedia, n: number, bytes: Buffer): Promise<void> {
  const perChunk = m.chunkBytes / m.partBytes;
  const first = n * perChunk;
  await db
    .delete(elearningMediaChunks)
    .where(and(eq(elearningMediaChunks.mediaId, m.id), eq(elearningMediaChunks.chunkNo, n)));
  await writeUploadParts(db, m.id, m.partBytes, first, first + perChunk - 1, bytes);
  await db.insert(elearningMediaChunks).values({ mediaId: m.id, chunkNo: n, byteCount: bytes.length });
}

/** The numbers of the chunks received whole, in order. */
export async function receivedChunks(db: DbOrTx, mediaId: string): Promise<number[]> {
  const rows = await db
    .select({ n: elearningMediaChunks.chunkNo })
    .from(elearningMediaChunks)
    .where(eq(elearningMediaChunks.mediaId, mediaId))
    .orderBy(asc(elearningMediaChunks.chunkNo));
  return rows.map((r) => r.n);
}

/** Whether every part is present with the sizes that add up to the announced size. */
export function partsComplete(db: DbOrTx, m: StoredMedia): Promise<boolean> {
  return uploadComplete(db, m);
}

/** Reads `length` bytes at `offset`, part by part (a slice of each). */
export function mediaReader(db: DbOrTx, m: StoredMedia): ReadAt {
  return fileReader(db, m);
}

/**
 * The bytes [start, end] (inclusive) as a stream that reads the next slice only when the client has taken the
 * previous one (pull), so memory stays flat however many clients stream however large a video.
 */
export function streamBytes(
  db: DbOrTx,
  m: StoredMedia,
  start: number,
  end: number,
): ReadableStream<Uint8Array> {
  return streamFile(db, m, start, end);
}

/** Removes a media object's stored bytes (an upload refused, cancelled or deleted). */
export async function discardBytes(db: DbOrTx, mediaId: string, at: Date): Promise<void> {
  await deleteFileBytes(db, mediaId, at);
  await db.delete(elearningMediaChunks).where(eq(elearningMediaChunks.mediaId, mediaId));
}
