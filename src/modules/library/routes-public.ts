import { createRoute } from '@hono/zod-openapi';
import { and, arrayContains, desc, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { files, libraryItems, libraryVersions } from '../../db/schema';
import type { Deps } from '../../server/context';
import { AppError } from '../../server/errors';
import { isUuid, jsonOk, moduleRouter, ZIdParam } from '../../server/openapi';
import { renderMarkdown } from '../../shared/markdown';
import { fileAnswer } from '../files/serve';
import { loadFile } from '../files/store';
import { publicTrackPath, tracksOfVersions } from './captions-read';
import { ZPublicLibraryItem, ZPublicLibraryList, ZPublicLibraryQuery } from './schemas';

const tags = ['public'];

/**
 * Public items with a current version: what anyone may read, without sign-in. Staff-only items are never here.
 * An archived one is still read by its address (an old hand-out link), with a notice, but no longer listed.
 */
const PUBLISHED: SQL = and(eq(libraryItems.visibility, 'public'), isNotNull(libraryItems.currentVersionId))!;
const LISTED: SQL = and(PUBLISHED, isNull(libraryItems.archivedAt))!;

async function publicRows(db: DbOrTx, where: SQL) {
  const rows = await db
    .select({
      item: libraryItems,
      v: libraryVersions,
      fileName: files.name,
      contentType: files.contentType,
      byteSize: files.byteSize,
    })
    .from(libraryItems)
    .innerJoin(libraryVersions, eq(libraryVersions.id, libraryItems.currentVersionId))
    .leftJoin(files, eq(files.id, libraryVersions.fileId))
    .where(where)
    .orderBy(desc(libraryItems.updatedAt))
    .limit(300);
  const videos = rows.filter((r) => r.contentType?.startsWith('video/')).map((r) => r.v.id);
  const tracks = await tracksOfVersions(db, videos, publicTrackPath);
  return rows.map(({ item, v, fileName, contentType, byteSize }) => ({
    id: item.id,
    title: item.title,
    kind: item.kind,
    situations: item.situations,
    audiences: item.audiences,
    descriptionHtml: renderMarkdown(item.description),
    versionNumber: v.number,
    reviewedOn: item.reviewedOn,
    url: v.url,
    file:
      v.fileId && fileName
        ? { name: fileName, contentType: contentType ?? '', byteSize: byteSize ?? 0 }
        : null,
    filePath: v.fileId ? `/api/public/library/items/${item.id}/file` : null,
    archived: item.archivedAt !== null,
    captions: tracks.get(v.id) ?? [],
  }));
}

/** The public library (`/api/public/library`): a prefecture's public items, one item, its file with Range. */
export function publicLibraryRoutes(deps: Deps) {
  const r = moduleRouter();
  const db = deps.db.systemDb;

  r.openapi(
    createRoute({
      method: 'get',
      path: '/items',
      tags,
      summary: '公開資料の一覧 / A prefecture’s public library items',
      request: { query: ZPublicLibraryQuery },
      responses: jsonOk(ZPublicLibraryList),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const conds: SQL[] = [LISTED, eq(libraryItems.prefectureCode, q.prefecture)];
      if (q.situation) conds.push(arrayContains(libraryItems.situations, [q.situation]));
      if (q.audience) conds.push(arrayContains(libraryItems.audiences, [q.audience]));
      return c.json({ items: await publicRows(db, and(...conds)!) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/items/{id}',
      tags,
      summary: '公開資料 / One public library item (404 for a staff-only or unknown item)',
      request: { params: ZIdParam },
      responses: jsonOk(ZPublicLibraryItem),
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      if (!isUuid(id)) throw new AppError('not_found');
      const [row] = await publicRows(db, and(PUBLISHED, eq(libraryItems.id, id))!);
      if (!row) throw new AppError('not_found');
      return c.json(row, 200);
    },
  );

  // The public item's current file, with Range; cached publicly but checked each time, since a new version changes
  // the file behind this address (304 while it is the same).
  r.on(['GET', 'HEAD'], '/items/:id/file', async (c) => {
    const id = c.req.param('id');
    if (!isUuid(id)) throw new AppError('not_found');
    const [row] = await db
      .select({ prefectureCode: libraryItems.prefectureCode, fileId: libraryVersions.fileId })
      .from(libraryItems)
      .innerJoin(libraryVersions, eq(libraryVersions.id, libraryItems.currentVersionId))
      .where(and(PUBLISHED, eq(libraryItems.id, id)));
    const file = row?.fileId ? await loadFile(db, row.prefectureCode, row.fileId) : null;
    if (!file) throw new AppError('not_found');
    return fileAnswer(c, db, file, {
      cache: 'public',
      revalidate: true,
      audit: { entityType: 'library_item', entityIds: [id, file.id] },
    });
  });

  return r;
}
