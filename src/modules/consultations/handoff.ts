/**
 * Hand-offs (移管), back-up (後方支援) and supervise-team requests as pure rules. A hand-off is a record with its
 * own life — requested, then accepted, declined (with a reason) or withdrawn — and the case's owner changes only
 * when it is accepted. Back-up and supervise-team requests share the case without moving ownership.
 */
import type { Tier } from '../../shared/vocab/consultations';

export type HandoffStatus = 'requested' | 'accepted' | 'declined' | 'withdrawn';
export type HandoffKind = 'handoff' | 'backup' | 'supervise';

/** A team taking part: the owning team, or one asked for a hand-off, back-up or a supervise team. */
export type TeamRef = { teamId: string; tier: Tier };

export type HandoffDecision = 'accept' | 'decline' | 'withdraw';

export type HandoffRefusal =
  | 'not_pending'
  | 'not_receiving_team'
  | 'not_requesting_team'
  | 'reason_required'
  | 'same_team'
  | 'case_closed'
  | 'already_pending';

/**
 * May `actorTeamId` take `decision` on a hand-off in `status`? The receiving team accepts or declines (a
 * decline needs a reason, for the record and for the requesting team); the requesting team withdraws.
 */
export function checkHandoffDecision(
  handoff: { status: HandoffStatus; fromTeamId: string; toTeamId: string },
  decision: HandoffDecision,
  actorTeamIds: readonly string[],
  reason: string | null,
): HandoffRefusal | null {
  if (handoff.status !== 'requested') return 'not_pending';
  if (decision === 'withdraw')
    return actorTeamIds.includes(handoff.fromTeamId) ? null : 'not_requesting_team';
  if (!actorTeamIds.includes(handoff.toTeamId)) return 'not_receiving_team';
  if (decision === 'decline' && !(reason && reason.trim().length > 0)) return 'reason_required';
  return null;
}

/** The status a decision leads to. */
export function statusAfter(decision: HandoffDecision): HandoffStatus {
  return decision === 'accept' ? 'accepted' : decision === 'decline' ? 'declined' : 'withdrawn';
}

/**
 * May the owning team ask `to` for a hand-off or a share? Not on a closed case, not to itself, and for a
 * hand-off not while another hand-off of the case is pending (two teams would both expect to own it).
 */
export function checkHandoffRequest(
  c: { closed: boolean; ownerTeamId: string; pendingHandoff: boolean },
  kind: HandoffKind,
  to: TeamRef,
): HandoffRefusal | null {
  if (c.closed) return 'case_closed';
  if (to.teamId === c.ownerTeamId) return 'same_team';
  if (kind === 'handoff' && c.pendingHandoff) return 'already_pending';
  return null;
}

/** Direction of a hand-off between tiers: down (to a lower tier, MI-1's 順次移管), up, or across. */
export function handoffDirection(from: Tier, to: Tier): 'down' | 'up' | 'across' {
  const order: Record<Tier, number> = { municipality: 0, region: 1, centre: 2 };
  return order[to] < order[from] ? 'down' : order[to] > order[from] ? 'up' : 'across';
}
