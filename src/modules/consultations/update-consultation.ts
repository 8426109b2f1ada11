import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { consultationActions, consultationHandoffs, consultations } from '../../db/schema';
import { AppError } from '../../server/errors';
import { isoDateInJapan } from '../../shared/dates';
import type { Outcome } from '../../shared/vocab/consultations';
import {
  conflictError,
  diff,
  lockConsultation,
  reachFor,
  recordConsultationChange,
  refreshDueOn,
  type Writer,
} from './access';
import { askerDivisionIssue } from './asker';
import { checkAskerOrganisation, isOrganisationAsker } from './asker-organisation';
import { can, searchTextOf } from './policy';
import { checkReferralResource, checkTeamAssignee, notifyAssignee } from './referrals-assign';
import type { AddAction, UpdateConsultation } from './schemas';
import { teamById } from './teams';

/** Changes the case's own fields under optimistic locking (409 with the current case when stale). */
export async function updateConsultation(
  tx: DbOrTx,
  w: Writer,
  unverifiedId: string,
  body: UpdateConsultation,
): Promise<string> {
  const reached = await reachFor(tx, w.actor, unverifiedId, 'update');
  const { version, ...fields } = body;
  // A case is carried by a member of the team that owns it (another team's member is refused with 400).
  if (fields.assignedUserId) {
    const owner = await teamById(tx, reached.row.prefectureCode, reached.row.ownerTeamId);
    await checkTeamAssignee(tx, owner, fields.assignedUserId);
  }
  const locked = await lockConsultation(tx, w, reached.row.id, version, () =>
    conflictError(tx, w.actor, reached.row.id, version, w.today),
  );
  const set: Partial<typeof consultations.$inferInsert> = {};
  if (fields.askerKind !== undefined || fields.askerDivision !== undefined) {
    // The intake rule holds on every change: a municipal asker names its division, no other asker has one
    // (switching the asker away from a municipality drops the division unless one is given, and is refused).
    const askerKind = fields.askerKind ?? reached.row.askerKind;
    const askerDivision =
      fields.askerDivision !== undefined
        ? fields.askerDivision
        : askerKind === 'municipality'
          ? reached.row.askerDivision
          : null;
    const issue = askerDivisionIssue(askerKind, askerDivision);
    if (issue) throw new AppError('validation_failed', { issues: [issue] });
    set.askerKind = askerKind;
    set.askerDivision = askerDivision;
  }
  if (fields.askerContact !== undefined) set.askerContact = fields.askerContact || null;
  if (fields.askerOrganisationId !== undefined || set.askerKind !== undefined) {
    // Named only for an organisation asker; changing the asker to a family or municipality drops it.
    const kind = set.askerKind ?? reached.row.askerKind;
    const given =
      fields.askerOrganisationId !== undefined ? fields.askerOrganisationId : reached.row.askerOrganisationId;
    set.askerOrganisationId =
      fields.askerOrganisationId === undefined && given && !isOrganisationAsker(kind)
        ? null
        : await checkAskerOrganisation(tx, reached.row.prefectureCode, kind, given);
  }
  if (fields.channel !== undefined) set.channel = fields.channel;
  if (fields.topics !== undefined) set.topics = [...new Set(fields.topics)];
  if (fields.urgency !== undefined) set.urgency = fields.urgency;
  if (fields.subject !== undefined) set.subject = fields.subject;
  if (fields.nextAction !== undefined) set.nextAction = fields.nextAction || null;
  if (fields.narrative !== undefined) {
    set.narrative = fields.narrative;
    set.searchText = searchTextOf(fields.narrative);
  }
  if (fields.nextActionOn !== undefined) set.nextActionOn = fields.nextActionOn;
  if (fields.assignedUserId !== undefined) set.assignedUserId = fields.assignedUserId;
  const { searchText: _s, ...visible } = set;
  const changes = diff(reached.row as unknown as Record<string, unknown>, visible);
  if (Object.keys(set).length) await tx.update(consultations).set(set).where(eq(consultations.id, locked.id));
  await refreshDueOn(tx, locked.id);
  await recordConsultationChange(tx, w, locked, 'update', changes);
  if (fields.assignedUserId && 'assignedUserId' in changes) {
    await notifyAssignee(tx, {
      prefectureCode: locked.prefectureCode,
      consultationId: locked.id,
      assigneeId: fields.assignedUserId,
      byUserId: w.actor.userId,
      at: w.at,
    });
  }
  return locked.id;
}

/**
 * Closes the case with its outcome. The owning team at that moment is the team that resolved it (for the
 * figures and the hub). Pending requests of the case are withdrawn with it.
 */
export async function closeConsultation(
  tx: DbOrTx,
  w: Writer,
  unverifiedId: string,
  body: { version: number; outcome: Outcome; note?: string | null | undefined },
): Promise<string> {
  const reached = await reachFor(tx, w.actor, unverifiedId, 'close');
  const locked = await lockConsultation(tx, w, reached.row.id, body.version, () =>
    conflictError(tx, w.actor, reached.row.id, body.version, w.today),
  );
  await tx
    .update(consultations)
    .set({
      closedAt: w.at,
      closedOn: isoDateInJapan(w.at),
      outcome: body.outcome,
      closingNote: body.note || null,
      resolvedTeamId: locked.ownerTeamId,
      resolvedTier: locked.ownerTier,
      resolvedByUserId: w.actor.userId,
      dueOn: null,
    })
    .where(eq(consultations.id, locked.id));
  await tx
    .update(consultationHandoffs)
    .set({ status: 'withdrawn', decidedAt: w.at, decidedBy: w.actor.userId, decisionReason: 'closed' })
    .where(
      and(eq(consultationHandoffs.consultationId, locked.id), eq(consultationHandoffs.status, 'requested')),
    );
  await recordConsultationChange(tx, w, locked, 'close', {
    outcome: [null, body.outcome],
    resolvedTier: [null, locked.ownerTier],
  });
  return locked.id;
}

/**
 * Adds an entry to the timeline (the owning team, or a team it is shared with). A referral needs a
 * follow-up date (the schema checks it); an entry naming `followUpOf` completes that referral's follow-up.
 * Only the owning team moves the case's next action date with an entry (400 naming `nextActionOn` otherwise).
 */
export async function addConsultationAction(
  tx: DbOrTx,
  w: Writer,
  unverifiedId: string,
  body: AddAction,
): Promise<string> {
  const reached = await reachFor(tx, w.actor, unverifiedId, 'addAction');
  // Moving the case's next action date changes the case: the owning team's call, not a sharing team's.
  if (body.nextActionOn !== undefined && !can(reached.rel, 'update')) {
    throw new AppError('validation_failed', {
      issues: [
        {
          path: 'nextActionOn',
          message: '次の対応日は担当チームが決めます / The owning team sets the next action date',
          ja: '次の対応日は、相談を担当するチームが決めます。記録だけを追加してください。',
          en: 'The team that owns the consultation sets its next action date. Add the entry without it.',
        },
      ],
    });
  }
  // The directory's listing must be one the actor may read in its prefecture; its name is kept as the text.
  const resourceName = body.resourceId ? await checkReferralResource(tx, w.actor, body.resourceId) : null;
  const locked = await lockConsultation(tx, w, reached.row.id, null, async () => new AppError('not_found'));
  if (body.followUpOf) {
    const done = await tx
      .update(consultationActions)
      .set({ followUpDoneAt: w.at })
      .where(
        and(
          eq(consultationActions.id, body.followUpOf),
          eq(consultationActions.consultationId, locked.id),
          eq(consultationActions.kind, 'referral'),
          isNull(consultationActions.followUpDoneAt),
        ),
      )
      .returning({ id: consultationActions.id });
    if (!done.length) {
      throw new AppError('validation_failed', {
        issues: [
          {
            path: 'followUpOf',
            message: 'この相談の未完了の紹介ではありません / Not an open referral of this case',
            ja: 'フォローアップ対象は、この相談のフォローアップ未完了の紹介にしてください。',
            en: 'The follow-up must name a referral of this consultation whose follow-up is still open.',
          },
        ],
      });
    }
  }
  // The team the entry is recorded for: the owning team if the actor is in it, else the sharing team.
  const myTeam = reached.teams.find((t) => t.id === locked.ownerTeamId) ?? reached.teams[0];
  const [action] = await tx
    .insert(consultationActions)
    .values({
      consultationId: locked.id,
      kind: body.kind,
      at: body.at ? new Date(body.at) : w.at,
      minutes: body.minutes ?? null,
      note: body.note || null,
      byUserId: w.actor.userId,
      teamId: myTeam?.id ?? null,
      resourceId: body.resourceId ?? null,
      resourceText: body.resourceText || resourceName,
      followUpOn: body.followUpOn ?? null,
      createdAt: w.at,
    })
    .returning({ id: consultationActions.id });
  if (body.nextActionOn !== undefined) {
    await tx
      .update(consultations)
      .set({ nextActionOn: body.nextActionOn })
      .where(eq(consultations.id, locked.id));
  }
  await refreshDueOn(tx, locked.id);
  await recordConsultationChange(tx, w, locked, 'action', {
    action: [null, { id: action!.id, kind: body.kind, followUpOf: body.followUpOf ?? null }],
    ...(body.nextActionOn !== undefined ? { nextActionOn: [locked.nextActionOn, body.nextActionOn] } : {}),
  });
  return locked.id;
}
