/**
 * Hand-offs (移管), back-up (後方支援) and supervise-team requests (ME-2) as records with a status machine.
 * Asking writes a `requested` row; the receiving team sees the case at once (to decide) and accepts or
 * declines with a reason; the asking team may withdraw. Ownership moves only when a hand-off is accepted,
 * in one transaction with the history, the audit entry and the notification of the other team.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { consultationHandoffs, consultations } from '../../db/schema';
import { AppError } from '../../server/errors';
import type { SystemTextCode } from '../../shared/vocab/system-text';
import { notify } from '../notifications/notify';
import {
  lockConsultation,
  reachConsultation,
  reachFor,
  recordConsultationChange,
  type Writer,
} from './access';
import {
  checkHandoffDecision,
  checkHandoffRequest,
  type HandoffDecision,
  type HandoffRefusal,
  statusAfter,
} from './handoff';
import type { HandoffRequest, TeamRefInput } from './schemas';
import { ensureTeam, requestableTeamById, type TeamRow, teamById, teamUserIds } from './teams';

const REFUSAL_CODE = {
  not_pending: 'consultation_handoff_not_pending',
  not_receiving_team: 'forbidden',
  not_requesting_team: 'forbidden',
  reason_required: 'consultation_reason_required',
  same_team: 'consultation_handoff_same_team',
  case_closed: 'consultation_closed',
  already_pending: 'consultation_handoff_already_pending',
} as const satisfies Record<HandoffRefusal, string>;

async function resolveTarget(tx: DbOrTx, prefectureCode: string, to: TeamRefInput): Promise<TeamRow> {
  if ('teamId' in to) return requestableTeamById(tx, prefectureCode, to.teamId);
  return ensureTeam(tx, prefectureCode, to);
}

/** Notifies every user acting for a team (a municipality's team through its shared inbox). No child's name. */
async function notifyTeam(
  tx: DbOrTx,
  team: TeamRow,
  n: {
    kind: SystemTextCode;
    consultationId: string;
    at: Date;
    exceptUserId: string;
  },
): Promise<void> {
  const base = {
    prefectureCode: team.prefectureCode,
    kind: n.kind,
    text: { code: n.kind },
    entityType: 'consultation',
    entityId: n.consultationId,
    at: n.at,
  };
  if (team.kind === 'tier' && team.tier === 'municipality' && team.municipalityCode) {
    await notify(tx, { ...base, recipientMunicipalityCode: team.municipalityCode });
    return;
  }
  for (const userId of await teamUserIds(tx, team)) {
    if (userId !== n.exceptUserId) await notify(tx, { ...base, recipientUserId: userId });
  }
}

/** Asks another team to take the case over (hand-off), to back the owning team up, or a supervise team. Returns the case's id. */
export async function requestHandoff(
  tx: DbOrTx,
  w: Writer,
  unverifiedId: string,
  body: HandoffRequest,
): Promise<string> {
  const action =
    body.kind === 'handoff'
      ? 'requestHandoff'
      : body.kind === 'backup'
        ? 'requestBackup'
        : 'requestSupervise';
  const reached = await reachFor(tx, w.actor, unverifiedId, action);
  const to = await resolveTarget(tx, reached.row.prefectureCode, body.to);
  if ((body.kind === 'supervise') !== (to.kind === 'supervise'))
    throw new AppError('consultation_team_unknown');
  const locked = await lockConsultation(tx, w, reached.row.id, null, async () => new AppError('not_found'));
  const open = await tx
    .select({
      kind: consultationHandoffs.kind,
      toTeamId: consultationHandoffs.toTeamId,
      status: consultationHandoffs.status,
    })
    .from(consultationHandoffs)
    .where(
      and(
        eq(consultationHandoffs.consultationId, locked.id),
        inArray(consultationHandoffs.status, ['requested', 'accepted']),
      ),
    );
  const refusal = checkHandoffRequest(
    {
      closed: locked.closedAt !== null,
      ownerTeamId: locked.ownerTeamId,
      pendingHandoff: open.some((h) => h.kind === 'handoff' && h.status === 'requested'),
    },
    body.kind,
    { teamId: to.id, tier: to.tier },
  );
  if (refusal) throw new AppError(REFUSAL_CODE[refusal]);
  // A share already asked of (or given by) the same team is not asked twice.
  if (body.kind !== 'handoff' && open.some((h) => h.kind !== 'handoff' && h.toTeamId === to.id)) {
    throw new AppError('consultation_share_exists');
  }
  const [row] = await tx
    .insert(consultationHandoffs)
    .values({
      consultationId: locked.id,
      prefectureCode: locked.prefectureCode,
      kind: body.kind,
      fromTeamId: locked.ownerTeamId,
      toTeamId: to.id,
      status: 'requested',
      reason: body.reason || null,
      keepAsBackup: body.kind === 'handoff' ? (body.keepAsBackup ?? false) : false,
      requestedBy: w.actor.userId,
      requestedAt: w.at,
    })
    .returning({ id: consultationHandoffs.id });
  await recordConsultationChange(tx, w, locked, `${body.kind}_requested`, {
    handoff: [null, { id: row!.id, kind: body.kind, toTeamId: to.id }],
  });
  await notifyTeam(tx, to, {
    kind: `consultation_${body.kind}_requested`,
    consultationId: locked.id,
    at: w.at,
    exceptUserId: w.actor.userId,
  });
  return locked.id;
}

/**
 * Accepts, declines (a reason is required) or withdraws a request. Accepting a hand-off moves ownership to
 * the receiving team (the accepting user carries the case) and, when asked, keeps the handing team as back-up.
 */
export async function decideHandoff(
  tx: DbOrTx,
  w: Writer,
  unverifiedId: string,
  unverifiedHandoffId: string,
  decision: HandoffDecision,
  reason: string | null,
): Promise<string> {
  const reached = await reachConsultation(tx, w.actor, unverifiedId);
  if (!reached) throw new AppError('not_found');
  const [h] = await tx
    .select()
    .from(consultationHandoffs)
    .where(
      and(
        eq(consultationHandoffs.consultationId, reached.row.id),
        eq(consultationHandoffs.id, unverifiedHandoffId),
      ),
    );
  if (!h) throw new AppError('not_found');
  if (reached.rel.readOnly) throw new AppError('forbidden');
  const refusal = checkHandoffDecision(h, decision, reached.teamIds, reason);
  if (refusal) throw new AppError(REFUSAL_CODE[refusal]);
  const locked = await lockConsultation(tx, w, reached.row.id, null, async () => new AppError('not_found'));
  const status = statusAfter(decision);
  const updated = await tx
    .update(consultationHandoffs)
    .set({ status, decidedAt: w.at, decidedBy: w.actor.userId, decisionReason: reason || null })
    .where(and(eq(consultationHandoffs.id, h.id), eq(consultationHandoffs.status, 'requested')))
    .returning({ id: consultationHandoffs.id });
  if (!updated.length) throw new AppError('consultation_handoff_not_pending');
  const changes: Record<string, unknown> = { handoff: [h.status, { id: h.id, kind: h.kind, status }] };
  if (status === 'accepted' && h.kind === 'handoff') {
    if (locked.closedAt !== null) throw new AppError('consultation_closed');
    const to = await teamById(tx, locked.prefectureCode, h.toTeamId);
    await tx
      .update(consultations)
      .set({ ownerTeamId: to.id, ownerTier: to.tier, assignedUserId: w.actor.userId })
      .where(eq(consultations.id, locked.id));
    changes.ownerTeamId = [locked.ownerTeamId, to.id];
    changes.assignedUserId = [locked.assignedUserId, w.actor.userId];
    if (h.keepAsBackup) {
      await tx.insert(consultationHandoffs).values({
        consultationId: locked.id,
        prefectureCode: locked.prefectureCode,
        kind: 'backup',
        fromTeamId: to.id,
        toTeamId: h.fromTeamId,
        status: 'accepted',
        reason: null,
        systemReason: { code: 'handoff_kept_as_backup' },
        requestedBy: h.requestedBy,
        requestedAt: w.at,
        decidedBy: h.requestedBy,
        decidedAt: w.at,
      });
    }
  }
  await recordConsultationChange(tx, w, locked, `${h.kind}_${status}`, changes);
  // The other side learns of the decision: the asking team of an accept/decline, the asked team of a withdrawal.
  const other = await teamById(
    tx,
    locked.prefectureCode,
    decision === 'withdraw' ? h.toTeamId : h.fromTeamId,
  );
  await notifyTeam(tx, other, {
    kind: `consultation_${h.kind}_${status}`,
    consultationId: locked.id,
    at: w.at,
    exceptUserId: w.actor.userId,
  });
  return locked.id;
}
