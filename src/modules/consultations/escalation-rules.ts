/**
 * First contact that never strands a family (MI-8, KU-7), as pure rules: where a public request goes when its
 * municipality has nobody to answer it, and when an unanswered one moves on. The reads and writes are in
 * `first-contact.ts` (routing at the form) and `escalate-job.ts` (the background job).
 */
import { addDays, compareIsoDates } from '../../shared/dates';
import type { Tier } from '../../shared/vocab/consultations';
import type { SystemText } from '../../shared/vocab/system-text';
import { addWorkingDays, type WorkingCalendar } from '../../shared/working-days';

/** Working days a public request may wait untouched before it is escalated, unless the prefecture sets another. */
export const DEFAULT_ESCALATE_AFTER_WORKING_DAYS = 3;

/** Who can answer at each tier of the request's place: active accounts of the municipality and of its region. */
export type Responders = {
  municipalityStaff: number;
  /** Null when the municipality belongs to no region today. */
  regionId: string | null;
  regionCoordinators: number;
};

export type Destination =
  | { tier: 'municipality' }
  | { tier: 'region'; regionId: string }
  | { tier: 'centre' };

/**
 * Where a request of the public form goes: the municipality's team when it has an active staff account; else
 * its region's coordinator team when that has an active coordinator; else the centre. The reason says why it is
 * not with the municipality (null when it is).
 */
export function routeFirstContact(
  r: Responders,
  municipalityName: string,
): { to: Destination; reason: SystemText | null } {
  if (r.municipalityStaff > 0) return { to: { tier: 'municipality' }, reason: null };
  if (r.regionId && r.regionCoordinators > 0) {
    return {
      to: { tier: 'region', regionId: r.regionId },
      reason: { code: 'consultation_routed_no_municipal_staff', params: { municipality: municipalityName } },
    };
  }
  return {
    to: { tier: 'centre' },
    reason: { code: 'consultation_routed_to_centre', params: { municipality: municipalityName } },
  };
}

/**
 * Where an unanswered request moves: from the municipality to its region's coordinators (when the region has
 * an active one), else to the centre; from a region to the centre; the centre is the last stop (null).
 */
export function escalationDestination(
  owner: Tier,
  r: Pick<Responders, 'regionId' | 'regionCoordinators'>,
): Exclude<Destination, { tier: 'municipality' }> | null {
  if (owner === 'municipality' && r.regionId && r.regionCoordinators > 0)
    return { tier: 'region', regionId: r.regionId };
  if (owner === 'municipality' || owner === 'region') return { tier: 'centre' };
  return null;
}

/** The reason an escalation writes on the case (shown in the reader's language). */
export function escalationReason(days: number, fromTeam: string): SystemText {
  return { code: 'consultation_escalated_unanswered', params: { days, from: fromTeam } };
}

/**
 * The latest day of arrival whose wait is over on `today`: a request that arrived on day A has waited long
 * enough once `today` is after A + `days` working days. Every request that arrived on or before the returned
 * day is due for escalation, so the job asks for them with one date comparison.
 */
export function escalationCutOff(today: string, days: number, cal: WorkingCalendar): string {
  // addWorkingDays(A, days) grows with A: walk back from yesterday to the first A whose deadline is passed.
  let a = addDays(today, -1);
  for (let i = 0; i < 400; i++, a = addDays(a, -1)) {
    if (compareIsoDates(addWorkingDays(a, days, cal), today) < 0) return a;
  }
  throw new RangeError(`no escalation cut-off within 400 days of ${today}`);
}

/** The date a public request is first due: the next working day after it arrived. */
export function firstAnswerDue(arrivedOn: string, cal: WorkingCalendar): string {
  return addWorkingDays(arrivedOn, 1, cal);
}
