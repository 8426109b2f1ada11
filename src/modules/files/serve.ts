import type { Context } from 'hono';
import type { DbOrTx } from '../../db/client';
import type { AppEnv } from '../../server/context';
import { AppError } from '../../server/errors';
import { recordAudit } from '../audit/record';
import { answerRange, contentRange } from './range';
import { type StoredFile, streamFile } from './store';

export type FileAnswerOptions = {
  /**
   * `private` for files behind sign-in (the default), `public` for files anyone may read (a public library
   * item): either way a ready file never changes, so clients keep it for a year.
   */
  cache?: 'private' | 'public';
  /**
   * The address names a record whose file can change (a library item's current version), not the file itself:
   * clients must check each time (`no-cache`, answered 304 while the file is the same) instead of keeping it.
   */
  revalidate?: boolean;
  /** `attachment` to download under the file's own name; `inline` (default) to open it in the browser. */
  disposition?: 'inline' | 'attachment';
  /**
   * What the download is of, for the audit entry written when a signed-in user receives bytes (default: the
   * file itself). Give the owning record first, e.g. `{ entityType: 'library_item', entityIds: [item.id, file.id] }`.
   */
  audit?: { entityType: string; entityIds: string[] };
};

/**
 * Answers a GET or HEAD for a stored file from our origin (decision 0025): 200, 206 for one range (`bytes=a-b`,
 * `a-`, `-n`), 416 with `Content-Range: bytes *\/size` past the end, 304 when the client's copy is current
 * (`If-None-Match`), and `If-Range` honoured (a stale validator gets the whole file). A ready file never changes
 * (a new version is a new file), so its id is a strong ETag. The body is pulled from the database one slice
 * at a time as the client reads it. Every answer with bytes to a signed-in user is audited before it is sent
 * (`read` of the file, the range in the detail); if the entry cannot be written, nothing is sent.
 *
 * The caller decides who may read the file (scope first: out of scope answers 404) and passes the loaded row.
 */
export async function fileAnswer(
  c: Context<AppEnv>,
  db: DbOrTx,
  file: StoredFile,
  opts: FileAnswerOptions = {},
): Promise<Response> {
  if (file.status !== 'ready' || !file.contentType || !file.readyAt || file.deletedAt)
    throw new AppError('file_not_ready');
  const actor = c.get('actor');
  return answerBytes(
    c,
    {
      id: file.id,
      byteSize: file.byteSize,
      contentType: file.contentType,
      readyAt: file.readyAt,
      cache: opts.cache ?? 'private',
      revalidate: opts.revalidate ?? false,
      disposition: { type: opts.disposition ?? 'inline', name: file.name },
    },
    async (start, end, partial) => {
      if (actor) {
        await recordAudit(
          db,
          { actor, meta: c.get('meta'), at: new Date() },
          {
            action: 'read',
            entityType: opts.audit?.entityType ?? 'file',
            entityIds: opts.audit?.entityIds ?? [file.id],
            detail: { fileId: file.id, ...(partial ? { range: [start, end] } : {}) },
            prefectureCode: file.prefectureCode,
          },
        );
      }
      return streamFile(db, file, start, end);
    },
  );
}

export type BytesMeta = {
  /** The stored object's id: a ready object never changes, so it is a strong ETag. */
  id: string;
  byteSize: number;
  contentType: string;
  readyAt: Date;
  cache: 'private' | 'public';
  /** Whether clients check each time (`no-cache`) rather than keep the bytes for a year (see FileAnswerOptions). */
  revalidate?: boolean;
  /** Omitted: no Content-Disposition (a video the player reads). */
  disposition?: { type: 'inline' | 'attachment'; name: string };
};

/**
 * The HTTP answer for ready, unchanging bytes (files here, lesson media in learning/elearning/serve.ts): 304 for a
 * current copy, 416 past the end, HEAD without a body, else 200 or 206 with the body `send` returns for the
 * inclusive range — called only when bytes are sent, so it may write an audit entry first.
 */
export async function answerBytes(
  c: Context<AppEnv>,
  meta: BytesMeta,
  send: (start: number, end: number, partial: boolean) => Promise<ReadableStream<Uint8Array>>,
): Promise<Response> {
  const etag = `"${meta.id}"`;
  const headers = new Headers({
    'accept-ranges': 'bytes',
    'cache-control': meta.revalidate
      ? `${meta.cache}, no-cache`
      : `${meta.cache}, max-age=31536000, immutable`,
    etag,
    'last-modified': meta.readyAt.toUTCString(),
    'content-type': meta.contentType,
    'x-content-type-options': 'nosniff',
  });
  if (meta.disposition)
    headers.set(
      'content-disposition',
      `${meta.disposition.type}; filename*=UTF-8''${encodeURIComponent(meta.disposition.name)}`,
    );
  const inm = c.req.header('if-none-match');
  if (inm?.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}` || t.trim() === '*')) {
    return new Response(null, { status: 304, headers });
  }
  const size = meta.byteSize;
  const answer = answerRange(
    { range: c.req.header('range') ?? null, ifRange: c.req.header('if-range') ?? null },
    size,
    etag,
    meta.readyAt,
  );
  if (answer.kind === 'unsatisfiable') {
    headers.set('content-range', contentRange(answer, size) ?? '');
    headers.set('content-length', '0');
    return new Response(null, { status: 416, headers });
  }
  const partial = answer.kind === 'partial';
  const start = answer.kind === 'partial' ? answer.start : 0;
  const end = answer.kind === 'partial' ? answer.end : size - 1;
  const status = partial ? 206 : 200;
  headers.set('content-length', String(end - start + 1));
  if (partial) headers.set('content-range', contentRange(answer, size) ?? '');
  if (c.req.method === 'HEAD') return new Response(null, { status, headers });
  return new Response(await send(start, end, partial), { status, headers });
}
