/**
 * The one place that decides which children the disaster lists name (docs/disaster.md, decision 0029).
 *
 * - The area is the municipal pages' (municipalities/policy.ts): the whole prefecture for the centre and auditors,
 *   the regions of a branch or a regional coordinator, one municipality for its staff; providers, learners and
 *   system administrators have none (403 before anything is read).
 * - Within the area, a child is named only while the guardian's current decision on `disaster_planning` is a grant
 *   (child_disaster_consents, kept by a trigger); every other child of the area is counted, never named. For
 *   municipal staff this consent is the one that matters — it is the consent to hand the child's data to the
 *   municipality for disaster planning (KA-2) — so a child appears on its municipality's list with it even when
 *   the general `share_municipality` consent is absent; the full record stays behind the registry's scope.
 * - Only children living at home or in hospital are listed (not moved out, adult services or deceased).
 *
 * The disaster profile on a child's record follows the registry's by-id scope instead (registry/child-access.ts).
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { childDevices, childDisasterConsents, childDisasterProfiles, children } from '../../db/schema';
import { AppError } from '../../server/errors';
import type { Actor } from '../access/actor';
import { type MunicipalPolicy, municipalPolicy } from '../municipalities/policy';
import { municipalityScope } from '../municipalities/scope';

export type DisasterPolicy = MunicipalPolicy & { prefectureCode: string };

/** The actor's disaster policy (the municipal pages' area and edit right), or 403 for roles without one. */
export function requireDisasterReader(actor: Actor): DisasterPolicy {
  const policy = municipalPolicy(actor);
  if (!policy.prefectureCode || policy.area.kind === 'none') throw new AppError('forbidden');
  return policy as DisasterPolicy;
}

/** Children the disaster lists consider: living at home or in hospital. */
export const ACTIVE_STATUSES = ['at_home', 'in_hospital'] as const;

/** The children of the policy's area that the lists consider (named or counted), in SQL over `children`. */
export function disasterAreaScope(policy: MunicipalPolicy): SQL {
  if (!policy.prefectureCode) return sql`false`;
  return and(
    eq(children.prefectureCode, policy.prefectureCode),
    municipalityScope(policy, children.municipalityCode),
    inArray(children.status, [...ACTIVE_STATUSES]),
  )!;
}

/** True when the guardian's current decision on disaster planning is a grant. */
export function disasterConsentGranted(): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${childDisasterConsents}
    where ${childDisasterConsents.childId} = ${children.id} and ${childDisasterConsents.granted})`;
}

/** The children the actor's lists may name: the area and the disaster-planning consent. */
export function disasterListScope(policy: MunicipalPolicy): SQL {
  return and(disasterAreaScope(policy), disasterConsentGranted())!;
}

/** True when the child has a device that needs mains power (the registry's `needs_mains`). */
export function electricityDependentSql(): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${childDevices}
    where ${childDevices.childId} = ${children.id} and ${childDevices.needsMains})`;
}

/** The shortest battery time of the child's mains devices as the registry records it, or null. */
export function deviceBatteryHoursSql(): SQL<number | null> {
  return sql<number | null>`(select min(${childDevices.batteryHours})::float8 from ${childDevices}
    where ${childDevices.childId} = ${children.id} and ${childDevices.needsMains})`;
}

/**
 * Hours the child's devices run without mains power: the profile's internal + external + spare total, else the
 * shortest battery time of its mains devices in the registry; null when neither is known. Needs
 * child_disaster_profiles left-joined on the child. The outage list subtracts the hours since the outage.
 */
export function batteryHoursSql(): SQL<number | null> {
  return sql<
    number | null
  >`coalesce(${childDisasterProfiles.batteryHoursTotal}::float8, ${deviceBatteryHoursSql()})`;
}
