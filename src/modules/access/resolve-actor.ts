import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { centreRegions, type users } from '../../db/schema';
import type { Actor, Scope } from './actor';
import { ROLE_INFO } from './roles';

type UserRow = typeof users.$inferSelect;

/**
 * What the session statement reads with the user (sessions.ts `findSession`): the kind of the user's centre
 * and the regions it covers, so that resolving the actor costs no statement of its own.
 */
export type ScopeFacts = { centreKind: 'hq' | 'branch' | null; centreRegionIds: string[] };

/**
 * Turns a user's role and scope columns into the Scope every scoped query uses. A user whose scope columns
 * are incomplete for the role gets scope 'none' (default deny), never a wider one. Without `facts`, a branch
 * user's regions are read here (one statement).
 */
export async function resolveActor(db: DbOrTx, user: UserRow, facts?: ScopeFacts): Promise<Actor> {
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    prefectureCode: user.prefectureCode,
    scope: await resolveScope(db, user, facts),
    locale: user.locale,
    ...(facts
      ? {
          scopeColumns: {
            scopeCentreId: user.scopeCentreId,
            scopeCentreKind: user.scopeCentreId ? facts.centreKind : null,
            scopeRegionId: user.scopeRegionId,
            scopeMunicipalityCode: user.scopeMunicipalityCode,
            personId: user.personId,
          },
        }
      : {}),
  };
}

async function resolveScope(db: DbOrTx, user: UserRow, facts: ScopeFacts | undefined): Promise<Scope> {
  if (!user.prefectureCode) return { kind: 'none' };
  switch (ROLE_INFO[user.role].scope) {
    case 'none':
      return { kind: 'none' };
    case 'prefecture':
      return { kind: 'prefecture' };
    case 'branch_or_prefecture': {
      if (!user.scopeCentreId) return { kind: 'prefecture' };
      const regionIds =
        facts?.centreRegionIds ??
        (
          await db
            .select({ regionId: centreRegions.regionId })
            .from(centreRegions)
            .where(eq(centreRegions.centreId, user.scopeCentreId))
        ).map((r) => r.regionId);
      // A branch with no regions covers nothing, so its staff see nothing (not the whole prefecture).
      return { kind: 'regions', regionIds };
    }
    case 'region':
      return user.scopeRegionId ? { kind: 'regions', regionIds: [user.scopeRegionId] } : { kind: 'none' };
    case 'municipality':
      return user.scopeMunicipalityCode
        ? { kind: 'municipality', municipalityCode: user.scopeMunicipalityCode, division: user.scopeDivision }
        : { kind: 'none' };
    case 'organisation':
      return user.scopeOrganisationId
        ? { kind: 'organisation', organisationId: user.scopeOrganisationId }
        : { kind: 'none' };
  }
}
