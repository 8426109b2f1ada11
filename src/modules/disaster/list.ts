/**
 * The municipality's list (docs/disaster.md §2): the children of one municipality of the reader's area whose
 * guardians consented to disaster planning, electricity-dependent first, with battery hours, back-up power,
 * contacts and plan status; every other child of the municipality counted only. The municipality records the
 * plan's status, the 名簿 and review dates back (as theirs: user and role), under the profile's version.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { childDisasterProfiles, childGuardians, children } from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import type { DisasterContactKind, PlanStatus } from '../../shared/vocab/disaster';
import { type MunicipalityRow, visibleMunicipality } from '../municipalities/scope';
import { type ProfileRow, type Who, writeProfileChange } from './profile';
import { compareListRows, planIssues } from './rules';
import {
  batteryHoursSql,
  type DisasterPolicy,
  disasterAreaScope,
  disasterConsentGranted,
  disasterListScope,
  electricityDependentSql,
} from './scope';

const contactsJson = sql<
  { kind: DisasterContactKind; name: string | null; organisation: string | null; phone: string | null }[]
>`
  coalesce((select json_agg(json_build_object('kind', k.kind, 'name', k.name, 'organisation', k.organisation,
    'phone', k.phone) order by k.position) from child_disaster_contacts k where k.child_id = ${children.id}), '[]')`;

const careItemsSql = sql<
  string[]
>`coalesce((select array_agg(ci.code order by ci.code) from child_care_items ci
  where ci.child_id = ${children.id}), '{}')`;

const devicesJson = sql<{ kind: string; needsMains: boolean; batteryHours: number | null }[]>`
  coalesce((select json_agg(json_build_object('kind', d.kind, 'needsMains', d.needs_mains,
    'batteryHours', d.battery_hours::float8) order by d.created_at) from child_devices d
    where d.child_id = ${children.id}), '[]')`;

const guardianSql = sql<{ name: string; relationship: string; phone: string | null } | null>`(
  select json_build_object('name', g.family_name || ' ' || g.given_name, 'relationship', g.relationship,
    'phone', g.phone) from ${childGuardians} g where g.child_id = ${children.id}
  order by g.is_primary desc, g.created_at limit 1)`;

/** The rows of the list, in the list's order (electricity-dependent first, fewest battery hours first). */
export async function listRows(db: DbOrTx, policy: DisasterPolicy, municipalityCode: string) {
  const rows = await db
    .select({
      id: children.id,
      familyName: children.familyName,
      givenName: children.givenName,
      familyKana: children.familyKana,
      givenKana: children.givenKana,
      birthDate: children.birthDate,
      sex: children.sex,
      address: children.address,
      status: children.status,
      careScore: children.careScore,
      electricityDependent: electricityDependentSql(),
      batteryHours: batteryHoursSql(),
      profile: childDisasterProfiles,
      guardian: guardianSql,
      contacts: contactsJson,
      careItems: careItemsSql,
      devices: devicesJson,
    })
    .from(children)
    .leftJoin(childDisasterProfiles, eq(childDisasterProfiles.childId, children.id))
    .where(and(disasterListScope(policy), eq(children.municipalityCode, municipalityCode)));
  return rows
    .map((r) => ({
      id: r.id,
      familyName: r.familyName,
      givenName: r.givenName,
      familyKana: r.familyKana,
      givenKana: r.givenKana,
      birthDate: r.birthDate,
      sex: r.sex,
      address: r.address,
      status: r.status,
      careScore: r.careScore,
      electricityDependent: r.electricityDependent,
      batteryHours: r.batteryHours === null ? null : Number(r.batteryHours),
      guardian: r.guardian,
      contacts: r.contacts,
      careItems: r.careItems,
      devices: r.devices,
      backupPower: r.profile?.backupPower ?? [],
      backupSubsidised: r.profile?.backupSubsidised ?? null,
      oxygenSupplier: r.profile?.oxygenSupplier ?? null,
      electricityRegistered: r.profile?.electricityRegistered ?? null,
      electricityCompany: r.profile?.electricityCompany ?? null,
      onMeibo: r.profile?.onMeibo ?? null,
      planStatus: r.profile?.planStatus ?? ('none' as PlanStatus),
      planReviewedOn: r.profile?.planReviewedOn ?? null,
      planRecordedRole: r.profile?.planRecordedRole ?? null,
      planRecordedAt: r.profile?.planRecordedAt?.toISOString() ?? null,
      evacuation: r.profile?.evacuation ?? null,
      meisRegistered: r.profile?.meisRegistered ?? null,
      drillDates: r.profile?.drillDates ?? [],
      version: r.profile?.version ?? 0,
    }))
    .sort(compareListRows);
}

export type ListRow = Awaited<ReturnType<typeof listRows>>[number];

/** The municipality's counts within the area: every child considered, named or not. */
export async function listCounts(db: DbOrTx, policy: DisasterPolicy, municipalityCode: string) {
  const [row] = await db
    .select({
      children: sql<number>`count(*)::int`,
      consented: sql<number>`count(*) filter (where ${disasterConsentGranted()})::int`,
      electricityDependent: sql<number>`count(*) filter (where ${electricityDependentSql()})::int`,
      electricityDependentWithheld: sql<number>`count(*) filter (where ${electricityDependentSql()}
        and not ${disasterConsentGranted()})::int`,
    })
    .from(children)
    .where(and(disasterAreaScope(policy), eq(children.municipalityCode, municipalityCode)));
  return row!;
}

/** The list of one municipality of the area (404 outside it), with its counts. */
export async function municipalityList(db: DbOrTx, policy: DisasterPolicy, unverifiedCode: string) {
  const m: MunicipalityRow = await visibleMunicipality(db, policy, unverifiedCode);
  const [rows, counts] = await Promise.all([listRows(db, policy, m.code), listCounts(db, policy, m.code)]);
  return {
    municipality: { code: m.code, name: m.name, regionName: m.regionName },
    counts,
    rows,
    canRecordPlan: policy.edit,
  };
}

export type MunicipalityList = Awaited<ReturnType<typeof municipalityList>>;

export type PlanInput = {
  onMeibo: boolean | null;
  planStatus: PlanStatus;
  planReviewedOn: string | null;
  version: number;
};

/**
 * Records the plan's status, the 名簿 and the review date as the municipality reports them, for a child on the
 * writer's list (404 otherwise; 403 for read-only roles), recorded as the writer's (user and role).
 */
export async function recordPlan(
  tx: DbOrTx,
  w: Who,
  policy: DisasterPolicy,
  unverifiedChildId: string,
  input: PlanInput,
) {
  if (!isUuid(unverifiedChildId)) throw new AppError('not_found');
  const [child] = await tx
    .select()
    .from(children)
    .where(and(eq(children.id, unverifiedChildId), disasterListScope(policy)));
  if (!child) throw new AppError('not_found');
  if (!policy.edit) throw new AppError('forbidden');
  const issues = planIssues(input.planStatus, input.planReviewedOn, w.today);
  if (issues.length) throw new AppError('validation_failed', { issues });
  await writeProfileChange(tx, w, child, input.version, 'plan', (before) => {
    const was = (f: keyof ProfileRow, dflt: unknown = null) => (before ? before[f] : dflt);
    const changes: Record<string, unknown> = {};
    if (was('onMeibo') !== input.onMeibo) changes.onMeibo = [was('onMeibo'), input.onMeibo];
    if (was('planStatus', 'none') !== input.planStatus)
      changes.planStatus = [was('planStatus', 'none'), input.planStatus];
    if (was('planReviewedOn') !== input.planReviewedOn)
      changes.planReviewedOn = [was('planReviewedOn'), input.planReviewedOn];
    return {
      values: {
        onMeibo: input.onMeibo,
        planStatus: input.planStatus,
        planReviewedOn: input.planReviewedOn,
        planRecordedBy: w.actor.userId,
        planRecordedRole: w.actor.role,
        planRecordedAt: w.at,
      },
      changes,
    };
  });
  return (await listRows(tx, policy, child.municipalityCode)).find((r) => r.id === child.id)!;
}
