import {
  and,
  arrayContains,
  desc,
  eq,
  ilike,
  inArray,
  isNotNull,
  isNull,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  files,
  libraryHandouts,
  libraryItems,
  libraryVersions,
  municipalities,
  users,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { renderMarkdown } from '../../shared/markdown';
import { staffTrackPath, tracksOfVersions } from './captions-read';
import { isStale, type LibraryPolicy, reviewDueOn } from './policy';

export type ItemRow = typeof libraryItems.$inferSelect;

/**
 * The library's scope in SQL: items of the actor's prefecture, archived ones included (staff still reach them;
 * the list leaves them out unless asked). Another prefecture's item, an unknown id and a malformed one answer
 * 404 alike. Roles without a library are refused before an id is read.
 */
export function itemScope(policy: LibraryPolicy): SQL {
  if (!policy.read || !policy.prefectureCode) return sql`false`;
  return eq(libraryItems.prefectureCode, policy.prefectureCode);
}

export function requireRead(policy: LibraryPolicy): void {
  if (!policy.read) throw new AppError('forbidden');
}

export function requireManage(policy: LibraryPolicy): void {
  if (!policy.manage) throw new AppError('forbidden');
}

/** An item the actor reads, by an unverified id (404 when unknown or another prefecture's). */
export async function readableItem(
  db: DbOrTx,
  policy: LibraryPolicy,
  unverifiedId: string,
  opts: { forUpdate?: boolean; live?: boolean } = {},
): Promise<ItemRow> {
  requireRead(policy);
  if (!isUuid(unverifiedId)) throw new AppError('not_found');
  const q = db
    .select()
    .from(libraryItems)
    .where(and(eq(libraryItems.id, unverifiedId), itemScope(policy)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found');
  // Changing or handing out an archived item needs it restored first.
  if (opts.live && row.archivedAt) throw new AppError('library_item_archived');
  return row;
}

export type ListFilter = {
  situation?: string;
  audience?: string;
  kind?: string;
  visibility?: string;
  municipality?: string;
  stale?: 'true' | 'false';
  /** Archived items only ('true'); without it the list leaves them out. */
  archived?: 'true' | 'false';
  q?: string;
};

/** The items matching the filter, with their current version's number, newest change first. */
export async function listItems(db: DbOrTx, policy: LibraryPolicy, f: ListFilter, today: string) {
  const conds: SQL[] = [
    itemScope(policy),
    f.archived === 'true' ? isNotNull(libraryItems.archivedAt) : isNull(libraryItems.archivedAt),
  ];
  if (f.situation) conds.push(arrayContains(libraryItems.situations, [f.situation as never]));
  if (f.audience) conds.push(arrayContains(libraryItems.audiences, [f.audience as never]));
  if (f.kind) conds.push(eq(libraryItems.kind, f.kind as never));
  if (f.visibility) conds.push(eq(libraryItems.visibility, f.visibility as never));
  if (f.municipality) {
    conds.push(
      or(
        sql`cardinality(${libraryItems.municipalityCodes}) = 0`,
        arrayContains(libraryItems.municipalityCodes, [f.municipality]),
      )!,
    );
  }
  // Stale: last reviewed 12 months or more ago (the same rule as isStale, in SQL).
  if (f.stale === 'true')
    conds.push(sql`${libraryItems.reviewedOn} <= (${today}::date - interval '12 months')`);
  if (f.stale === 'false')
    conds.push(sql`${libraryItems.reviewedOn} > (${today}::date - interval '12 months')`);
  if (f.q) conds.push(ilike(libraryItems.title, `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`));
  const rows = await db
    .select({ item: libraryItems, number: libraryVersions.number })
    .from(libraryItems)
    .leftJoin(libraryVersions, eq(libraryVersions.id, libraryItems.currentVersionId))
    .where(and(...conds))
    .orderBy(desc(libraryItems.updatedAt))
    .limit(500);
  const names = await municipalityNames(
    db,
    rows.flatMap((r) => r.item.municipalityCodes),
  );
  return rows.map((r) => presentRow(r.item, r.number ?? null, names, today));
}

export async function municipalityNames(db: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (!unique.length) return new Map();
  const rows = await db
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(inArray(municipalities.code, unique));
  return new Map(rows.map((r) => [r.code, r.name]));
}

export function presentRow(
  item: ItemRow,
  versionNumber: number | null,
  names: Map<string, string>,
  today: string,
) {
  return {
    id: item.id,
    title: item.title,
    kind: item.kind,
    situations: item.situations,
    audiences: item.audiences,
    municipalities: item.municipalityCodes.map((code) => ({ code, name: names.get(code) ?? code })),
    visibility: item.visibility,
    versionNumber,
    reviewedOn: item.reviewedOn,
    reviewDueOn: reviewDueOn(item.reviewedOn),
    stale: isStale(item.reviewedOn, today),
    archivedAt: item.archivedAt?.toISOString() ?? null,
    updatedAt: item.updatedAt.toISOString(),
  };
}

/** The path of an item's public page, when it has one. */
export function publicPathOf(item: ItemRow): string | null {
  return item.visibility === 'public' && item.currentVersionId ? `/public/library/${item.id}` : null;
}

/** An item's page: the row, its description as safe HTML, every version (newest first), handouts counted. */
export async function itemDetail(db: DbOrTx, policy: LibraryPolicy, item: ItemRow, today: string) {
  const versions = await db
    .select({
      v: libraryVersions,
      byName: users.displayName,
      fileName: files.name,
      contentType: files.contentType,
      byteSize: files.byteSize,
    })
    .from(libraryVersions)
    .leftJoin(users, eq(users.id, libraryVersions.createdBy))
    .leftJoin(files, eq(files.id, libraryVersions.fileId))
    .where(eq(libraryVersions.itemId, item.id))
    .orderBy(desc(libraryVersions.number));
  const [handouts] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(libraryHandouts)
    .where(eq(libraryHandouts.itemId, item.id));
  const names = await municipalityNames(db, item.municipalityCodes);
  const views = versions.map(({ v, byName, fileName, contentType, byteSize }) => ({
    id: v.id,
    number: v.number,
    note: v.note,
    url: v.url,
    file:
      v.fileId && fileName
        ? { name: fileName, contentType: contentType ?? '', byteSize: byteSize ?? 0 }
        : null,
    createdAt: v.createdAt.toISOString(),
    createdByName: byName,
  }));
  const current = views.find((v) => v.id === item.currentVersionId) ?? null;
  const tracks = current ? await tracksOfVersions(db, [current.id], staffTrackPath) : new Map();
  return {
    ...presentRow(item, current?.number ?? null, names, today),
    description: item.description,
    descriptionHtml: renderMarkdown(item.description),
    version: item.version,
    current,
    versions: views,
    handoutCount: handouts?.n ?? 0,
    captions: (current && tracks.get(current.id)) ?? [],
    publicPath: publicPathOf(item),
    allowed: {
      edit: policy.manage && item.archivedAt === null,
      handOut: item.currentVersionId !== null && item.archivedAt === null,
      archive: policy.manage,
    },
  };
}
