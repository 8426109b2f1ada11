/**
 * Supervise teams (ME-2): forming one from people of the network, renaming it, changing its members and
 * (de)activating it. Each change is one transaction with its audit entry; a change carries the version the
 * client read and a stale one answers 409 with the team as it is now. Who may do what: `team-policy.ts`.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  centres,
  consultationTeamMembers,
  consultationTeams,
  organisations,
  people,
  users,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import {
  managedCentres,
  managesSuperviseTeam,
  memberChanges,
  superviseTierOf,
  type TeamManager,
} from './team-policy';

export type SuperviseMember = {
  personId: string;
  familyName: string;
  givenName: string;
  familyKana: string | null;
  givenKana: string | null;
  profession: string | null;
  organisationName: string | null;
  /** The person is linked to an active user, who acts for the team in the app (others take part offline). */
  hasAccount: boolean;
};

export type SuperviseTeamView = {
  id: string;
  name: string;
  tier: 'region' | 'centre';
  centreId: string | null;
  centreName: string | null;
  active: boolean;
  version: number;
  updatedAt: string;
  members: SuperviseMember[];
};

type Who = { actor: Actor; meta: RequestMeta; at: Date };

/** Supervise teams of the prefecture with their members (all of them, or the ids given), by name. */
export async function superviseTeamViews(
  db: DbOrTx,
  prefectureCode: string,
  ids?: readonly string[],
): Promise<SuperviseTeamView[]> {
  if (ids && ids.length === 0) return [];
  const teams = await db
    .select({ team: consultationTeams, centreName: centres.name })
    .from(consultationTeams)
    .leftJoin(centres, eq(centres.id, consultationTeams.centreId))
    .where(
      and(
        eq(consultationTeams.prefectureCode, prefectureCode),
        eq(consultationTeams.kind, 'supervise'),
        ids ? inArray(consultationTeams.id, [...ids]) : undefined,
      ),
    )
    .orderBy(asc(consultationTeams.name));
  if (teams.length === 0) return [];
  const members = await db
    .select({
      teamId: consultationTeamMembers.teamId,
      personId: people.id,
      familyName: people.familyName,
      givenName: people.givenName,
      familyKana: people.familyKana,
      givenKana: people.givenKana,
      profession: people.profession,
      organisationName: organisations.name,
      hasAccount: sql<boolean>`exists (select 1 from ${users}
                                       where ${users.personId} = ${people.id} and ${users.disabledAt} is null)`,
    })
    .from(consultationTeamMembers)
    .innerJoin(people, eq(people.id, consultationTeamMembers.personId))
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(
      inArray(
        consultationTeamMembers.teamId,
        teams.map((t) => t.team.id),
      ),
    )
    .orderBy(asc(people.familyKana), asc(people.familyName), asc(people.givenName));
  return teams.map(({ team, centreName }) => ({
    id: team.id,
    name: team.name,
    tier: team.tier === 'region' ? 'region' : 'centre',
    centreId: team.centreId,
    centreName,
    active: team.deactivatedAt === null,
    version: team.version,
    updatedAt: team.updatedAt.toISOString(),
    members: members
      .filter((mm) => mm.teamId === team.id)
      .map(({ teamId: _t, hasAccount, ...p }) => ({ ...p, hasAccount: Boolean(hasAccount) })),
  }));
}

/** Every person named must be of the prefecture (400 naming the field otherwise). */
async function checkPeople(
  tx: DbOrTx,
  prefectureCode: string,
  personIds: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(personIds)];
  const found = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.prefectureCode, prefectureCode), inArray(people.id, unique)));
  if (found.length !== unique.length) {
    throw new AppError('validation_failed', {
      issues: [{ path: 'memberPersonIds', message: '登録されていない人が含まれています / Unknown people' }],
    });
  }
  return unique;
}

/**
 * The centre that forms a new team and the team's tier. Branch staff form their branch's teams (named or
 * not); the others name the HQ or any branch of the prefecture, or none (the centre, tier 'centre').
 */
async function formingCentre(
  tx: DbOrTx,
  manager: TeamManager,
  prefectureCode: string,
  body: { centreId?: string | null | undefined; tier?: 'region' | 'centre' | undefined },
): Promise<{ centreId: string | null; tier: 'region' | 'centre' }> {
  const scope = managedCentres(manager);
  if (scope === 'none') throw new AppError('forbidden');
  const centreId = body.centreId ?? (scope === 'all' ? null : scope.branchId);
  if (scope !== 'all' && centreId !== scope.branchId) throw new AppError('forbidden');
  let kind: 'hq' | 'branch' | null = null;
  if (centreId) {
    const [c] = await tx
      .select({ kind: centres.kind })
      .from(centres)
      .where(and(eq(centres.id, centreId), eq(centres.prefectureCode, prefectureCode)));
    if (!c) {
      throw new AppError('validation_failed', {
        issues: [{ path: 'centreId', message: 'センター・支部が見つかりません / Unknown centre or branch' }],
      });
    }
    kind = c.kind;
  }
  const tier = superviseTierOf(kind);
  if (body.tier && body.tier !== tier) {
    throw new AppError('validation_failed', {
      issues: [
        {
          path: 'tier',
          message:
            '支部のチームは圏域、本部のチームはセンターの階層です / A branch team is of the region tier, the HQ team of the centre tier',
        },
      ],
    });
  }
  return { centreId, tier };
}

export type FormSuperviseTeam = {
  name: string;
  tier?: 'region' | 'centre' | undefined;
  centreId?: string | null | undefined;
  memberPersonIds: string[];
};

/** Forms a supervise team (403 for a role that manages none; 400 for unknown people or centre). */
export async function formSuperviseTeam(
  tx: DbOrTx,
  who: Who,
  manager: TeamManager,
  body: FormSuperviseTeam,
): Promise<string> {
  const pref = who.actor.prefectureCode;
  if (!pref) throw new AppError('forbidden');
  const { centreId, tier } = await formingCentre(tx, manager, pref, body);
  const memberIds = await checkPeople(tx, pref, body.memberPersonIds);
  const [row] = await tx
    .insert(consultationTeams)
    .values({
      prefectureCode: pref,
      kind: 'supervise',
      tier,
      centreId,
      name: body.name,
      createdAt: who.at,
      updatedAt: who.at,
    })
    .returning();
  await tx
    .insert(consultationTeamMembers)
    .values(memberIds.map((personId) => ({ teamId: row!.id, personId, addedAt: who.at })));
  await recordAudit(tx, who, {
    action: 'configure',
    entityType: 'consultation_team',
    entityIds: [row!.id],
    detail: { change: 'form', name: body.name, tier, centreId, added: [...memberIds].sort() },
  });
  return row!.id;
}

export type UpdateSuperviseTeam = {
  version: number;
  name?: string | undefined;
  memberPersonIds?: string[] | undefined;
  active?: boolean | undefined;
};

/**
 * Renames a supervise team, replaces its members or (de)activates it. A team of another prefecture, a tier
 * team and an unknown id are 404; a team the actor does not manage is 403; a stale version is 409 carrying
 * the team as it is now. A removed member stops seeing the cases shared with the team at once.
 */
export async function updateSuperviseTeam(
  tx: DbOrTx,
  who: Who,
  manager: TeamManager,
  unverifiedId: string,
  body: UpdateSuperviseTeam,
): Promise<string> {
  const pref = who.actor.prefectureCode;
  if (!pref) throw new AppError('not_found');
  const [team] = await tx
    .select()
    .from(consultationTeams)
    .where(
      and(
        eq(consultationTeams.id, unverifiedId),
        eq(consultationTeams.prefectureCode, pref),
        eq(consultationTeams.kind, 'supervise'),
      ),
    );
  if (!team) throw new AppError('not_found');
  if (!managesSuperviseTeam(manager, team)) throw new AppError('forbidden');
  const memberIds = body.memberPersonIds ? await checkPeople(tx, pref, body.memberPersonIds) : null;
  const set: Partial<typeof consultationTeams.$inferInsert> = { updatedAt: who.at };
  if (body.name !== undefined) set.name = body.name;
  if (body.active !== undefined) set.deactivatedAt = body.active ? null : (team.deactivatedAt ?? who.at);
  const [locked] = await tx
    .update(consultationTeams)
    .set({ ...set, version: sql`${consultationTeams.version} + 1` })
    .where(and(eq(consultationTeams.id, team.id), eq(consultationTeams.version, body.version)))
    .returning({ id: consultationTeams.id });
  if (!locked) {
    const [current] = await superviseTeamViews(tx, pref, [team.id]);
    throw new AppError('conflict', { detail: { current } });
  }
  const detail: Record<string, unknown> = { change: 'update' };
  if (body.name !== undefined && body.name !== team.name) detail.name = [team.name, body.name];
  if (body.active !== undefined && body.active !== (team.deactivatedAt === null)) detail.active = body.active;
  if (memberIds) {
    const before = await tx
      .select({ personId: consultationTeamMembers.personId })
      .from(consultationTeamMembers)
      .where(eq(consultationTeamMembers.teamId, team.id));
    const { added, removed } = memberChanges(
      before.map((b) => b.personId),
      memberIds,
    );
    if (removed.length) {
      await tx
        .delete(consultationTeamMembers)
        .where(
          and(
            eq(consultationTeamMembers.teamId, team.id),
            inArray(consultationTeamMembers.personId, removed),
          ),
        );
    }
    if (added.length) {
      await tx
        .insert(consultationTeamMembers)
        .values(added.map((personId) => ({ teamId: team.id, personId, addedAt: who.at })));
    }
    detail.added = added;
    detail.removed = removed;
  }
  await recordAudit(tx, who, {
    action: 'configure',
    entityType: 'consultation_team',
    entityIds: [team.id],
    detail,
  });
  return team.id;
}
