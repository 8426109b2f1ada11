/**
 * Teams (相談の担当チーム). A consultation is owned by one team at a tier (KU-1, ME-1): a municipality's team,
 * a region's team (its regional coordinators) or a branch's team (centre staff of a branch, also tier
 * 'region'), or the prefecture's centre (HQ) team. Which tier teams a user belongs to follows from the role and
 * the scope columns alone ({@link teamKeysForUser}, pure); a user linked to a person of the network is also a
 * member of every supervise team (ME-2) that lists that person. Tier teams are created lazily the first time a
 * case is given to them ({@link ensureTeam}), so the network needs no separate seeding.
 */
import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  centres,
  consultationTeamMembers,
  consultationTeams,
  municipalities,
  regions,
  users,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import type { Actor } from '../access/actor';
import type { Role } from '../access/roles';

/** A tier team named by what it stands for in the network. */
export type TeamKey =
  | { tier: 'municipality'; municipalityCode: string }
  | { tier: 'region'; regionId: string }
  | { tier: 'region'; centreId: string }
  | { tier: 'centre' };

/** The scope columns of a user, and the kind of the centre it is limited to (if any). */
export type TeamUser = {
  role: Role;
  prefectureCode: string | null;
  scopeCentreId: string | null;
  scopeCentreKind: 'hq' | 'branch' | null;
  scopeRegionId: string | null;
  scopeMunicipalityCode: string | null;
};

/**
 * The tier teams a user works in, from the role and scope alone:
 * - municipal staff → the team of their municipality;
 * - regional coordinators → the team of their region;
 * - centre staff limited to a branch → that branch's team (tier region); limited to the HQ, or to nothing
 *   (whole prefecture) → the centre team; centre administrators → the centre team;
 * - providers, auditors, learners and system administrators work in no team (auditors read, providers are
 *   askers, learners see no consultation).
 * Incomplete scope columns give no team (default deny), never a wider one.
 */
export function teamKeysForUser(u: TeamUser): TeamKey[] {
  if (!u.prefectureCode) return [];
  switch (u.role) {
    case 'municipal_staff':
      return u.scopeMunicipalityCode
        ? [{ tier: 'municipality', municipalityCode: u.scopeMunicipalityCode }]
        : [];
    case 'regional_coordinator':
      return u.scopeRegionId ? [{ tier: 'region', regionId: u.scopeRegionId }] : [];
    case 'centre_staff':
      if (!u.scopeCentreId) return [{ tier: 'centre' }];
      if (u.scopeCentreKind === 'branch') return [{ tier: 'region', centreId: u.scopeCentreId }];
      return u.scopeCentreKind === 'hq' ? [{ tier: 'centre' }] : [];
    case 'centre_admin':
      return [{ tier: 'centre' }];
    case 'provider_staff':
    case 'auditor':
    case 'system_admin':
    case 'learner':
      return [];
  }
}

/** True when the actor reads every consultation of its prefecture (centre administrators, auditors, HQ staff). */
export function seesWholePrefecture(actor: Actor): boolean {
  if (!actor.prefectureCode) return false;
  if (actor.role === 'centre_admin' || actor.role === 'auditor') return true;
  return actor.role === 'centre_staff' && actor.scope.kind === 'prefecture';
}

function keyCondition(prefectureCode: string, key: TeamKey) {
  const base = and(
    eq(consultationTeams.prefectureCode, prefectureCode),
    eq(consultationTeams.kind, 'tier'),
    eq(consultationTeams.tier, key.tier),
  );
  if (key.tier === 'municipality')
    return and(base, eq(consultationTeams.municipalityCode, key.municipalityCode));
  if (key.tier === 'centre') return base;
  if ('regionId' in key) return and(base, eq(consultationTeams.regionId, key.regionId));
  return and(base, eq(consultationTeams.centreId, key.centreId));
}

export type TeamRow = typeof consultationTeams.$inferSelect;

/** The scope columns of the actor's user row (and its person of the network), or null. */
export async function loadTeamUser(
  db: DbOrTx,
  actor: Actor,
): Promise<(TeamUser & { personId: string | null }) | null> {
  const [u] = await db
    .select({
      role: users.role,
      prefectureCode: users.prefectureCode,
      scopeCentreId: users.scopeCentreId,
      scopeCentreKind: centres.kind,
      scopeRegionId: users.scopeRegionId,
      scopeMunicipalityCode: users.scopeMunicipalityCode,
      personId: users.personId,
    })
    .from(users)
    .leftJoin(centres, eq(centres.id, users.scopeCentreId))
    .where(eq(users.id, actor.userId));
  return u ? { ...u, scopeCentreKind: u.scopeCentreKind ?? null } : null;
}

/**
 * The actor's team columns: those its session statement read (no statement), or else its user row's.
 */
async function teamUserOf(
  db: DbOrTx,
  actor: Actor,
): Promise<(TeamUser & { personId: string | null }) | null> {
  if (!actor.scopeColumns) return loadTeamUser(db, actor);
  return { role: actor.role, prefectureCode: actor.prefectureCode, ...actor.scopeColumns };
}

/**
 * The teams an actor works in that exist already (tier teams from the role; supervise teams by person): one
 * statement for an actor of a request, whose scope columns came with its session.
 */
export async function actorTeams(db: DbOrTx, actor: Actor): Promise<TeamRow[]> {
  if (!actor.prefectureCode) return [];
  const u = await teamUserOf(db, actor);
  if (!u) return [];
  const keys = teamKeysForUser(u);
  const conds = keys.map((k) => keyCondition(actor.prefectureCode!, k));
  if (u.personId) {
    conds.push(
      and(
        eq(consultationTeams.prefectureCode, actor.prefectureCode),
        eq(consultationTeams.kind, 'supervise'),
        sql`exists (select 1 from ${consultationTeamMembers}
                    where ${consultationTeamMembers.teamId} = ${consultationTeams.id}
                      and ${consultationTeamMembers.personId} = ${u.personId})`,
      ),
    );
  }
  if (conds.length === 0) return [];
  return db
    .select()
    .from(consultationTeams)
    .where(or(...conds));
}

/** The tier team keys of an actor (for creating its own team on its first consultation). */
export async function actorTeamKeys(db: DbOrTx, actor: Actor): Promise<TeamKey[]> {
  const u = await teamUserOf(db, actor);
  return u ? teamKeysForUser(u) : [];
}

/**
 * The team for a key, created on first use. The key must name a municipality, region or branch of the
 * prefecture (400 `consultation_team_unknown` otherwise). Safe under concurrency: the unique partial
 * indexes make a second insert a no-op.
 */
export async function ensureTeam(tx: DbOrTx, prefectureCode: string, key: TeamKey): Promise<TeamRow> {
  const found = await tx.select().from(consultationTeams).where(keyCondition(prefectureCode, key));
  if (found[0]) return found[0];
  await tx
    .insert(consultationTeams)
    .values(await tierTeamValues(tx, prefectureCode, key))
    .onConflictDoNothing();
  const [row] = await tx.select().from(consultationTeams).where(keyCondition(prefectureCode, key));
  return row!;
}

/**
 * The row a tier team has (or will have when first used): its name and the place of the network it stands
 * for. A key naming no municipality, region or branch of the prefecture is 400 `consultation_team_unknown`.
 */
export async function tierTeamValues(
  tx: DbOrTx,
  prefectureCode: string,
  key: TeamKey,
): Promise<typeof consultationTeams.$inferInsert> {
  let name: string;
  const values: typeof consultationTeams.$inferInsert = {
    prefectureCode,
    kind: 'tier',
    tier: key.tier,
    name: '',
  };
  if (key.tier === 'municipality') {
    const [m] = await tx
      .select({ name: municipalities.name })
      .from(municipalities)
      .where(
        and(eq(municipalities.code, key.municipalityCode), eq(municipalities.prefectureCode, prefectureCode)),
      );
    if (!m) throw new AppError('consultation_team_unknown');
    name = m.name;
    values.municipalityCode = key.municipalityCode;
  } else if (key.tier === 'centre') {
    const [hq] = await tx
      .select({ id: centres.id, name: centres.name })
      .from(centres)
      .where(
        and(eq(centres.prefectureCode, prefectureCode), eq(centres.kind, 'hq'), isNull(centres.parentId)),
      )
      .limit(1);
    name = hq?.name ?? 'センター';
    values.centreId = hq?.id ?? null;
  } else if ('regionId' in key) {
    const [r] = await tx
      .select({ name: regions.name })
      .from(regions)
      .where(and(eq(regions.id, key.regionId), eq(regions.prefectureCode, prefectureCode)));
    if (!r) throw new AppError('consultation_team_unknown');
    name = r.name;
    values.regionId = key.regionId;
  } else {
    const [b] = await tx
      .select({ name: centres.name })
      .from(centres)
      .where(
        and(
          eq(centres.id, key.centreId),
          eq(centres.prefectureCode, prefectureCode),
          eq(centres.kind, 'branch'),
        ),
      );
    if (!b) throw new AppError('consultation_team_unknown');
    name = b.name;
    values.centreId = key.centreId;
  }
  return { ...values, name };
}

/** A team of the prefecture by id (tier or supervise), or 400 when there is none. */
export async function teamById(
  tx: DbOrTx,
  prefectureCode: string,
  unverifiedTeamId: string,
): Promise<TeamRow> {
  const [row] = await tx
    .select()
    .from(consultationTeams)
    .where(
      and(eq(consultationTeams.id, unverifiedTeamId), eq(consultationTeams.prefectureCode, prefectureCode)),
    );
  if (!row) throw new AppError('consultation_team_unknown');
  return row;
}

/** A team that may be sent a new request: as {@link teamById}, and a deactivated supervise team is 400. */
export async function requestableTeamById(
  tx: DbOrTx,
  prefectureCode: string,
  unverifiedTeamId: string,
): Promise<TeamRow> {
  const team = await teamById(tx, prefectureCode, unverifiedTeamId);
  if (team.deactivatedAt) throw new AppError('consultation_team_inactive');
  return team;
}

/**
 * The users who act for a team (for notifications): municipal staff of its municipality, regional
 * coordinators of its region, centre staff of its branch, the centre's administrators and unlimited staff,
 * or users linked to a supervise team's members.
 */
export async function teamUserIds(
  db: DbOrTx,
  team: Pick<
    TeamRow,
    'id' | 'kind' | 'tier' | 'prefectureCode' | 'municipalityCode' | 'regionId' | 'centreId'
  >,
): Promise<string[]> {
  const active = and(eq(users.prefectureCode, team.prefectureCode), isNull(users.disabledAt));
  let cond: SQL | undefined;
  if (team.kind === 'supervise') {
    cond = sql`${users.personId} in (select ${consultationTeamMembers.personId} from ${consultationTeamMembers}
                                     where ${consultationTeamMembers.teamId} = ${team.id})`;
  } else if (team.tier === 'municipality') {
    cond = and(eq(users.role, 'municipal_staff'), eq(users.scopeMunicipalityCode, team.municipalityCode!));
  } else if (team.tier === 'centre') {
    cond = or(
      eq(users.role, 'centre_admin'),
      and(eq(users.role, 'centre_staff'), isNull(users.scopeCentreId)),
      and(
        eq(users.role, 'centre_staff'),
        inArray(
          users.scopeCentreId,
          sql`(select ${centres.id} from ${centres} where ${centres.kind} = 'hq')`,
        ),
      ),
    );
  } else if (team.regionId) {
    cond = and(eq(users.role, 'regional_coordinator'), eq(users.scopeRegionId, team.regionId));
  } else {
    cond = and(eq(users.role, 'centre_staff'), eq(users.scopeCentreId, team.centreId!));
  }
  const rows = await db.select({ id: users.id }).from(users).where(and(active, cond));
  return rows.map((r) => r.id);
}
