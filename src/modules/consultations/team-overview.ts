/**
 * The teams screen (`GET /api/consultations/teams/overview`): the actor's tier teams with the users who act for
 * them, and the prefecture's supervise teams (ME-2) with their members and what the actor may change.
 * Tier-team membership follows each user's role and area (`teams.ts`), so it is shown, not edited, here.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { centres, organisations, people, users } from '../../db/schema';
import type { Tier } from '../../shared/vocab/consultations';
import type { Actor } from '../access/actor';
import type { Role } from '../access/roles';
import { type SuperviseTeamView, superviseTeamViews } from './supervise-teams';
import { formsSuperviseTeams, managedCentres, managesSuperviseTeam, type TeamManager } from './team-policy';
import { type TeamUser, teamKeysForUser, teamUserIds, tierTeamValues } from './teams';

export type TierTeamView = {
  tier: Tier;
  name: string;
  members: { userId: string; displayName: string; role: Role; organisationName: string | null }[];
};

export type TeamsOverview = {
  tierTeams: TierTeamView[];
  superviseTeams: (SuperviseTeamView & { canEdit: boolean })[];
  canForm: boolean;
  /** The centres the actor may form a supervise team for (the HQ and branches, or its own branch). */
  formingCentres: { id: string; name: string; kind: 'hq' | 'branch' }[];
};

/** Builds the overview for an actor of a prefecture whose user row is `u`. */
export async function teamsOverview(
  db: DbOrTx,
  actor: Actor,
  u: TeamUser & TeamManager,
): Promise<TeamsOverview> {
  const pref = actor.prefectureCode!;
  const tierTeams: TierTeamView[] = [];
  for (const key of teamKeysForUser(u)) {
    const values = await tierTeamValues(db, pref, key);
    const ids = await teamUserIds(db, {
      id: '',
      kind: 'tier',
      tier: values.tier,
      prefectureCode: pref,
      municipalityCode: values.municipalityCode ?? null,
      regionId: values.regionId ?? null,
      centreId: values.centreId ?? null,
    });
    const members = ids.length
      ? await db
          .select({
            userId: users.id,
            displayName: users.displayName,
            role: users.role,
            organisationName: organisations.name,
          })
          .from(users)
          .leftJoin(people, eq(people.id, users.personId))
          .leftJoin(organisations, eq(organisations.id, people.organisationId))
          .where(inArray(users.id, ids))
          .orderBy(asc(users.displayName))
      : [];
    tierTeams.push({ tier: values.tier, name: values.name, members });
  }
  const supervise = await superviseTeamViews(db, pref);
  const scope = managedCentres(u);
  const formingCentres =
    scope === 'none'
      ? []
      : await db
          .select({ id: centres.id, name: centres.name, kind: centres.kind })
          .from(centres)
          .where(
            and(
              eq(centres.prefectureCode, pref),
              scope === 'all' ? undefined : eq(centres.id, scope.branchId),
            ),
          )
          .orderBy(asc(centres.kind), asc(centres.name));
  return {
    tierTeams,
    superviseTeams: supervise.map((s) => ({ ...s, canEdit: managesSuperviseTeam(u, s) })),
    canForm: formsSuperviseTeams(u),
    formingCentres,
  };
}
