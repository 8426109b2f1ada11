import { createRoute, z } from '@hono/zod-openapi';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { libraryItems } from '../../db/schema';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { ERROR_RESPONSES, isUuid, jsonOk, moduleRouter } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { requireActor } from '../accounts/middleware';
import { fileAnswer } from '../files/serve';
import type { StoredFile } from '../files/store';
import { removeTrack, setTrack } from './captions';
import { trackFile } from './captions-read';
import { MAX_CAPTION_BYTES } from './captions-rules';
import { libraryPolicy } from './policy';
import { itemDetail, readableItem, requireManage } from './queries';
import { ZCaptionParam, ZCaptionRemoveQuery, ZCaptionUploadQuery, ZLibraryItem } from './schemas';
import type { Who } from './write';

/**
 * Caption tracks of a video item (docs/knowledge.md §2): the centre adds, replaces and removes them
 * (`/api/library/items/{id}/captions/{language}`), staff read them within the library's scope (downloads
 * audited), anyone reads a public item's (`/api/public/library/items/{id}/captions/{language}`); a staff-only
 * item's tracks are never public (404 as unknown). Served as `text/vtt`, revalidated by the file's ETag each time,
 * since a replaced track keeps its address.
 */

const vtt = {
  200: {
    description: 'The WebVTT track / 字幕（WebVTT）',
    content: { 'text/vtt': { schema: z.string() } },
  },
  ...ERROR_RESPONSES,
};

/** The track's answer: its file from our origin, checked again by the client's copy each time (ETag → 304). */
async function answerTrack(
  c: Context<AppEnv>,
  db: Deps['db']['systemDb'],
  file: StoredFile,
  itemId: string,
  cache: 'private' | 'public',
): Promise<Response> {
  const res = await fileAnswer(c, db, file, {
    cache,
    audit: { entityType: 'library_item', entityIds: [itemId, file.id] },
  });
  res.headers.set('cache-control', `${cache}, no-cache`);
  return res;
}

/** Reads a track's body whole, refusing one over the limit without reading further. */
async function readTrackBody(c: Context<AppEnv>): Promise<Buffer> {
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > MAX_CAPTION_BYTES)
    throw new AppError('library_captions_too_large');
  const chunks: Uint8Array[] = [];
  let size = 0;
  const body = c.req.raw.body;
  if (!body) return Buffer.alloc(0);
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_CAPTION_BYTES) throw new AppError('library_captions_too_large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function captionRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const tags = ['library'];
  const who = (c: Context<AppEnv>): Who => {
    const at = deps.now();
    return { actor: requireActor(c), meta: c.get('meta'), at, today: isoDateInJapan(at) };
  };
  const detail = async (w: Who, id: string) => {
    const policy = libraryPolicy(w.actor);
    return itemDetail(db, policy, await readableItem(db, policy, id), w.today);
  };

  r.openapi(
    createRoute({
      method: 'get',
      path: '/items/{id}/captions/{language}',
      tags,
      summary: '字幕 / A caption track of the video (text/vtt; every download audited)',
      request: { params: ZCaptionParam },
      responses: vtt,
    }),
    async (c) => {
      const w = who(c);
      const { id, language } = c.req.valid('param');
      const item = await readableItem(db, libraryPolicy(w.actor), id);
      const file = await trackFile(db, item, language);
      if (!file) throw new AppError('not_found');
      return answerTrack(c, db, file, item.id, 'private');
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/items/{id}/captions/{language}',
      tags,
      summary: '字幕の登録・差し替え / Add or replace a caption track (raw WebVTT, UTF-8, at most 1 MB)',
      description:
        'The track belongs to the current version’s video; language ja, en or easy (やさしい日本語). ' +
        'Checked whole before anything is stored; a refusal changes nothing.',
      request: {
        params: ZCaptionParam,
        query: ZCaptionUploadQuery,
        body: {
          content: {
            'text/vtt': { schema: z.string() },
            'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
          },
        },
      },
      responses: jsonOk(ZLibraryItem),
    }),
    async (c) => {
      const w = who(c);
      const { id, language } = c.req.valid('param');
      const q = c.req.valid('query');
      const policy = libraryPolicy(w.actor);
      // Role and scope first (403, then 404, before a byte is read), then the body, then one transaction.
      requireManage(policy);
      await readableItem(db, policy, id);
      const bytes = await readTrackBody(c);
      const itemId = await db.transaction((tx) =>
        setTrack(tx, w, policy, id, {
          language,
          version: q.version,
          name: q.name,
          bytes,
          engine: deps.db.kind,
        }),
      );
      return c.json(await detail(w, itemId), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: '/items/{id}/captions/{language}',
      tags,
      summary: '字幕の削除 / Remove a caption track (optimistic version)',
      request: { params: ZCaptionParam, query: ZCaptionRemoveQuery },
      responses: jsonOk(ZLibraryItem),
    }),
    async (c) => {
      const w = who(c);
      const { id, language } = c.req.valid('param');
      const version = c.req.valid('query').version;
      const itemId = await db.transaction((tx) =>
        removeTrack(tx, w, libraryPolicy(w.actor), id, { language, version }),
      );
      return c.json(await detail(w, itemId), 200);
    },
  );

  return r;
}

/** A public item's track (no sign-in): staff-only and unknown items answer 404 alike. */
export function publicCaptionRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  r.openapi(
    createRoute({
      method: 'get',
      path: '/items/{id}/captions/{language}',
      tags: ['public'],
      summary: '公開資料の字幕 / A public video item’s caption track (text/vtt)',
      request: { params: ZCaptionParam },
      responses: vtt,
    }),
    async (c) => {
      const { id, language } = c.req.valid('param');
      if (!isUuid(id)) throw new AppError('not_found');
      const [item] = await db
        .select({
          prefectureCode: libraryItems.prefectureCode,
          currentVersionId: libraryItems.currentVersionId,
        })
        .from(libraryItems)
        .where(
          and(
            eq(libraryItems.id, id),
            eq(libraryItems.visibility, 'public'),
            isNotNull(libraryItems.currentVersionId),
          ),
        );
      const file = item ? await trackFile(db, item, language) : null;
      if (!file) throw new AppError('not_found');
      return answerTrack(c, db, file, id, 'public');
    },
  );
  return r;
}
