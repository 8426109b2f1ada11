import type { Context } from 'hono';
import type { DbOrTx } from '../../../db/client';
import type { AppEnv } from '../../../server/context';
import { AppError } from '../../../server/errors';
import { answerRange, contentRange } from '../../files/range';
import type { Media } from './access';
import { streamBytes } from './media-store';

/**
 * Answers a GET for a stored media object from our origin: 200, 206 for a range, 416 for a range past the end,
 * 304 when the client's copy is current. A ready object never changes (a new version is a new id), so its id
 * is a strong ETag and the browser may keep it for a year — privately, since lessons are for signed-in users.
 * The body is pulled from the database one slice at a time as the client reads it.
 */
export function serveMedia(c: Context<AppEnv>, db: DbOrTx, media: Media): Response {
  if (media.status !== 'ready' || !media.contentType || !media.readyAt)
    throw new AppError('elearning_media_not_ready');
  const etag = `"${media.id}"`;
  const headers = new Headers({
    'accept-ranges': 'bytes',
    'cache-control': 'private, max-age=31536000, immutable',
    etag,
    'last-modified': media.readyAt.toUTCString(),
    'content-type': media.contentType,
    'x-content-type-options': 'nosniff',
  });
  if (media.kind === 'document') {
    headers.set('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(media.fileName)}`);
  }
  const inm = c.req.header('if-none-match');
  if (inm?.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}` || t.trim() === '*')) {
    return new Response(null, { status: 304, headers });
  }
  const size = media.byteSize;
  const answer = answerRange(
    { range: c.req.header('range') ?? null, ifRange: c.req.header('if-range') ?? null },
    size,
    etag,
    media.readyAt,
  );
  if (answer.kind === 'unsatisfiable') {
    headers.set('content-range', contentRange(answer, size) ?? '');
    headers.set('content-length', '0');
    return new Response(null, { status: 416, headers });
  }
  const start = answer.kind === 'partial' ? answer.start : 0;
  const end = answer.kind === 'partial' ? answer.end : size - 1;
  headers.set('content-length', String(end - start + 1));
  if (answer.kind === 'partial') headers.set('content-range', contentRange(answer, size) ?? '');
  if (c.req.method === 'HEAD')
    return new Response(null, { status: answer.kind === 'partial' ? 206 : 200, headers });
  return new Response(streamBytes(db, media, start, end), {
    status: answer.kind === 'partial' ? 206 : 200,
    headers,
  });
}
