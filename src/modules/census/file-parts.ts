import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx, SystemDb } from '../../db/client';
import { censusFileParts, censusImports } from '../../db/schema';
import { AppError } from '../../server/errors';

/**
 * The stored bytes of uploaded census lists, in parts (census_file_parts, decision 0016). On the embedded
 * database every statement runs on the server's own thread, so one statement carrying a whole national list
 * stopped every request — `/healthz` included — for most of a second; a part of 256 KB takes a few
 * milliseconds, and the writer gives way between parts. Bytes travel as text (hex in, base64 out) converted by
 * the database: PGlite's own bytea conversion walks the value byte by byte in JavaScript (about 0.6 s for
 * 700 KB), while Buffer's hex and base64 codecs are native. PostgreSQL takes larger parts.
 */

/** Bytes per part on each engine. */
export function partBytesFor(kind: 'pglite' | 'postgres'): number {
  return kind === 'pglite' ? 256 * 1024 : 1024 * 1024;
}

/** Parts that no import names and older than this are an upload that never finished (its server stopped). */
export const ABANDONED_AFTER_MINUTES = 60;

/** Longest pause between two parts: as long as the part took, so waiting requests run first. */
const MAX_GIVE_WAY_MS = 20;

/** Parts written for one file, checked again by {@link assertFileComplete} when an import names them. */
export type StoredFile = { fileId: string; parts: number; bytes: number };

/**
 * Writes the bytes as the parts of a new file, one short statement each, and returns its id. Nothing reads the
 * parts until an import names the file, so a file is usable only once its last part is written; if a part
 * fails, the parts already written are removed.
 */
export async function writeFileParts(
  db: SystemDb,
  prefectureCode: string,
  bytes: Buffer,
  partBytes: number,
): Promise<StoredFile> {
  const fileId = randomUUID();
  const parts = Math.max(1, Math.ceil(bytes.length / partBytes));
  try {
    for (let seq = 0; seq < parts; seq++) {
      const started = performance.now();
      const hex = bytes.subarray(seq * partBytes, (seq + 1) * partBytes).toString('hex');
      await db
        .insert(censusFileParts)
        .values({ fileId, seq, prefectureCode, bytes: sql`decode(${hex}, 'hex')` });
      if (seq + 1 < parts) await giveWay(performance.now() - started);
    }
  } catch (err) {
    await discardFileParts(db, fileId).catch(() => undefined);
    throw err;
  }
  return { fileId, parts, bytes: bytes.length };
}

/**
 * Throws unless the file's parts are all there, as written: checked in the transaction that makes an import
 * name them (a part lost in between would otherwise surface only when the job reads the file).
 */
export async function assertFileComplete(tx: DbOrTx, file: StoredFile): Promise<void> {
  const [found] = await tx
    .select({ n: count(), bytes: sql<string | null>`sum(length(${censusFileParts.bytes}))` })
    .from(censusFileParts)
    .where(eq(censusFileParts.fileId, file.fileId));
  if (found?.n !== file.parts || Number(found.bytes ?? 0) !== file.bytes)
    throw new Error(`census file ${file.fileId}: parts missing (${found?.n ?? 0} of ${file.parts})`);
}

/**
 * The bytes of a stored file, read part by part (each a short statement, giving way between them). A file
 * with no parts, or with a gap, cannot be read: `census_file_unreadable`.
 */
export async function readFileParts(db: SystemDb, prefectureCode: string, fileId: string): Promise<Buffer> {
  const ofFile = and(eq(censusFileParts.fileId, fileId), eq(censusFileParts.prefectureCode, prefectureCode));
  const seqs = await db
    .select({ seq: censusFileParts.seq })
    .from(censusFileParts)
    .where(ofFile)
    .orderBy(asc(censusFileParts.seq));
  if (seqs.length === 0 || seqs.some((s, i) => s.seq !== i)) throw new AppError('census_file_unreadable');
  const chunks: Buffer[] = [];
  for (const { seq } of seqs) {
    const started = performance.now();
    const [part] = await db
      .select({ b64: sql<string>`encode(${censusFileParts.bytes}, 'base64')` })
      .from(censusFileParts)
      .where(and(ofFile, eq(censusFileParts.seq, seq)));
    if (!part) throw new AppError('census_file_unreadable');
    // PostgreSQL breaks base64 into lines; Buffer's decoder skips the line breaks.
    chunks.push(Buffer.from(part.b64, 'base64'));
    if (seq + 1 < seqs.length) await giveWay(performance.now() - started);
  }
  return Buffer.concat(chunks);
}

/** Removes a file's parts (an upload that was not stored after all, or an import's replaced bytes). */
export async function discardFileParts(db: DbOrTx, fileId: string): Promise<void> {
  await db.delete(censusFileParts).where(eq(censusFileParts.fileId, fileId));
}

/**
 * Removes the parts of uploads that never finished: older than {@link ABANDONED_AFTER_MINUTES} and named by no
 * import (an upload whose server stopped between its parts and its import). Run before each new upload.
 */
export async function sweepAbandonedParts(db: SystemDb): Promise<number> {
  const gone = await db
    .delete(censusFileParts)
    .where(
      and(
        sql`${censusFileParts.createdAt} < now() - make_interval(mins => ${ABANDONED_AFTER_MINUTES})`,
        sql`not exists (select 1 from ${censusImports} where ${censusImports.fileId} = ${censusFileParts.fileId})`,
      ),
    )
    .returning({ fileId: censusFileParts.fileId });
  return gone.length;
}

function giveWay(partMs: number): Promise<void> {
  return sleep(Math.max(1, Math.min(MAX_GIVE_WAY_MS, Math.round(partMs))));
}
