import type { Context } from 'hono';
import type { DbOrTx } from '../../../db/client';
import type { AppEnv } from '../../../server/context';
import { AppError } from '../../../server/errors';
import { answerBytes } from '../../files/serve';
import type { Media } from './access';
import { streamBytes } from './media-store';

/**
 * Answers a GET or HEAD for a stored media object from our origin, as the file store answers its files
 * (files/serve.ts `answerBytes`: 200, 206 for a range, 416 past the end, 304 when the client's copy is current),
 * kept privately by the browser for a year since lessons are for signed-in users. Not audited per request: a
 * player asks for a video in many ranges, and what a learner watched is kept as their progress.
 */
export function serveMedia(c: Context<AppEnv>, db: DbOrTx, media: Media): Promise<Response> {
  if (media.status !== 'ready' || !media.contentType || !media.readyAt)
    throw new AppError('elearning_media_not_ready');
  return answerBytes(
    c,
    {
      id: media.id,
      byteSize: media.byteSize,
      contentType: media.contentType,
      readyAt: media.readyAt,
      cache: 'private',
      disposition: media.kind === 'document' ? { type: 'inline', name: media.fileName } : undefined,
    },
    async (start, end) => streamBytes(db, media, start, end),
  );
}
