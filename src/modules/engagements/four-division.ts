/**
 * Four-division meetings by municipality (KU-2; docs/municipal-support.md §2): for every municipality of the
 * area, its cycle, the last meeting held and which divisions came, the next one planned, when the next is due
 * and how overdue it is, and whose it is — the named owner, else the branch covering its region, else the HQ.
 * Ordered so that the most overdue come first. The cadence of one municipality changes under optimistic locking
 * with its audit entry.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  centreRegions,
  centres,
  engagementCadences,
  engagements,
  municipalities,
  regionMunicipalities,
  regions,
  users,
} from '../../db/schema';
import { AppError, type ErrorIssue } from '../../server/errors';
import type { CadenceState } from '../../shared/vocab/engagements';
import type { Division } from '../../shared/vocab/network';
import { recordAudit } from '../audit/record';
import { cadenceStatus } from './cadence';
import type { EngagementPolicy } from './policy';
import type { CadenceRequest, FourDivisionRow } from './schemas';
import { municipalityInScope, municipalityScope } from './scope';
import type { Who } from './write';

/** Overdue first, then due, on track, and off the cycle. */
const STATE_ORDER: Record<CadenceState, number> = { overdue: 0, due: 1, on_track: 2, off_cycle: 3 };

/** The four-division status of every municipality of the area (or of the given ones). */
export async function fourDivisionStatus(
  db: DbOrTx,
  policy: EngagementPolicy,
  today: string,
  only?: string[],
): Promise<FourDivisionRow[]> {
  const pref = policy.prefectureCode;
  if (!pref || policy.area.kind === 'none') return [];
  const inArea = and(
    eq(municipalities.prefectureCode, pref),
    municipalityScope(policy, municipalities.code),
    only ? inArray(municipalities.code, only.length ? only : ['']) : undefined,
  );
  const munis = await db
    .select({
      code: municipalities.code,
      name: municipalities.name,
      regionId: regions.id,
      regionName: regions.name,
      regionOrder: regions.sortOrder,
      cadence: engagementCadences,
      ownerName: users.displayName,
    })
    .from(municipalities)
    .leftJoin(
      regionMunicipalities,
      and(
        eq(regionMunicipalities.municipalityCode, municipalities.code),
        isNull(regionMunicipalities.validTo),
      ),
    )
    .leftJoin(regions, eq(regions.id, regionMunicipalities.regionId))
    .leftJoin(engagementCadences, eq(engagementCadences.municipalityCode, municipalities.code))
    .leftJoin(users, eq(users.id, engagementCadences.ownerUserId))
    .where(inArea);
  const meetings = and(
    eq(engagements.prefectureCode, pref),
    eq(engagements.kind, 'four_division'),
    municipalityScope(policy, engagements.municipalityCode),
    only ? inArray(engagements.municipalityCode, only.length ? only : ['']) : undefined,
  );
  const held = await db
    .selectDistinctOn([engagements.municipalityCode], {
      code: engagements.municipalityCode,
      on: engagements.occurredOn,
      divisions: engagements.divisions,
    })
    .from(engagements)
    .where(and(meetings, eq(engagements.status, 'held')))
    .orderBy(engagements.municipalityCode, desc(engagements.occurredOn));
  const planned = await db
    .selectDistinctOn([engagements.municipalityCode], {
      code: engagements.municipalityCode,
      on: engagements.occurredOn,
    })
    .from(engagements)
    .where(and(meetings, eq(engagements.status, 'planned'), sql`${engagements.occurredOn} >= ${today}`))
    .orderBy(engagements.municipalityCode, asc(engagements.occurredOn));
  const branches = await db
    .select({ regionId: centreRegions.regionId, name: centres.name })
    .from(centreRegions)
    .innerJoin(centres, eq(centres.id, centreRegions.centreId))
    .where(and(eq(centres.prefectureCode, pref), eq(centres.kind, 'branch')));
  const lastOf = new Map(held.map((h) => [h.code, h]));
  const plannedOf = new Map(planned.map((p) => [p.code, p.on]));
  const branchOf = new Map(branches.map((b) => [b.regionId, b.name]));
  const rows = munis.map((m): FourDivisionRow & { order: number } => {
    const last = lastOf.get(m.code);
    const c = m.cadence;
    const status = cadenceStatus({
      cadence: c ? { active: c.active, minMonths: c.minMonths, maxMonths: c.maxMonths } : null,
      lastHeldOn: last?.on ?? null,
      nextPlannedOn: plannedOf.get(m.code) ?? null,
      today,
    });
    return {
      municipalityCode: m.code,
      municipalityName: m.name,
      regionName: m.regionName ?? null,
      ...status,
      lastHeldOn: last?.on ?? null,
      lastDivisions: (last?.divisions ?? []) as Division[],
      nextPlannedOn: plannedOf.get(m.code) ?? null,
      ownerUserId: c?.ownerUserId ?? null,
      ownerName: m.ownerName ?? null,
      branchName: m.regionId ? (branchOf.get(m.regionId) ?? null) : null,
      note: c?.note ?? null,
      version: c?.version ?? 0,
      order: m.regionOrder ?? 1e9,
    };
  });
  rows.sort(
    (a, b) =>
      STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
      (a.state === 'overdue' ? b.daysOverdue - a.daysOverdue : 0) ||
      (a.nextDue ?? '9999').localeCompare(b.nextDue ?? '9999') ||
      a.order - b.order ||
      a.municipalityCode.localeCompare(b.municipalityCode),
  );
  return rows.map(({ order: _order, ...r }) => r);
}

/** Sets a municipality's four-division meeting cycle and whose it is. */
export async function setCadence(
  tx: DbOrTx,
  who: Who,
  policy: EngagementPolicy,
  unverifiedCode: string,
  body: CadenceRequest,
): Promise<FourDivisionRow> {
  const muni = await municipalityInScope(tx, policy, unverifiedCode);
  if (!policy.write || !policy.prefectureCode) throw new AppError('forbidden');
  const issues: ErrorIssue[] = [];
  if (body.maxMonths < body.minMonths) {
    const ja = '期限（月数）は開催時期（月数）以上にしてください';
    const en = 'The deadline must be at least as many months as when the meeting falls due';
    issues.push({ path: 'maxMonths', message: `${ja} / ${en}`, ja, en });
  }
  if (body.ownerUserId) {
    const [owner] = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.id, body.ownerUserId),
          eq(users.prefectureCode, policy.prefectureCode),
          inArray(users.role, ['centre_admin', 'centre_staff', 'regional_coordinator']),
          isNull(users.disabledAt),
        ),
      );
    if (!owner) {
      const ja = '担当者はセンターの職員またはコーディネーターから選んでください';
      const en = 'Choose the owner from the centre’s staff or coordinators';
      issues.push({ path: 'ownerUserId', message: `${ja} / ${en}`, ja, en });
    }
  }
  if (issues.length) throw new AppError('validation_failed', { issues });
  const [current] = await fourDivisionStatus(tx, policy, who.today, [muni.code]);
  const values = {
    active: body.active,
    minMonths: body.minMonths,
    maxMonths: body.maxMonths,
    ownerUserId: body.ownerUserId,
    note: body.note?.trim() || null,
    updatedBy: who.actor.userId,
    updatedAt: who.at,
  };
  const changed =
    body.version === 0
      ? await tx
          .insert(engagementCadences)
          .values({ ...values, municipalityCode: muni.code, prefectureCode: policy.prefectureCode })
          .onConflictDoNothing()
          .returning({ code: engagementCadences.municipalityCode })
      : await tx
          .update(engagementCadences)
          .set({ ...values, version: sql`${engagementCadences.version} + 1` })
          .where(
            and(
              eq(engagementCadences.municipalityCode, muni.code),
              eq(engagementCadences.version, body.version),
            ),
          )
          .returning({ code: engagementCadences.municipalityCode });
  if (changed.length === 0) throw new AppError('conflict', { detail: { current } });
  await recordAudit(tx, who, {
    action: body.version === 0 ? 'create' : 'update',
    entityType: 'engagement_cadence',
    entityIds: [],
    detail: {
      municipalityCode: muni.code,
      active: body.active,
      months: [body.minMonths, body.maxMonths],
      owner: body.ownerUserId,
    },
  });
  const [after] = await fourDivisionStatus(tx, policy, who.today, [muni.code]);
  return after!;
}
