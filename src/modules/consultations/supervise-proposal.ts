/**
 * A supervise team proposed for one case (ME-2; docs/consultations.md, docs/learning.md §7): whoever may ask for
 * supervision on the case names the expertise it needs and gets, from every supervise pool of the case's
 * prefecture, the members who together cover it with the fewest open supervise requests (the learning module's
 * greedy cover, `roster/proposal.ts`), and the prefecture's active supervise teams ranked by how well they fit —
 * those whose members' expertise covers the need first, then the fewest open requests — so the request can go
 * to an existing team or to one formed from the proposal. Reached like the request itself: a case the caller
 * cannot ask supervision for answers as the request would (404 out of scope, 403 or 409 `consultation_closed`).
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  consultationHandoffs,
  consultations,
  consultationTeamMembers,
  consultationTeams,
  supervisePoolMembers,
} from '../../db/schema';
import type { SuperviseExpertise } from '../../shared/vocab/learning-roster';
import type { Actor } from '../access/actor';
import { proposeTeam } from '../learning/roster/pool';
import { reachFor } from './access';

export async function superviseProposal(
  db: DbOrTx,
  actor: Actor,
  unverifiedId: string,
  needed: SuperviseExpertise[],
) {
  const reached = await reachFor(db, actor, unverifiedId, 'requestSupervise');
  const pref = reached.row.prefectureCode;
  const want = [...new Set(needed)];
  const proposal = await proposeTeam(db, pref, { kind: 'prefecture', edit: false }, undefined, want);
  return {
    proposal,
    teams: await rankTeams(db, pref, want, new Set(proposal.members.map((m) => m.personId))),
  };
}

/** The active supervise teams with what of the need their members cover and their open supervise requests. */
async function rankTeams(db: DbOrTx, pref: string, needed: SuperviseExpertise[], proposed: Set<string>) {
  const teams = await db
    .select({ id: consultationTeams.id, name: consultationTeams.name })
    .from(consultationTeams)
    .where(
      and(
        eq(consultationTeams.prefectureCode, pref),
        eq(consultationTeams.kind, 'supervise'),
        isNull(consultationTeams.deactivatedAt),
      ),
    )
    .orderBy(asc(consultationTeams.name), asc(consultationTeams.id));
  if (teams.length === 0) return [];
  const ids = teams.map((t) => t.id);
  const [members, open] = await Promise.all([
    db
      .select({ teamId: consultationTeamMembers.teamId, personId: consultationTeamMembers.personId })
      .from(consultationTeamMembers)
      .where(inArray(consultationTeamMembers.teamId, ids)),
    db
      .select({ teamId: consultationHandoffs.toTeamId, n: sql<number>`count(*)::int` })
      .from(consultationHandoffs)
      .innerJoin(consultations, eq(consultations.id, consultationHandoffs.consultationId))
      .where(
        and(
          inArray(consultationHandoffs.toTeamId, ids),
          eq(consultationHandoffs.kind, 'supervise'),
          inArray(consultationHandoffs.status, ['requested', 'accepted']),
          isNull(consultations.closedAt),
        ),
      )
      .groupBy(consultationHandoffs.toTeamId),
  ]);
  const personIds = [...new Set(members.map((m) => m.personId))];
  const pool = personIds.length
    ? await db
        .select({ personId: supervisePoolMembers.personId, tags: supervisePoolMembers.tags })
        .from(supervisePoolMembers)
        .where(
          and(
            eq(supervisePoolMembers.prefectureCode, pref),
            inArray(supervisePoolMembers.personId, personIds),
          ),
        )
    : [];
  const tagsOf = new Map<string, Set<string>>();
  for (const p of pool) {
    const set = tagsOf.get(p.personId) ?? new Set<string>();
    for (const tag of p.tags) set.add(tag);
    tagsOf.set(p.personId, set);
  }
  const openOf = new Map(open.map((o) => [o.teamId, Number(o.n)]));
  const ranked = teams.map((team) => {
    const mine = members.filter((m) => m.personId && m.teamId === team.id).map((m) => m.personId);
    const has = new Set(mine.flatMap((p) => [...(tagsOf.get(p) ?? [])]));
    return {
      id: team.id,
      name: team.name,
      members: mine.length,
      covers: needed.filter((tag) => has.has(tag)),
      uncovered: needed.filter((tag) => !has.has(tag)),
      openRequests: openOf.get(team.id) ?? 0,
      /** Every proposed member is in this team. */
      hasProposal: proposed.size > 0 && [...proposed].every((p) => mine.includes(p)),
    };
  });
  // Covering more of the need first, then the team holding the proposal, then fewer open requests, then name.
  return ranked
    .filter((r) => r.covers.length > 0)
    .sort(
      (a, b) =>
        b.covers.length - a.covers.length ||
        Number(b.hasProposal) - Number(a.hasProposal) ||
        a.openRequests - b.openRequests,
    );
}
