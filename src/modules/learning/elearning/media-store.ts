import { setTimeout as sleep } from 'node:timers/promises';
import { and, asc, between, eq, sql } from 'drizzle-orm';
import type { DbOrTx, SystemDb } from '../../../db/client';
import { type elearningMedia, elearningMediaChunks, elearningMediaParts } from '../../../db/schema';
import type { MediaKind } from '../../../shared/vocab/learning-elearning';
import type { ReadAt } from './media-probe';

/**
 * The bytes of lesson media, stored by the product in the database in parts (decision 0021), written and read
 * one short statement per part as census uploads are (decision 0016): bytes go in as hex and come out as
 * base64, converted by the database, because PGlite's own bytea conversion walks each byte in JavaScript.
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
  return engine === 'pglite' ? 256 * 1024 : 1024 * 1024;
}

/** The largest slice one read asks the database for while streaming. */
export const STREAM_SLICE_BYTES = 256 * 1024;

/** Longest pause between two parts written, so waiting requests run first on the embedded database. */
const MAX_GIVE_WAY_MS = 20;

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
  const parts = Math.ceil(bytes.length / m.partBytes);
  await db
    .delete(elearningMediaChunks)
    .where(and(eq(elearningMediaChunks.mediaId, m.id), eq(elearningMediaChunks.chunkNo, n)));
  await db
    .delete(elearningMediaParts)
    .where(
      and(
        eq(elearningMediaParts.mediaId, m.id),
        between(elearningMediaParts.seq, first, first + perChunk - 1),
      ),
    );
  for (let k = 0; k < parts; k++) {
    const started = performance.now();
    const hex = bytes.subarray(k * m.partBytes, (k + 1) * m.partBytes).toString('hex');
    await db
      .insert(elearningMediaParts)
      .values({ mediaId: m.id, seq: first + k, bytes: sql`decode(${hex}, 'hex')` });
    if (k + 1 < parts)
      await sleep(Math.max(1, Math.min(MAX_GIVE_WAY_MS, Math.round(performance.now() - started))));
  }
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
export async function partsComplete(db: DbOrTx, m: StoredMedia): Promise<boolean> {
  const [row] = await db
    .select({
      n: sql<number>`count(*)::int`,
      bytes: sql<string | null>`sum(length(${elearningMediaParts.bytes}))`,
      maxSeq: sql<number | null>`max(${elearningMediaParts.seq})`,
    })
    .from(elearningMediaParts)
    .where(eq(elearningMediaParts.mediaId, m.id));
  const expected = Math.ceil(m.byteSize / m.partBytes);
  return row?.n === expected && Number(row.bytes ?? 0) === m.byteSize && row.maxSeq === expected - 1;
}

/** Reads `length` bytes at `offset`, part by part (a slice of each). */
export function mediaReader(db: DbOrTx, m: StoredMedia): ReadAt {
  return async (offset, length) => {
    const end = Math.min(m.byteSize, offset + length);
    const out: Buffer[] = [];
    for (let pos = offset; pos < end; ) {
      const seq = Math.floor(pos / m.partBytes);
      const within = pos - seq * m.partBytes;
      const take = Math.min(end - pos, m.partBytes - within);
      out.push(await readSlice(db, m.id, seq, within, take));
      pos += take;
    }
    return Buffer.concat(out);
  };
}

async function readSlice(
  db: DbOrTx,
  mediaId: string,
  seq: number,
  within: number,
  take: number,
): Promise<Buffer> {
  const [row] = await db
    .select({
      b64: sql<string>`encode(substring(${elearningMediaParts.bytes} from ${within + 1} for ${take}), 'base64')`,
    })
    .from(elearningMediaParts)
    .where(and(eq(elearningMediaParts.mediaId, mediaId), eq(elearningMediaParts.seq, seq)));
  if (!row) throw new Error(`media ${mediaId}: part ${seq} missing`);
  // PostgreSQL breaks base64 into lines; Buffer's decoder skips them.
  return Buffer.from(row.b64, 'base64');
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
  let pos = start;
  const read = mediaReader(db, m);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (pos > end) {
          controller.close();
          return;
        }
        const seqEnd = (Math.floor(pos / m.partBytes) + 1) * m.partBytes;
        const take = Math.min(STREAM_SLICE_BYTES, end + 1 - pos, seqEnd - pos);
        const slice = await read(pos, take);
        pos += take;
        controller.enqueue(new Uint8Array(slice.buffer, slice.byteOffset, slice.byteLength));
        if (pos > end) controller.close();
      },
    },
    { highWaterMark: 1 },
  );
}

/** Removes a media object's stored bytes (an upload refused, cancelled or deleted). */
export async function discardBytes(db: DbOrTx, mediaId: string): Promise<void> {
  await db.delete(elearningMediaParts).where(eq(elearningMediaParts.mediaId, mediaId));
  await db.delete(elearningMediaChunks).where(eq(elearningMediaChunks.mediaId, mediaId));
}
