/**
 * The staff side of the public site's pages: the list (status, languages written, last edit), one page with its
 * versions, create and change under optimistic locking. Each change is one transaction with its saved version
 * and its audit entry. Only the centre's HQ keeps the site (policy.ts): everyone else is refused before any id
 * is read.
 */
import type { z } from '@hono/zod-openapi';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx, SystemDb } from '../../db/client';
import { publicPages, publicPageVersions, users } from '../../db/schema';
import { pgErrorCode } from '../../server/constraint-errors';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { FIXED_PUBLIC_PAGE_KINDS, isFixedPublicPageKind } from '../../shared/vocab/public-site';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { noticeOnShow, writtenLangs } from './content';
import { keepsPublicSite } from './policy';
import type { ZCreatePublicPageRequest, ZUpdatePublicPageRequest } from './schemas';

export type Who = { actor: Actor; meta: RequestMeta; at: Date };
type PageRow = typeof publicPages.$inferSelect;

/** The prefecture of a keeper of the site; 403 for anyone else, before anything is read. */
export function requireKeeper(actor: Actor): string {
  if (!keepsPublicSite(actor)) throw new AppError('forbidden');
  return actor.prefectureCode!;
}

function summary(p: PageRow, editor: { name: string; role: string }, now: Date) {
  return {
    id: p.id,
    kind: p.kind,
    slug: p.slug,
    status: p.status,
    titleJa: p.titleJa,
    langs: writtenLangs(p),
    startsAt: p.startsAt?.toISOString() ?? null,
    endsAt: p.endsAt?.toISOString() ?? null,
    onShow: p.kind === 'emergency' && noticeOnShow(p, now),
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
    updatedBy: editor,
  };
}

/** The prefecture's pages: fixed kinds in their order, then notices (newest first), then free pages by address. */
export async function listPages(db: DbOrTx, actor: Actor, now: Date) {
  const prefecture = requireKeeper(actor);
  const rows = await db
    .select({ p: publicPages, name: users.displayName, role: users.role })
    .from(publicPages)
    .innerJoin(users, eq(users.id, publicPages.updatedBy))
    .where(eq(publicPages.prefectureCode, prefecture))
    .orderBy(asc(publicPages.slug));
  const order = (p: PageRow) =>
    isFixedPublicPageKind(p.kind)
      ? FIXED_PUBLIC_PAGE_KINDS.indexOf(p.kind)
      : p.kind === 'emergency'
        ? 10
        : 20;
  rows.sort(
    (a, b) =>
      order(a.p) - order(b.p) ||
      (a.p.kind === 'emergency' ? b.p.createdAt.getTime() - a.p.createdAt.getTime() : 0),
  );
  const have = new Set(rows.map((r) => r.p.kind));
  return {
    items: rows.map((r) => summary(r.p, { name: r.name, role: r.role }, now)),
    missingKinds: FIXED_PUBLIC_PAGE_KINDS.filter((k) => !have.has(k)),
  };
}

/** A page of the keeper's prefecture, or 404 (another prefecture's and unknown ids alike). */
async function pageOf(db: DbOrTx, prefecture: string, unverifiedId: string): Promise<PageRow> {
  if (!isUuid(unverifiedId)) throw new AppError('not_found');
  const [p] = await db
    .select()
    .from(publicPages)
    .where(and(eq(publicPages.id, unverifiedId), eq(publicPages.prefectureCode, prefecture)));
  if (!p) throw new AppError('not_found');
  return p;
}

/** One page with every saved version (who, in which role, when, draft or published). */
export async function pageView(db: DbOrTx, actor: Actor, id: string, now: Date) {
  const prefecture = requireKeeper(actor);
  const p = await pageOf(db, prefecture, id);
  const versions = await db
    .select({ v: publicPageVersions, name: users.displayName })
    .from(publicPageVersions)
    .innerJoin(users, eq(users.id, publicPageVersions.editedBy))
    .where(eq(publicPageVersions.pageId, p.id))
    .orderBy(desc(publicPageVersions.version));
  const last = versions[0];
  return {
    ...summary(p, { name: last?.name ?? '', role: last?.v.editedByRole ?? '' }, now),
    titleEn: p.titleEn,
    titleEasy: p.titleEasy,
    bodyJa: p.bodyJa,
    bodyEn: p.bodyEn,
    bodyEasy: p.bodyEasy,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    versions: versions.map((r) => ({
      version: r.v.version,
      status: r.v.status,
      editedAt: r.v.editedAt.toISOString(),
      editedBy: { name: r.name, role: r.v.editedByRole },
    })),
  };
}

type Fields = z.infer<typeof ZUpdatePublicPageRequest>;

/** The rules every saved page keeps, whatever its state before: refused with a message, nothing changed. */
function checkFields(kind: PageRow['kind'], f: Omit<Fields, 'version'>) {
  if (!f.titleJa.trim())
    throw new AppError('validation_failed', { issues: [{ path: 'titleJa', message: 'required' }] });
  if (f.status === 'published' && !f.bodyJa.trim()) throw new AppError('public_page_japanese_required');
  if (kind === 'emergency') {
    if (!f.startsAt || !f.endsAt || new Date(f.endsAt) <= new Date(f.startsAt))
      throw new AppError('public_page_window_required');
  } else if (f.startsAt && f.endsAt && new Date(f.endsAt) <= new Date(f.startsAt)) {
    throw new AppError('public_page_window_required');
  }
}

function values(kind: PageRow['kind'], f: Omit<Fields, 'version'>) {
  const windowed = kind === 'emergency';
  return {
    status: f.status,
    titleJa: f.titleJa,
    titleEn: f.titleEn,
    titleEasy: f.titleEasy,
    bodyJa: f.bodyJa,
    bodyEn: f.bodyEn,
    bodyEasy: f.bodyEasy,
    startsAt: windowed && f.startsAt ? new Date(f.startsAt) : null,
    endsAt: windowed && f.endsAt ? new Date(f.endsAt) : null,
  };
}

async function saveVersion(tx: DbOrTx, p: PageRow, who: Who) {
  await tx.insert(publicPageVersions).values({
    pageId: p.id,
    version: p.version,
    status: p.status,
    titleJa: p.titleJa,
    titleEn: p.titleEn,
    titleEasy: p.titleEasy,
    bodyJa: p.bodyJa,
    bodyEn: p.bodyEn,
    bodyEasy: p.bodyEasy,
    startsAt: p.startsAt,
    endsAt: p.endsAt,
    editedBy: who.actor.userId,
    editedByRole: who.actor.role,
    editedAt: who.at,
  });
}

/** A new page: a fixed kind at its own address (once per prefecture), a free page or a notice at its slug. */
export async function createPage(db: SystemDb, who: Who, input: z.infer<typeof ZCreatePublicPageRequest>) {
  const prefecture = requireKeeper(who.actor);
  const slug = isFixedPublicPageKind(input.kind) ? input.kind : input.slug;
  if (!slug || (!isFixedPublicPageKind(input.kind) && isFixedPublicPageKind(slug)))
    throw new AppError('validation_failed', { issues: [{ path: 'slug', message: 'choose an address' }] });
  checkFields(input.kind, input);
  try {
    return await db.transaction(async (tx) => {
      const [p] = await tx
        .insert(publicPages)
        .values({
          prefectureCode: prefecture,
          kind: input.kind,
          slug,
          ...values(input.kind, input),
          publishedAt: input.status === 'published' ? who.at : null,
          createdBy: who.actor.userId,
          updatedBy: who.actor.userId,
          createdAt: who.at,
          updatedAt: who.at,
        })
        .returning();
      await saveVersion(tx, p!, who);
      await recordAudit(tx, who, {
        action: 'create',
        entityType: 'public_page',
        entityIds: [p!.id],
        detail: { event: input.status === 'published' ? 'publish' : 'created' },
      });
      return p!;
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw new AppError('public_page_slug_taken');
    throw err;
  }
}

/** A change under the version read: a stale one answers 409 with the page as it is now. */
export async function updatePage(db: SystemDb, who: Who, id: string, input: Fields) {
  const prefecture = requireKeeper(who.actor);
  return db.transaction(async (tx) => {
    const before = await pageOf(tx, prefecture, id);
    checkFields(before.kind, input);
    const publishing = input.status === 'published' && before.status !== 'published';
    const [p] = await tx
      .update(publicPages)
      .set({
        ...values(before.kind, input),
        publishedAt: input.status === 'published' ? (publishing ? who.at : before.publishedAt) : null,
        version: before.version + 1,
        updatedBy: who.actor.userId,
        updatedAt: who.at,
      })
      .where(and(eq(publicPages.id, before.id), eq(publicPages.version, input.version)))
      .returning();
    if (!p)
      throw new AppError('conflict', {
        detail: { current: { version: before.version, updatedAt: before.updatedAt.toISOString() } },
      });
    await saveVersion(tx, p, who);
    const event = publishing
      ? 'publish'
      : input.status === 'draft' && before.status === 'published'
        ? 'unpublish'
        : 'updated';
    await recordAudit(tx, who, {
      action: 'update',
      entityType: 'public_page',
      entityIds: [p.id],
      detail: { event, version: p.version },
    });
    return p;
  });
}
