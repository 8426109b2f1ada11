import type { Actor } from '../access/actor';
import type { Role } from '../access/roles';
import type { MunicipalArea } from '../municipalities/policy';

/**
 * Who may do what with outage lists and declared events (pure; docs/disaster.md §4–5, decision 0031).
 * - The outage list is read by the centre, regional coordinators and municipal staff, each within its area
 *   (municipal staff: their own municipality), and by auditors (read only). They record safety checks there.
 * - Only a centre administrator declares or ends an event and signs off its access review; auditors read reviews.
 * - Openings beyond the usual consent are a responder's, named on the event (not a role): see {@link mayOpen}.
 * - Provider staff, learners and system administrators have none of it (403 before anything is read).
 */
export type DisasterAccess = 'none' | 'read' | 'work' | 'admin';

export const DISASTER_EVENT_ACCESS = {
  system_admin: 'none',
  centre_admin: 'admin',
  centre_staff: 'work',
  regional_coordinator: 'work',
  municipal_staff: 'work',
  provider_staff: 'none',
  auditor: 'read',
  learner: 'none',
} as const satisfies Record<Role, DisasterAccess>;

/** The roles a centre administrator may name as responders of an event. */
export const RESPONDER_ROLES: readonly Role[] = [
  'centre_admin',
  'centre_staff',
  'regional_coordinator',
  'municipal_staff',
];

export type DisasterPolicy = {
  prefectureCode: string | null;
  area: MunicipalArea;
  access: DisasterAccess;
};

const NONE: DisasterPolicy = { prefectureCode: null, area: { kind: 'none' }, access: 'none' };

export function disasterPolicy(actor: Pick<Actor, 'role' | 'scope' | 'prefectureCode'>): DisasterPolicy {
  const access = DISASTER_EVENT_ACCESS[actor.role];
  if (!actor.prefectureCode || access === 'none') return NONE;
  const s = actor.scope;
  let area: MunicipalArea;
  if (s.kind === 'prefecture') area = { kind: 'prefecture' };
  else if (s.kind === 'regions' && s.regionIds.length) area = { kind: 'regions', regionIds: s.regionIds };
  else if (s.kind === 'municipality') area = { kind: 'municipality', municipalityCode: s.municipalityCode };
  else return NONE;
  return { prefectureCode: actor.prefectureCode, area, access };
}

/** Records safety checks (every reader but auditors). */
export const mayRecordChecks = (p: DisasterPolicy) => p.access === 'work' || p.access === 'admin';

/** Declares and ends events, signs off reviews: a centre administrator of the whole prefecture. */
export const mayAdminister = (p: DisasterPolicy) => p.access === 'admin' && p.area.kind === 'prefecture';

/** Reads access reviews: administrators and auditors of the whole prefecture. */
export const mayReadReviews = (p: DisasterPolicy) =>
  (p.access === 'admin' || p.access === 'read') && p.area.kind === 'prefecture';

/** The state of an event at `now`: before its start, in force, or over (its end time or ended early). */
export function eventState(
  e: { startsAt: Date; endsAt: Date; endedEarlyAt: Date | null },
  now: Date,
): 'scheduled' | 'active' | 'ended' {
  const end = e.endedEarlyAt && e.endedEarlyAt < e.endsAt ? e.endedEarlyAt : e.endsAt;
  if (now >= end) return 'ended';
  if (now < e.startsAt) return 'scheduled';
  return 'active';
}

/**
 * Whether the actor may open a record beyond the usual consent under the event: the event is in force and the
 * actor is one of its responders (and still has a role that works on the list). The child must also lie in the
 * event's areas and the actor's own area — the data layer checks that (openings.ts).
 */
export function mayOpen(
  p: DisasterPolicy,
  actorUserId: string,
  e: { startsAt: Date; endsAt: Date; endedEarlyAt: Date | null; responderUserIds: string[] },
  now: Date,
): boolean {
  return mayRecordChecks(p) && eventState(e, now) === 'active' && e.responderUserIds.includes(actorUserId);
}

/** Hours of battery left `now` for a child with `batteryHours` when the power went out at `since` (may be < 0). */
export function hoursLeft(batteryHours: number | null, since: Date, now: Date): number | null {
  if (batteryHours == null) return null;
  return Math.round((batteryHours - (now.getTime() - since.getTime()) / 3_600_000) * 10) / 10;
}
