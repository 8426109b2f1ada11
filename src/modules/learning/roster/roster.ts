/**
 * The coordinator roster (MI-5; docs/learning.md §7): everyone with a standing (not revoked) completion of a
 * coordinator course of the prefecture, with the 年度 of their first completion, profession and group, where
 * they work now (their learner profile) and whether they are active — a flag staff keep with the day they last
 * confirmed it — and per municipality and region how many trained coordinators there are and how many are
 * active. Read within {@link rosterArea}; a flag changes under optimistic locking with its audit entry.
 */
import { and, eq, inArray, isNull, min, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import {
  centreRegions,
  coordinatorStatuses,
  learnerProfiles,
  municipalities,
  organisations,
  regionMunicipalities,
  regions,
  trainingCompletions,
  trainingCourses,
  users,
} from '../../../db/schema';
import { AppError } from '../../../server/errors';
import { isUuid } from '../../../server/openapi';
import { nendoOf } from '../../../shared/nendo';
import { PROFESSION_GROUP_OF, type Profession, type ProfessionGroup } from '../../../shared/vocab/learning';
import type { CoordinatorActivity } from '../../../shared/vocab/learning-roster';
import type { Actor, RequestMeta } from '../../access/actor';
import { recordAudit } from '../../audit/record';
import { editsRoster, type RosterArea } from './area';

export type RosterRow = {
  learnerUserId: string;
  name: string;
  firstCompletedOn: string;
  nendo: number;
  completions: number;
  profession: Profession | null;
  professionGroup: ProfessionGroup | null;
  workplace: string | null;
  municipalityCode: string | null;
  municipalityName: string | null;
  regionId: string | null;
  regionName: string | null;
  activity: CoordinatorActivity;
  confirmedOn: string | null;
  note: string | null;
  version: number;
};

export type RosterCount = { key: string; name: string | null; trained: number; active: number };

export type Roster = {
  canEdit: boolean;
  rows: RosterRow[];
  byMunicipality: RosterCount[];
  byRegion: RosterCount[];
  totals: { trained: number; active: number; inactive: number; unconfirmed: number };
};

/** The municipalities (current region membership) an area reads by; null = the whole prefecture. */
export function municipalityCondition(
  area: RosterArea,
  column: SQL | typeof learnerProfiles.municipalityCode,
) {
  switch (area.kind) {
    case 'none':
      return sql`false`;
    case 'prefecture':
      return undefined;
    case 'centre':
      return inArray(
        column as typeof learnerProfiles.municipalityCode,
        sql`(select ${regionMunicipalities.municipalityCode} from ${regionMunicipalities}
             join ${centreRegions} on ${centreRegions.regionId} = ${regionMunicipalities.regionId}
             where ${centreRegions.centreId} = ${area.centreId} and ${regionMunicipalities.validTo} is null)`,
      );
    case 'region':
      return inArray(
        column as typeof learnerProfiles.municipalityCode,
        sql`(select ${regionMunicipalities.municipalityCode} from ${regionMunicipalities}
             where ${regionMunicipalities.regionId} = ${area.regionId} and ${regionMunicipalities.validTo} is null)`,
      );
  }
}

/** The roster of the area, ordered by region, municipality and name. */
export async function coordinatorRoster(
  db: DbOrTx,
  prefectureCode: string,
  area: RosterArea,
): Promise<Roster> {
  if (area.kind === 'none') throw new AppError('forbidden');
  const done = db
    .select({
      learnerUserId: trainingCompletions.learnerUserId,
      first: min(trainingCompletions.completedOn).as('first'),
      n: sql<number>`count(*)::int`.as('n'),
    })
    .from(trainingCompletions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCompletions.courseId))
    .where(
      and(
        eq(trainingCompletions.prefectureCode, prefectureCode),
        eq(trainingCourses.kind, 'coordinator_course'),
        isNull(trainingCompletions.revokedAt),
      ),
    )
    .groupBy(trainingCompletions.learnerUserId)
    .as('done');
  const rows = await db
    .select({
      learnerUserId: done.learnerUserId,
      name: users.displayName,
      first: done.first,
      n: done.n,
      profession: learnerProfiles.profession,
      organisationName: organisations.name,
      workplaceName: learnerProfiles.workplaceName,
      municipalityCode: learnerProfiles.municipalityCode,
      municipalityName: municipalities.name,
      regionId: regions.id,
      regionName: regions.name,
      regionOrder: regions.sortOrder,
      active: coordinatorStatuses.active,
      confirmedOn: coordinatorStatuses.confirmedOn,
      note: coordinatorStatuses.note,
      version: coordinatorStatuses.version,
    })
    .from(done)
    .innerJoin(users, eq(users.id, done.learnerUserId))
    .leftJoin(learnerProfiles, eq(learnerProfiles.userId, done.learnerUserId))
    .leftJoin(organisations, eq(organisations.id, learnerProfiles.workplaceOrganisationId))
    .leftJoin(municipalities, eq(municipalities.code, learnerProfiles.municipalityCode))
    .leftJoin(
      regionMunicipalities,
      and(
        eq(regionMunicipalities.municipalityCode, learnerProfiles.municipalityCode),
        isNull(regionMunicipalities.validTo),
      ),
    )
    .leftJoin(regions, eq(regions.id, regionMunicipalities.regionId))
    .leftJoin(coordinatorStatuses, eq(coordinatorStatuses.learnerUserId, done.learnerUserId))
    .where(municipalityCondition(area, learnerProfiles.municipalityCode));
  rows.sort(
    (a, b) =>
      (a.regionOrder ?? 1e9) - (b.regionOrder ?? 1e9) ||
      (a.municipalityCode ?? '~').localeCompare(b.municipalityCode ?? '~') ||
      a.name.localeCompare(b.name, 'ja') ||
      a.learnerUserId.localeCompare(b.learnerUserId),
  );
  const out: RosterRow[] = rows.map((r) => {
    const first = String(r.first);
    const profession = (r.profession ?? null) as Profession | null;
    return {
      learnerUserId: r.learnerUserId,
      name: r.name,
      firstCompletedOn: first,
      nendo: nendoOf(first),
      completions: Number(r.n),
      profession,
      professionGroup: profession ? (PROFESSION_GROUP_OF[profession] ?? null) : null,
      workplace: r.organisationName ?? r.workplaceName ?? null,
      municipalityCode: r.municipalityCode ?? null,
      municipalityName: r.municipalityName ?? null,
      regionId: r.regionId ?? null,
      regionName: r.regionName ?? null,
      activity: r.active === null ? 'unconfirmed' : r.active ? 'active' : 'inactive',
      confirmedOn: r.confirmedOn ?? null,
      note: r.note ?? null,
      version: r.version ?? 0,
    };
  });
  return { canEdit: editsRoster(area), rows: out, ...rosterCounts(out) };
}

/** Trained and active coordinators per municipality and per region, and the totals (pure). */
export function rosterCounts(rows: readonly RosterRow[]): Omit<Roster, 'canEdit' | 'rows'> {
  const tally = (key: (r: RosterRow) => [string, string | null]) => {
    const m = new Map<string, RosterCount>();
    for (const r of rows) {
      const [k, name] = key(r);
      const c = m.get(k) ?? { key: k, name, trained: 0, active: 0 };
      c.trained++;
      if (r.activity === 'active') c.active++;
      m.set(k, c);
    }
    return [...m.values()];
  };
  const count = (a: RosterCount[]) => a; // insertion order follows the rows' order (region, municipality)
  return {
    byMunicipality: count(tally((r) => [r.municipalityCode ?? '', r.municipalityName])),
    byRegion: count(tally((r) => [r.regionId ?? '', r.regionName])),
    totals: {
      trained: rows.length,
      active: rows.filter((r) => r.activity === 'active').length,
      inactive: rows.filter((r) => r.activity === 'inactive').length,
      unconfirmed: rows.filter((r) => r.activity === 'unconfirmed').length,
    },
  };
}

export type SetCoordinatorStatus = {
  /** The version read: 0 when the flag was never set. */
  version: number;
  active: boolean;
  confirmedOn: string;
  note?: string | null | undefined;
};

/**
 * Sets whether a trained coordinator is active and the day it was confirmed. A learner who is not on the
 * area's roster answers 404 like an unknown id; a role that reads but does not keep the roster 403; a stale
 * version 409 with the row as it is now.
 */
export async function setCoordinatorStatus(
  tx: DbOrTx,
  who: { actor: Actor; meta: RequestMeta; at: Date },
  area: RosterArea,
  learnerUserId: string,
  body: SetCoordinatorStatus,
): Promise<RosterRow> {
  const pref = who.actor.prefectureCode;
  if (area.kind === 'none' || !pref) throw new AppError('forbidden');
  if (!isUuid(learnerUserId)) throw new AppError('not_found');
  const current = async () =>
    (await coordinatorRoster(tx, pref, area)).rows.find((r) => r.learnerUserId === learnerUserId);
  const before = await current();
  if (!before) throw new AppError('not_found');
  if (!editsRoster(area)) throw new AppError('forbidden');
  const note = body.note?.trim() || null;
  if (body.version === 0) {
    const inserted = await tx
      .insert(coordinatorStatuses)
      .values({
        learnerUserId,
        prefectureCode: pref,
        active: body.active,
        confirmedOn: body.confirmedOn,
        confirmedBy: who.actor.userId,
        note,
        updatedAt: who.at,
      })
      .onConflictDoNothing()
      .returning({ id: coordinatorStatuses.learnerUserId });
    if (inserted.length === 0) throw new AppError('conflict', { detail: { current: before } });
  } else {
    const updated = await tx
      .update(coordinatorStatuses)
      .set({
        active: body.active,
        confirmedOn: body.confirmedOn,
        confirmedBy: who.actor.userId,
        note,
        updatedAt: who.at,
        version: sql`${coordinatorStatuses.version} + 1`,
      })
      .where(
        and(
          eq(coordinatorStatuses.learnerUserId, learnerUserId),
          eq(coordinatorStatuses.version, body.version),
        ),
      )
      .returning({ id: coordinatorStatuses.learnerUserId });
    if (updated.length === 0) throw new AppError('conflict', { detail: { current: before } });
  }
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'coordinator_status',
    entityIds: [learnerUserId],
    detail: { active: [before.activity, body.active ? 'active' : 'inactive'], confirmedOn: body.confirmedOn },
  });
  const after = await current();
  return after!;
}
