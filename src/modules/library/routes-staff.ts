import { createRoute, z } from '@hono/zod-openapi';
import { desc, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { libraryHandouts, libraryItems, libraryVersions, users } from '../../db/schema';
import type { AppEnv, Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { jsonBody, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { requireActor } from '../accounts/middleware';
import { recordAudit } from '../audit/record';
import { reachConsultation, writerOf } from '../consultations/access';
import { fileAnswer } from '../files/serve';
import { discardFile, loadFile, storeFile } from '../files/store';
import { libraryPolicy } from './policy';
import { itemDetail, listItems, publicPathOf, readableItem, requireManage, requireRead } from './queries';
import {
  ZArchiveRequest,
  ZConsultationParam,
  ZCreateItemRequest,
  ZFileVersionQuery,
  ZHandout,
  ZHandoutList,
  ZHandoutRequest,
  ZLibraryItem,
  ZLibraryList,
  ZLibraryQuery,
  ZLinkVersionRequest,
  ZUpdateItemRequest,
} from './schemas';
import { addVersion, createItem, handOut, setArchived, updateItem, type Who } from './write';

const tags = ['library'];

/** Staff's library (`/api/library`): list, item page, publish and keep items, the file, hand-outs from a case. */
export function libraryRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;
  const who = (c: Context<AppEnv>): Who => {
    const at = deps.now();
    return { actor: requireActor(c), meta: c.get('meta'), at, today: isoDateInJapan(at) };
  };
  const detail = async (c: Context<AppEnv>, id: string) => {
    const w = who(c);
    const policy = libraryPolicy(w.actor);
    const item = await readableItem(db, policy, id);
    return itemDetail(db, policy, item, w.today);
  };

  r.openapi(
    createRoute({
      method: 'get',
      path: '/items',
      tags,
      summary: '資料ライブラリ一覧 / Library items (situation, audience, version, review due, stale)',
      request: { query: ZLibraryQuery },
      responses: jsonOk(ZLibraryList),
    }),
    async (c) => {
      const w = who(c);
      const policy = libraryPolicy(w.actor);
      requireRead(policy);
      const items = await listItems(db, policy, c.req.valid('query'), w.today);
      return c.json({ items, total: items.length }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/items/{id}',
      tags,
      summary: '資料 / A library item with its versions',
      request: { params: ZIdParam },
      responses: jsonOk(ZLibraryItem),
    }),
    async (c) => c.json(await detail(c, c.req.valid('param').id), 200),
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/items',
      tags,
      summary: '資料の登録 / Add an item (a link with its address; other kinds then upload their file)',
      request: { body: jsonBody(ZCreateItemRequest) },
      responses: jsonOk(ZLibraryItem),
    }),
    async (c) => {
      const w = who(c);
      const id = await db.transaction((tx) => createItem(tx, w, libraryPolicy(w.actor), c.req.valid('json')));
      return c.json(await detail(c, id), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/items/{id}/archive',
      tags,
      summary: '資料のアーカイブ・復元 / Archive an item or restore it (optimistic version)',
      description:
        'An archived item leaves the staff and public lists and cannot be changed or handed out; staff and old ' +
        'hand-out links still reach it, with a notice.',
      request: { params: ZIdParam, body: jsonBody(ZArchiveRequest) },
      responses: jsonOk(ZLibraryItem),
    }),
    async (c) => {
      const w = who(c);
      const id = await db.transaction((tx) =>
        setArchived(tx, w, libraryPolicy(w.actor), c.req.valid('param').id, c.req.valid('json')),
      );
      return c.json(await detail(c, id), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/items/{id}',
      tags,
      summary: '資料の編集・確認日の更新 / Edit an item or confirm it reviewed (optimistic version)',
      request: { params: ZIdParam, body: jsonBody(ZUpdateItemRequest) },
      responses: jsonOk(ZLibraryItem),
    }),
    async (c) => {
      const w = who(c);
      const id = await db.transaction((tx) =>
        updateItem(tx, w, libraryPolicy(w.actor), c.req.valid('param').id, c.req.valid('json')),
      );
      return c.json(await detail(c, id), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/items/{id}/versions',
      tags,
      summary: 'リンクの新しい版 / A new version of a link item',
      request: { params: ZIdParam, body: jsonBody(ZLinkVersionRequest) },
      responses: jsonOk(ZLibraryItem),
    }),
    async (c) => {
      const w = who(c);
      const policy = libraryPolicy(w.actor);
      requireManage(policy);
      const body = c.req.valid('json');
      await db.transaction(async (tx) => {
        const item = await readableItem(tx, policy, c.req.valid('param').id, { forUpdate: true, live: true });
        if (item.version !== body.version) throw new AppError('conflict');
        await addVersion(tx, w, item, { url: body.url, note: body.note ?? '' });
      });
      return c.json(await detail(c, c.req.valid('param').id), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/items/{id}/file',
      tags,
      summary: "ファイルの新しい版 / Upload a new version's file (raw bytes; checked by content)",
      request: {
        params: ZIdParam,
        query: ZFileVersionQuery,
        body: {
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
      responses: jsonOk(ZLibraryItem),
    }),
    async (c) => {
      const w = who(c);
      const policy = libraryPolicy(w.actor);
      requireManage(policy);
      const q = c.req.valid('query');
      const item = await readableItem(db, policy, c.req.valid('param').id, { live: true });
      if (item.kind === 'link') throw new AppError('library_wrong_content');
      if (item.version !== q.version) throw new AppError('conflict');
      const length = Number(c.req.header('content-length'));
      // Stored part by part outside the transaction (a large video must not hold the database), then named
      // by the version in one short transaction; a file no version names is removed.
      const file = await storeFile(db, {
        prefectureCode: item.prefectureCode,
        kind: 'library',
        name: q.name,
        bytes: c.req.raw.body ?? Buffer.alloc(0),
        declaredSize: Number.isFinite(length) && length > 0 ? length : undefined,
        createdBy: w.actor.userId,
        engine: deps.db.kind,
        at: w.at,
        videoMaxBytes: deps.config.learningMediaMaxBytes,
      });
      try {
        await db.transaction(async (tx) => {
          const locked = await readableItem(tx, policy, item.id, { forUpdate: true, live: true });
          if (locked.version !== q.version) throw new AppError('conflict');
          await addVersion(tx, w, locked, { fileId: file.id, note: q.note ?? '' });
        });
      } catch (err) {
        await discardFile(db, file.id);
        throw err;
      }
      return c.json(await detail(c, item.id), 200);
    },
  );

  // The current version's file, with Range; every download audited (files/serve.ts).
  r.on(['GET', 'HEAD'], '/items/:id/file', async (c) => {
    const w = who(c);
    const policy = libraryPolicy(w.actor);
    const item = await readableItem(db, policy, c.req.param('id'));
    const [v] = item.currentVersionId
      ? await db.select().from(libraryVersions).where(eq(libraryVersions.id, item.currentVersionId))
      : [];
    const file = v?.fileId ? await loadFile(db, item.prefectureCode, v.fileId) : null;
    if (!file) throw new AppError('not_found');
    // Checked each time: a new version changes the file behind this address.
    return fileAnswer(c, db, file, {
      revalidate: true,
      audit: { entityType: 'library_item', entityIds: [item.id, file.id] },
    });
  });

  r.openapi(
    createRoute({
      method: 'post',
      path: '/items/{id}/handouts',
      tags,
      summary: '相談から資料を渡す / Hand the item out from a consultation (recorded on its timeline)',
      request: { params: ZIdParam, body: jsonBody(ZHandoutRequest) },
      responses: jsonOk(ZHandout),
    }),
    async (c) => {
      const w = writerOf(c, deps);
      const policy = libraryPolicy(w.actor);
      const { handoutId, item } = await db.transaction((tx) =>
        handOut(tx, w, policy, c.req.valid('param').id, c.req.valid('json')),
      );
      const [h] = await db
        .select({ h: libraryHandouts, number: libraryVersions.number, byName: users.displayName })
        .from(libraryHandouts)
        .innerJoin(libraryVersions, eq(libraryVersions.id, libraryHandouts.versionId))
        .leftJoin(users, eq(users.id, libraryHandouts.byUserId))
        .where(eq(libraryHandouts.id, handoutId));
      return c.json(presentHandout(h!, item.title, publicPathOf(item)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/consultations/{consultationId}/handouts',
      tags,
      summary: '相談で渡した資料 / What was handed out from a consultation',
      request: { params: ZConsultationParam },
      responses: jsonOk(ZHandoutList),
    }),
    async (c) => {
      const w = who(c);
      const policy = libraryPolicy(w.actor);
      requireRead(policy);
      const reached = await reachConsultation(db, w.actor, c.req.valid('param').consultationId);
      if (!reached) throw new AppError('not_found');
      const rows = await db
        .select({
          h: libraryHandouts,
          number: libraryVersions.number,
          byName: users.displayName,
          item: libraryItems,
        })
        .from(libraryHandouts)
        .innerJoin(libraryVersions, eq(libraryVersions.id, libraryHandouts.versionId))
        .innerJoin(libraryItems, eq(libraryItems.id, libraryHandouts.itemId))
        .leftJoin(users, eq(users.id, libraryHandouts.byUserId))
        .where(eq(libraryHandouts.consultationId, reached.row.id))
        .orderBy(desc(libraryHandouts.at));
      await recordAudit(db, w, {
        action: 'read',
        entityType: 'library_handout',
        entityIds: [reached.row.id],
        detail: { count: rows.length },
      });
      return c.json({ items: rows.map((r) => presentHandout(r, r.item.title, publicPathOf(r.item))) }, 200);
    },
  );

  return r;
}

function presentHandout(
  r: { h: typeof libraryHandouts.$inferSelect; number: number; byName: string | null },
  title: string,
  publicPath: string | null,
) {
  return {
    id: r.h.id,
    itemId: r.h.itemId,
    title,
    versionNumber: r.number,
    recipient: r.h.recipient,
    at: r.h.at.toISOString(),
    byName: r.byName,
    publicPath,
  };
}
