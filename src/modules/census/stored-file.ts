import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Database, SystemDb } from '../../db/client';
import { AppError } from '../../server/errors';
import {
  partBytesFor,
  readFileParts,
  type StoredFile,
  sweepAbandonedParts,
  writeFileParts,
} from './file-parts';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Files at least this large are stored gzip-compressed (a CSV shrinks about threefold; an .xlsx is zip already). */
export const PACK_FROM_BYTES = 64 * 1024;

/**
 * Stores an uploaded list's bytes (packed) as the parts of a new file, after removing the parts of uploads that
 * never finished. The caller names the file in its import's transaction, or discards it.
 */
export async function storeUpload(
  db: Database,
  prefectureCode: string,
  content: Buffer,
): Promise<StoredFile> {
  await sweepAbandonedParts(db.systemDb);
  const packed = await packUpload(content);
  return writeFileParts(db.systemDb, prefectureCode, packed, partBytesFor(db.kind));
}

/** The original bytes of an import's stored file. */
export async function loadUpload(db: SystemDb, prefectureCode: string, fileId: string): Promise<Buffer> {
  return unpackUpload(await readFileParts(db, prefectureCode, fileId));
}

/**
 * The bytes stored for an uploaded list (census_file_parts). A large CSV is kept gzip-compressed, about a third
 * of its size: fewer parts to write and read (decision 0016). Compression runs on the thread pool. The sha256
 * of an upload is always of the original bytes.
 */
export async function packUpload(content: Buffer): Promise<Buffer> {
  if (content.length < PACK_FROM_BYTES || isZip(content)) return content;
  const packed = await gzipAsync(content, { level: 1 });
  return packed.length < content.length ? packed : content;
}

/**
 * The original bytes of a stored upload (small files, .xlsx and files stored before compression are kept as they
 * came). Damaged compressed bytes are `census_file_unreadable`, which fails the job at once (no retry helps).
 */
export async function unpackUpload(stored: Buffer): Promise<Buffer> {
  if (!isGzip(stored)) return stored;
  try {
    return await gunzipAsync(stored);
  } catch {
    throw new AppError('census_file_unreadable');
  }
}

// A CSV never starts with the gzip magic 1f 8b (not valid UTF-8 or CP932 text); an .xlsx starts with "PK".
function isGzip(b: Buffer): boolean {
  return b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;
}
function isZip(b: Buffer): boolean {
  return b.length > 2 && b[0] === 0x50 && b[1] === 0x4b;
}
