/**
 * Who forms and changes supervise teams (ME-2). Pure rules over the actor's role and the centre its scope is
 * limited to; the routes load both ({@link loadTeamUser}) and answer 403 when a rule says no (after 404 for a
 * team of another prefecture).
 *
 * - Centre administrators, and centre staff of the HQ or of the whole prefecture, manage every supervise team
 *   of the prefecture, formed by the HQ (tier centre) or by a branch (tier region).
 * - Centre staff limited to a branch manage the teams of their branch only (ME-2: each branch registers its
 *   members and forms teams from them).
 * - Everyone else (municipal staff, regional coordinators, auditors, providers) manages none; they ask teams.
 */
import type { Role } from '../access/roles';

export type TeamManager = {
  role: Role;
  prefectureCode: string | null;
  scopeCentreId: string | null;
  scopeCentreKind: 'hq' | 'branch' | null;
};

/** The centres whose supervise teams the actor may manage: every one, the one branch, or none. */
export function managedCentres(m: TeamManager): 'all' | { branchId: string } | 'none' {
  if (!m.prefectureCode) return 'none';
  if (m.role === 'centre_admin') return 'all';
  if (m.role !== 'centre_staff') return 'none';
  if (!m.scopeCentreId || m.scopeCentreKind === 'hq') return 'all';
  return m.scopeCentreKind === 'branch' ? { branchId: m.scopeCentreId } : 'none';
}

/** May the actor form a supervise team at all? */
export function formsSuperviseTeams(m: TeamManager): boolean {
  return managedCentres(m) !== 'none';
}

/** May the actor change (rename, change members, deactivate) a supervise team formed by `centreId`? */
export function managesSuperviseTeam(m: TeamManager, team: { centreId: string | null }): boolean {
  const scope = managedCentres(m);
  if (scope === 'none') return false;
  return scope === 'all' || team.centreId === scope.branchId;
}

/** The tier a supervise team has from the centre that forms it: a branch's is 'region', the HQ's 'centre'. */
export function superviseTierOf(centreKind: 'hq' | 'branch' | null): 'region' | 'centre' {
  return centreKind === 'branch' ? 'region' : 'centre';
}

/** People added and removed between two member lists (sorted, for the audit entry). */
export function memberChanges(
  before: readonly string[],
  after: readonly string[],
): { added: string[]; removed: string[] } {
  const b = new Set(before);
  const a = new Set(after);
  return {
    added: [...a].filter((id) => !b.has(id)).sort(),
    removed: [...b].filter((id) => !a.has(id)).sort(),
  };
}
