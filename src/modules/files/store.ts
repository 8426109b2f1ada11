import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, between, eq, isNull, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { fileParts, files } from '../../db/schema';
import { AppError } from '../../server/errors';
import { FILE_TYPE_LABELS, type FileKind, type FileType } from '../../shared/vocab/files';
import { ACCEPTED, accepts, maxBytesFor } from './limits';
import { EXTENSIONS, SNIFF_BYTES, sniff, typeClaimedBy } from './sniff';

/**
 * The one file store (decision 0025): a `files` row and its bytes in `file_parts`, a part per row, written and
 * read one short statement per part — bytes in as hex, out as base64, converted by the database (PGlite's own
 * bytea conversion walks each byte in JavaScript; decisions 0016, 0021). Reads take a slice of one part at a
 * time, so serving a file holds at most one slice per client in memory, whatever its size.
 */

export type StoredFile = typeof files.$inferSelect;

/** Bytes per stored part: short statements on the embedded database, fewer rows on a server. */
export function filePartBytes(engine: 'pglite' | 'postgres'): number {
  return engine === 'pglite' ? 256 * 1024 : 1024 * 1024;
}

/** The largest slice one read asks the database for while streaming. */
export const STREAM_SLICE_BYTES = 256 * 1024;

const MAX_GIVE_WAY_MS = 20;

export type StoreFileInput = {
  prefectureCode: string;
  kind: FileKind;
  /** The uploader's file name: its extension must match the content. */
  name: string;
  /** The whole file, or a stream of it (read once, part by part: a large upload is never held whole). */
  bytes: Buffer | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;
  /** The size the client announced, if any: a file over the limit is refused before a byte is stored. */
  declaredSize?: number;
  createdBy: string | null;
  engine: 'pglite' | 'postgres';
  at: Date;
  /** The video limit (config `learningMediaMaxBytes`); 2 GiB when not given. */
  videoMaxBytes?: number;
};

/**
 * Stores a file and returns its ready row. Refused with a clear ja/en message, storing nothing:
 * a name whose extension this kind does not keep (`file_type_not_accepted`), content that is not what the
 * name says (`file_not_what_name_says`, the issue naming both), over the kind's limit (`file_too_large`,
 * before a byte is stored when `declaredSize` says so), or empty (`file_empty`).
 *
 * Inside a transaction the file commits with what names it; outside one, each part is its own statement and
 * the writer gives way between parts so other requests run (on the embedded database they share one thread).
 */
export async function storeFile(db: DbOrTx, input: StoreFileInput): Promise<StoredFile> {
  const claimed = typeClaimedBy(input.name);
  if (!claimed || !accepts(input.kind, claimed)) throw notAccepted(input.kind);
  const limit = maxBytesFor(input.kind, claimed, input.videoMaxBytes ?? 2 * 1024 ** 3);
  if (input.declaredSize !== undefined && input.declaredSize > limit) throw tooLarge(limit);
  const partBytes = filePartBytes(input.engine);
  const [row] = await db
    .insert(files)
    .values({
      prefectureCode: input.prefectureCode,
      kind: input.kind,
      name: input.name,
      byteSize: 0,
      partBytes,
      createdBy: input.createdBy,
      createdAt: input.at,
    })
    .returning();
  const file = row!;
  const inTx = db instanceof PgTransaction;
  try {
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let contentType: string | null = null;
    const flush = async (final: boolean) => {
      while (pendingBytes >= partBytes || (final && pendingBytes > 0)) {
        const all = Buffer.concat(pending);
        const part = all.subarray(0, partBytes);
        if (contentType === null)
          contentType = checkContent(part, claimed, input.name, final && all.length === part.length);
        const started = performance.now();
        await db
          .insert(fileParts)
          .values({ fileId: file.id, seq, bytes: sql`decode(${part.toString('hex')}, 'hex')` });
        seq++;
        pending = [all.subarray(part.length)];
        pendingBytes = all.length - part.length;
        if (!inTx) await giveWay(performance.now() - started);
      }
    };
    for await (const chunk of chunks(input.bytes)) {
      const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      size += buf.length;
      if (size > limit) throw tooLarge(limit);
      hash.update(buf);
      pending.push(buf);
      pendingBytes += buf.length;
      if (pendingBytes >= partBytes) await flush(false);
    }
    if (size === 0) throw new AppError('file_empty');
    await flush(true);
    const [ready] = await db
      .update(files)
      .set({
        status: 'ready',
        contentType,
        byteSize: size,
        sha256: hash.digest('hex'),
        readyAt: input.at,
      })
      .where(eq(files.id, file.id))
      .returning();
    return ready!;
  } catch (err) {
    // Nothing stays behind a refused file: the row goes and its parts with it.
    await db
      .delete(files)
      .where(eq(files.id, file.id))
      .catch(() => undefined);
    throw err;
  }
}

/** The content type of the first part, or the refusal that names what the file really is. */
function checkContent(first: Buffer, claimed: FileType, name: string, wholeFileInFirstPart: boolean): string {
  const head = first.subarray(0, SNIFF_BYTES);
  // A multi-byte character cut at the end of the sniffed head is not a broken text file.
  const found = sniff(head, claimed, !wholeFileInFirstPart || first.length > SNIFF_BYTES);
  if (found && found.type === claimed) return found.contentType;
  const claimedLabel = FILE_TYPE_LABELS[claimed];
  const foundLabel = found ? FILE_TYPE_LABELS[found.type] : { ja: '不明な形式', en: 'an unknown format' };
  throw new AppError('file_not_what_name_says', {
    detail: { claimed, found: found?.type ?? null },
    issues: [
      {
        path: 'file',
        message: `${name}: named as ${claimedLabel.en}, but the content is ${foundLabel.en}`,
        ja: `「${name}」は名前では${claimedLabel.ja}ですが、中身は${foundLabel.ja}です。`,
        en: `"${name}" is named as ${claimedLabel.en}, but its content is ${foundLabel.en}.`,
      },
    ],
  });
}

function notAccepted(kind: FileKind): AppError {
  const exts = ACCEPTED[kind].types.flatMap((t) => EXTENSIONS[t].map((e) => `.${e}`));
  return new AppError('file_type_not_accepted', { detail: { accepted: exts } });
}

function tooLarge(limit: number): AppError {
  return new AppError('file_too_large', { detail: { limitBytes: limit } });
}

async function* chunks(
  source: Buffer | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
): AsyncIterable<Uint8Array> {
  if (Buffer.isBuffer(source)) {
    yield source;
    return;
  }
  if (source instanceof ReadableStream) {
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  yield* source as AsyncIterable<Uint8Array>;
}

/** A ready, not deleted file of the prefecture, or null. Callers check who may read it first. */
export async function loadFile(db: DbOrTx, prefectureCode: string, id: string): Promise<StoredFile | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [row] = await db
    .select()
    .from(files)
    .where(
      and(
        eq(files.id, id),
        eq(files.prefectureCode, prefectureCode),
        eq(files.status, 'ready'),
        isNull(files.deletedAt),
      ),
    );
  return row ?? null;
}

/** Reads `length` bytes at `offset`, a slice of one part per statement. */
export function fileReader(
  db: DbOrTx,
  f: Pick<StoredFile, 'id' | 'byteSize' | 'partBytes'>,
): (offset: number, length: number) => Promise<Buffer> {
  return async (offset, length) => {
    const end = Math.min(f.byteSize, offset + length);
    const out: Buffer[] = [];
    for (let pos = offset; pos < end; ) {
      const seq = Math.floor(pos / f.partBytes);
      const within = pos - seq * f.partBytes;
      const take = Math.min(end - pos, f.partBytes - within);
      out.push(await readSlice(db, f.id, seq, within, take));
      pos += take;
    }
    return Buffer.concat(out);
  };
}

async function readSlice(db: DbOrTx, fileId: string, seq: number, within: number, take: number) {
  const [row] = await db
    .select({
      b64: sql<string>`encode(substring(${fileParts.bytes} from ${within + 1} for ${take}), 'base64')`,
    })
    .from(fileParts)
    .where(and(eq(fileParts.fileId, fileId), eq(fileParts.seq, seq)));
  if (!row) throw new Error(`file ${fileId}: part ${seq} missing`);
  // PostgreSQL breaks base64 into lines; Buffer's decoder skips them.
  return Buffer.from(row.b64, 'base64');
}

/** A whole small file (a certificate's template, a printed sheet's image): use streamFile for anything large. */
export function readFileBytes(db: DbOrTx, f: StoredFile): Promise<Buffer> {
  return fileReader(db, f)(0, f.byteSize);
}

/**
 * The bytes [start, end] (inclusive) as a stream that reads the next slice only when the client has taken the
 * previous one (pull), so memory stays flat however many clients read however large a file.
 */
export function streamFile(
  db: DbOrTx,
  f: Pick<StoredFile, 'id' | 'byteSize' | 'partBytes'>,
  start: number,
  end: number,
): ReadableStream<Uint8Array> {
  let pos = start;
  const read = fileReader(db, f);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (pos > end) {
          controller.close();
          return;
        }
        const seqEnd = (Math.floor(pos / f.partBytes) + 1) * f.partBytes;
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

/** Removes a file and its bytes (a replaced version is kept: call this only for what nothing names). */
export async function discardFile(db: DbOrTx, id: string): Promise<void> {
  await db.delete(files).where(eq(files.id, id));
}

// ---- Chunked uploads (lesson media, decision 0021): the file row first, its parts as chunks arrive. ----

/** Opens an upload whose bytes arrive later in numbered chunks of whole parts; `id` is the caller's own. */
export async function beginUpload(
  db: DbOrTx,
  v: {
    id: string;
    prefectureCode: string;
    kind: FileKind;
    name: string;
    byteSize: number;
    partBytes: number;
    createdBy: string | null;
    at: Date;
  },
): Promise<void> {
  await db.insert(files).values({ ...v, createdAt: v.at });
}

/** Writes `bytes` as parts from `firstSeq` on, replacing whatever an earlier try left in `[firstSeq, lastSeq]`. */
export async function writeUploadParts(
  db: DbOrTx,
  fileId: string,
  partBytes: number,
  firstSeq: number,
  lastSeq: number,
  bytes: Buffer,
): Promise<void> {
  await db
    .delete(fileParts)
    .where(and(eq(fileParts.fileId, fileId), between(fileParts.seq, firstSeq, lastSeq)));
  const parts = Math.ceil(bytes.length / partBytes);
  for (let k = 0; k < parts; k++) {
    const started = performance.now();
    const hex = bytes.subarray(k * partBytes, (k + 1) * partBytes).toString('hex');
    await db.insert(fileParts).values({ fileId, seq: firstSeq + k, bytes: sql`decode(${hex}, 'hex')` });
    if (k + 1 < parts && !(db instanceof PgTransaction)) await giveWay(performance.now() - started);
  }
}

/** Whether every part is present with sizes adding up to the file's announced size. */
export async function uploadComplete(
  db: DbOrTx,
  f: Pick<StoredFile, 'id' | 'byteSize' | 'partBytes'>,
): Promise<boolean> {
  const [row] = await db
    .select({
      n: sql<number>`count(*)::int`,
      bytes: sql<string | null>`sum(length(${fileParts.bytes}))`,
      maxSeq: sql<number | null>`max(${fileParts.seq})`,
    })
    .from(fileParts)
    .where(eq(fileParts.fileId, f.id));
  const expected = Math.ceil(f.byteSize / f.partBytes);
  return row?.n === expected && Number(row.bytes ?? 0) === f.byteSize && row.maxSeq === expected - 1;
}

/** Marks an upload ready with the type its content was found to be. */
export async function markUploadReady(db: DbOrTx, id: string, contentType: string, at: Date): Promise<void> {
  await db.update(files).set({ status: 'ready', contentType, readyAt: at }).where(eq(files.id, id));
}

/** Removes a file's bytes but keeps its row, marked deleted (something may still name it). */
export async function deleteFileBytes(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.delete(fileParts).where(eq(fileParts.fileId, id));
  await db.update(files).set({ deletedAt: at }).where(eq(files.id, id));
}

function giveWay(partMs: number): Promise<void> {
  return sleep(Math.max(1, Math.min(MAX_GIVE_WAY_MS, Math.round(partMs))));
}
