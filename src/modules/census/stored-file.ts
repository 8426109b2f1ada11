import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Files at least this large are stored gzip-compressed (a CSV shrinks about threefold; an .xlsx is zip already). */
export const PACK_FROM_BYTES = 64 * 1024;

/**
 * The bytes stored for an uploaded list (census_imports.content). A large CSV is kept gzip-compressed: on the
 * embedded database writing a 2 MB value takes the single connection — and the event loop — for a second or
 * more, a third of it for the compressed bytes (decision 0016). Compression runs on the thread pool. The sha256
 * of an upload is always of the original bytes.
 */
export async function packUpload(content: Buffer): Promise<Buffer> {
  if (content.length < PACK_FROM_BYTES || isZip(content)) return content;
  const packed = await gzipAsync(content, { level: 1 });
  return packed.length < content.length ? packed : content;
}

/** The original bytes of a stored upload (older rows and small files are stored as they came). */
export async function unpackUpload(stored: Buffer): Promise<Buffer> {
  return isGzip(stored) ? gunzipAsync(stored) : stored;
}

// A CSV never starts with the gzip magic 1f 8b (not valid UTF-8 or CP932 text); an .xlsx starts with "PK".
function isGzip(b: Buffer): boolean {
  return b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;
}
function isZip(b: Buffer): boolean {
  return b.length > 2 && b[0] === 0x50 && b[1] === 0x4b;
}
