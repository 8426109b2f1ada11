import type { z } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { consultationActions, libraryHandouts, libraryItems, libraryVersions } from '../../db/schema';
import { AppError } from '../../server/errors';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import type { Writer } from '../consultations/access';
import { addConsultationAction } from '../consultations/update-consultation';
import type { LibraryPolicy } from './policy';
import { type ItemRow, readableItem, requireManage } from './queries';
import type { ZCreateItemRequest, ZHandoutRequest, ZUpdateItemRequest } from './schemas';

export type Who = { actor: Actor; meta: RequestMeta; at: Date; today: string };

/** Creates an item; a link item gets its first version (its address) at once, the others by their first file. */
export async function createItem(
  tx: DbOrTx,
  who: Who,
  policy: LibraryPolicy,
  body: z.infer<typeof ZCreateItemRequest>,
): Promise<string> {
  requireManage(policy);
  if (body.kind === 'link' && !body.url) throw new AppError('library_link_required');
  if (body.kind !== 'link' && body.url) throw new AppError('library_wrong_content');
  const [item] = await tx
    .insert(libraryItems)
    .values({
      prefectureCode: policy.prefectureCode!,
      title: body.title,
      kind: body.kind,
      description: body.description ?? '',
      situations: [...new Set(body.situations)],
      audiences: [...new Set(body.audiences)],
      municipalityCodes: [...new Set(body.municipalityCodes ?? [])],
      visibility: body.visibility,
      reviewedOn: who.today,
      createdBy: who.actor.userId,
      createdAt: who.at,
      updatedAt: who.at,
    })
    .returning();
  if (body.url) await addVersion(tx, who, item!, { url: body.url, note: '' }, false);
  await recordAudit(tx, who, {
    action: 'create',
    entityType: 'library_item',
    entityIds: [item!.id],
    detail: { kind: body.kind, visibility: body.visibility },
  });
  return item!.id;
}

/** Changes an item's tags, text or visibility, or confirms it reviewed today — under its version. */
export async function updateItem(
  tx: DbOrTx,
  who: Who,
  policy: LibraryPolicy,
  unverifiedId: string,
  body: z.infer<typeof ZUpdateItemRequest>,
): Promise<string> {
  requireManage(policy);
  const item = await readableItem(tx, policy, unverifiedId, { forUpdate: true, live: true });
  if (item.version !== body.version)
    throw new AppError('conflict', { detail: { currentVersion: item.version } });
  const set: Partial<typeof libraryItems.$inferInsert> = { version: item.version + 1, updatedAt: who.at };
  const changed: string[] = [];
  const change = <K extends keyof typeof set>(key: K, value: (typeof set)[K] | undefined, same: boolean) => {
    if (value === undefined || same) return;
    set[key] = value;
    changed.push(key);
  };
  change('title', body.title, body.title === item.title);
  change('description', body.description, body.description === item.description);
  change('situations', body.situations && [...new Set(body.situations)], false);
  change('audiences', body.audiences && [...new Set(body.audiences)], false);
  change('municipalityCodes', body.municipalityCodes && [...new Set(body.municipalityCodes)], false);
  change('visibility', body.visibility, body.visibility === item.visibility);
  if (body.reviewed) change('reviewedOn', who.today, false);
  await tx.update(libraryItems).set(set).where(eq(libraryItems.id, item.id));
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'library_item',
    entityIds: [item.id],
    detail: { fields: changed },
  });
  return item.id;
}

/**
 * Adds the next version (a stored file, or a link's address) and makes it current; the item counts as reviewed
 * today. Old versions stay as they were.
 */
export async function addVersion(
  tx: DbOrTx,
  who: Who,
  item: ItemRow,
  content: { fileId?: string; url?: string; note: string },
  audit = true,
): Promise<string> {
  if ((item.kind === 'link') !== Boolean(content.url)) throw new AppError('library_wrong_content');
  const [next] = await tx
    .select({ n: sql<number>`coalesce(max(${libraryVersions.number}), 0)::int + 1` })
    .from(libraryVersions)
    .where(eq(libraryVersions.itemId, item.id));
  const [v] = await tx
    .insert(libraryVersions)
    .values({
      itemId: item.id,
      number: next!.n,
      fileId: content.fileId ?? null,
      url: content.url ?? null,
      note: content.note,
      createdBy: who.actor.userId,
      createdAt: who.at,
    })
    .returning();
  await tx
    .update(libraryItems)
    .set({ currentVersionId: v!.id, reviewedOn: who.today, updatedAt: who.at, version: item.version + 1 })
    .where(eq(libraryItems.id, item.id));
  if (audit) {
    await recordAudit(tx, who, {
      action: 'update',
      entityType: 'library_item',
      entityIds: [item.id, v!.id, ...(content.fileId ? [content.fileId] : [])],
      detail: { versionNumber: v!.number },
    });
  }
  return v!.id;
}

/**
 * Hands the item's current version out from a consultation in one step: the consultations module adds the
 * timeline entry (書類の送付, with the item's title) under its own scope and rules — 404 for a case out of
 * scope, 403 for a read-only reader, 409 for a closed case — and the handout records which version went to whom.
 */
export async function handOut(
  tx: DbOrTx,
  w: Writer,
  policy: LibraryPolicy,
  unverifiedItemId: string,
  body: z.infer<typeof ZHandoutRequest>,
): Promise<{ handoutId: string; item: ItemRow }> {
  const item = await readableItem(tx, policy, unverifiedItemId, { live: true });
  if (!item.currentVersionId) throw new AppError('library_no_version');
  const consultationId = await addConsultationAction(tx, w, body.consultationId, {
    kind: 'document',
    resourceText: item.title,
  });
  // The entry just added in this transaction: this user's document entry of this instant on the case.
  const [action] = await tx
    .select({ id: consultationActions.id })
    .from(consultationActions)
    .where(
      and(
        eq(consultationActions.consultationId, consultationId),
        eq(consultationActions.createdAt, w.at),
        eq(consultationActions.byUserId, w.actor.userId),
        eq(consultationActions.kind, 'document'),
      ),
    )
    .limit(1);
  const [h] = await tx
    .insert(libraryHandouts)
    .values({
      prefectureCode: item.prefectureCode,
      itemId: item.id,
      versionId: item.currentVersionId,
      consultationId,
      actionId: action!.id,
      recipient: body.recipient,
      byUserId: w.actor.userId,
      at: w.at,
    })
    .returning();
  await recordAudit(tx, w, {
    action: 'create',
    entityType: 'library_handout',
    entityIds: [h!.id, item.id, consultationId],
    detail: { recipient: body.recipient },
  });
  return { handoutId: h!.id, item };
}

/**
 * Archives an item (it leaves the staff list and the public list, but staff and old hand-out links still reach
 * it, with a notice) or restores it — under its version, audited.
 */
export async function setArchived(
  tx: DbOrTx,
  who: Who,
  policy: LibraryPolicy,
  unverifiedId: string,
  body: { version: number; archived: boolean },
): Promise<string> {
  requireManage(policy);
  const item = await readableItem(tx, policy, unverifiedId, { forUpdate: true });
  if (item.version !== body.version)
    throw new AppError('conflict', { detail: { currentVersion: item.version } });
  if (Boolean(item.archivedAt) === body.archived) return item.id;
  await tx
    .update(libraryItems)
    .set({ archivedAt: body.archived ? who.at : null, version: item.version + 1, updatedAt: who.at })
    .where(eq(libraryItems.id, item.id));
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'library_item',
    entityIds: [item.id],
    detail: { event: body.archived ? 'archive' : 'restore' },
  });
  return item.id;
}
