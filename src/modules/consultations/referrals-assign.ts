/**
 * Two checks a case's writes lean on, kept apart from the handlers:
 * - a referral's resource must be a listing of the directory the actor may read, in its prefecture (the
 *   directory's own scope, `resources/queries.ts` `areaSql`), else 400 naming `resourceId` — the answer is
 *   the same for an unknown id and another prefecture's listing, so nothing leaks;
 * - a case is assigned only to a member of its owning team (400 otherwise), and the new assignee is told in
 *   the app, in the same transaction.
 * And how the page shows referrals and the team: the listing's name when the viewer may read it, the owning
 * team's members for the assignment select.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { resourceServices, users } from '../../db/schema';
import { AppError } from '../../server/errors';
import type { Actor } from '../access/actor';
import { notify } from '../notifications/notify';
import { resourcePolicy } from '../resources/policy';
import { areaSql } from '../resources/queries';
import { type TeamRow, teamUserIds } from './teams';

/** How the actor picks a referral's resource: searching the directory, or naming it in free text. */
export type ReferralPicker = 'directory' | 'free_text';

/**
 * Staff who read the whole directory (or their regions' part) search it; a provider's staff acting in a
 * supervise team reads only its own organisation's listings, so it names the resource in words.
 */
export function referralPickerFor(actor: Actor): ReferralPicker {
  const read = resourcePolicy(actor).read;
  return read.kind === 'prefecture' || read.kind === 'regions' ? 'directory' : 'free_text';
}

/** The directory listing a referral names, if the actor may read it (400 otherwise). Returns its name. */
export async function checkReferralResource(db: DbOrTx, actor: Actor, unverifiedId: string): Promise<string> {
  const read = resourcePolicy(actor).read;
  const [row] = actor.prefectureCode
    ? await db
        .select({ name: resourceServices.name })
        .from(resourceServices)
        .where(and(eq(resourceServices.id, unverifiedId), areaSql(actor.prefectureCode, read)))
    : [];
  if (!row) {
    throw new AppError('validation_failed', {
      issues: [
        {
          path: 'resourceId',
          message: '紹介先のサービスが見つかりません / The service referred to was not found',
          ja: '紹介先のサービスが社会資源の一覧に見つかりません（閲覧できる範囲のものを選んでください）。',
          en: 'The service referred to is not in the directory you may read. Pick one from the search.',
        },
      ],
    });
  }
  return row.name;
}

/** Names of directory listings the viewer may read, by id (others are left out: the page shows the text). */
export async function readableResourceNames(
  db: DbOrTx,
  actor: Actor,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length || !actor.prefectureCode) return new Map();
  const rows = await db
    .select({ id: resourceServices.id, name: resourceServices.name })
    .from(resourceServices)
    .where(
      and(inArray(resourceServices.id, unique), areaSql(actor.prefectureCode, resourcePolicy(actor).read)),
    );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The active users acting for the team, with their names (the assignment select). */
export async function teamMembers(db: DbOrTx, team: TeamRow): Promise<{ id: string; name: string }[]> {
  const ids = await teamUserIds(db, team);
  if (!ids.length) return [];
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, ids))
    .orderBy(users.displayName);
  return rows;
}

/** The assignee must act for the owning team (400 naming `assignedUserId` otherwise). */
export async function checkTeamAssignee(db: DbOrTx, team: TeamRow, userId: string): Promise<void> {
  const ids = await teamUserIds(db, team);
  if (!ids.includes(userId)) {
    throw new AppError('validation_failed', {
      issues: [
        {
          path: 'assignedUserId',
          message:
            '担当者は担当チームのメンバーから選んでください / The assignee must be a member of the owning team',
          ja: '担当者は相談を担当するチームのメンバーから選んでください。',
          en: 'The assignee must be a member of the team that owns the consultation.',
        },
      ],
    });
  }
}

/** Tells the new assignee in the app (not when they assigned themselves). No child's name in the title. */
export async function notifyAssignee(
  tx: DbOrTx,
  n: { prefectureCode: string; consultationId: string; assigneeId: string; byUserId: string; at: Date },
): Promise<void> {
  if (n.assigneeId === n.byUserId) return;
  await notify(tx, {
    prefectureCode: n.prefectureCode,
    recipientUserId: n.assigneeId,
    kind: 'consultation_assigned',
    text: { code: 'consultation_assigned' },
    entityType: 'consultation',
    entityId: n.consultationId,
    at: n.at,
  });
}
