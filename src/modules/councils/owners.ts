/**
 * Who may own an action item of a body: an active user of the prefecture in a role that uses the councils
 * screens, who reads the body. One statement reads every candidate with the facts their council policy needs
 * (the kind and regions of their centre, their municipality's regions, the branches covering their regions, and
 * whether they are a current member of the body); the pure policy (policy.ts `councilPolicy`, `readsBody`) then
 * decides each in memory — the same rule `bodyScope` puts into SQL for one reader. No statement per candidate.
 */
import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { centres, users } from '../../db/schema';
import { resolveActor } from '../access/resolve-actor';
import { type CouncilFacts, councilPolicy, readsBody } from './policy';
import type { BodyRow } from './scope';

/** Roles that may own an action item (they use the councils screens). */
export const OWNER_ROLES = [
  'centre_admin',
  'centre_staff',
  'regional_coordinator',
  'municipal_staff',
] as const;

/** The most candidates a picker lists. */
const MAX_CANDIDATES = 300;

export type OwnerCandidate = { userId: string; name: string; isMember: boolean };

/**
 * The people who may own an action item of the body, members with an account first, then by name; with
 * `userId`, that one person or nobody (the check of a form's owner).
 */
export async function ownerCandidates(
  db: DbOrTx,
  body: BodyRow,
  today: string,
  userId?: string,
): Promise<OwnerCandidate[]> {
  const conds: SQL[] = [
    eq(users.prefectureCode, body.prefectureCode),
    isNull(users.disabledAt),
    inArray(users.role, [...OWNER_ROLES]),
  ];
  if (userId) conds.push(eq(users.id, userId));
  const municipalityRegions = sql`select rm.region_id from region_municipalities rm
    where rm.municipality_code = ${users.scopeMunicipalityCode} and rm.valid_to is null`;
  const rows = await db
    .select({
      user: users,
      centreKind: centres.kind,
      centreRegionIds: sql<string[]>`array(select cr.region_id::text from centre_regions cr
        where cr.centre_id = ${users.scopeCentreId} order by 1)`,
      municipalityRegionIds: sql<string[]>`array(${municipalityRegions} order by 1)`,
      // The branches around a coordinator's region or a municipality's regions, as councilPolicyFor reads them.
      coveringCentreIds: sql<string[]>`array(select distinct cr.centre_id::text from centre_regions cr
        where (${users.role} = 'regional_coordinator' and cr.region_id = ${users.scopeRegionId})
          or (${users.role} = 'municipal_staff' and cr.region_id in (${municipalityRegions})) order by 1)`,
      isMember: sql<boolean>`exists (select 1 from council_members m where m.body_id = ${body.id}
        and m.user_id = ${users.id} and m.term_from <= ${today}::date
        and (m.term_to is null or m.term_to >= ${today}::date))`,
    })
    .from(users)
    .leftJoin(centres, eq(centres.id, users.scopeCentreId))
    .where(and(...conds))
    .orderBy(asc(users.displayName))
    .limit(MAX_CANDIDATES);
  const out: OwnerCandidate[] = [];
  for (const r of rows) {
    const centreKind = r.centreKind ?? null;
    // With its facts given, resolving the actor reads nothing.
    const actor = await resolveActor(db, r.user, { centreKind, centreRegionIds: r.centreRegionIds });
    const facts: CouncilFacts = {
      scopeCentreId: r.user.scopeCentreId,
      scopeCentreKind: r.user.scopeCentreId ? centreKind : null,
      municipalityRegionIds: actor.role === 'municipal_staff' ? r.municipalityRegionIds : [],
      coveringCentreIds: r.coveringCentreIds,
    };
    const isMember = Boolean(r.isMember);
    if (readsBody(councilPolicy(actor, facts), body, isMember)) {
      out.push({ userId: r.user.id, name: r.user.displayName, isMember });
    }
  }
  return out.sort((a, b) => Number(b.isMember) - Number(a.isMember));
}
