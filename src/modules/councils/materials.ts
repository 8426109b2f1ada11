/**
 * Meeting materials (docs/municipal-support.md §3): files of the one store (decision 0025, kind
 * `meeting_material`: PDF, Word, Excel, text, CSV, images; 50 MiB) attached to a meeting with a title. Those who
 * read the meeting list and download them (each download audited by the store); those who manage its body add and
 * remove them. A file is stored part by part before its row is written, and discarded when the row is not.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { councilMeetingMaterials, files, users } from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';

export type MaterialView = {
  id: string;
  title: string;
  fileName: string;
  contentType: string | null;
  byteSize: number;
  addedBy: string;
  addedAt: string;
};

/** The materials of a meeting the caller already reads, oldest first. */
export async function meetingMaterials(db: DbOrTx, meetingId: string): Promise<MaterialView[]> {
  const rows = await db
    .select({
      id: councilMeetingMaterials.id,
      title: councilMeetingMaterials.title,
      fileName: files.name,
      contentType: files.contentType,
      byteSize: files.byteSize,
      addedBy: users.displayName,
      addedAt: councilMeetingMaterials.createdAt,
    })
    .from(councilMeetingMaterials)
    .innerJoin(files, eq(files.id, councilMeetingMaterials.fileId))
    .innerJoin(users, eq(users.id, councilMeetingMaterials.createdBy))
    .where(eq(councilMeetingMaterials.meetingId, meetingId))
    .orderBy(asc(councilMeetingMaterials.createdAt), asc(councilMeetingMaterials.id));
  return rows.map((r) => ({ ...r, addedAt: r.addedAt.toISOString() }));
}

/** One material of a meeting the caller already reads: 404 for an unknown id or one of another meeting. */
export async function meetingMaterial(
  db: DbOrTx,
  meetingId: string,
  unverifiedId: string,
  forUpdate = false,
) {
  if (!isUuid(unverifiedId)) throw new AppError('not_found');
  const q = db
    .select()
    .from(councilMeetingMaterials)
    .where(
      and(eq(councilMeetingMaterials.id, unverifiedId), eq(councilMeetingMaterials.meetingId, meetingId)),
    );
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found');
  return row;
}

type Who = { actor: Actor; meta: RequestMeta | null; at: Date };

/** Names a stored file as a material of the meeting (in the caller's transaction), audited. */
export async function addMaterial(tx: DbOrTx, w: Who, meetingId: string, fileId: string, title: string) {
  const [row] = await tx
    .insert(councilMeetingMaterials)
    .values({ meetingId, fileId, title, createdBy: w.actor.userId, createdAt: w.at })
    .returning({ id: councilMeetingMaterials.id });
  await recordAudit(tx, w, {
    action: 'create',
    entityType: 'council_meeting',
    entityIds: [meetingId, row!.id],
    detail: { material: 'added', fileId },
  });
  return row!.id;
}

/** Removes a material (its file is discarded by the caller after the transaction), audited. */
export async function removeMaterial(tx: DbOrTx, w: Who, meetingId: string, unverifiedId: string) {
  const row = await meetingMaterial(tx, meetingId, unverifiedId, true);
  await tx.delete(councilMeetingMaterials).where(eq(councilMeetingMaterials.id, row.id));
  await recordAudit(tx, w, {
    action: 'delete',
    entityType: 'council_meeting',
    entityIds: [meetingId, row.id],
    detail: { material: 'removed', fileId: row.fileId },
  });
  return row.fileId;
}
