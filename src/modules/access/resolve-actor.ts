import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { centreRegions, type users } from '../../db/schema';
import type { Actor, Scope } from './actor';
import { ROLE_INFO } from './roles';

type UserRow = typeof users.$inferSelect;

/**
 * Turns a user's role and scope columns into the Scope every scoped query uses. A user whose scope columns
 * are incomplete for the role gets scope 'none' (default deny), never a wider one.
 */
export async function resolveActor(db: DbOrTx, user: UserRow): Promise<Actor> {
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    prefectureCode: user.prefectureCode,
    scope: await resolveScope(db, user),
    locale: user.locale,
  };
}

async function resolveScope(db: DbOrTx, user: UserRow): Promise<Scope> {
  if (!user.prefectureCode) return { kind: 'none' };
  switch (ROLE_INFO[user.role].scope) {
    case 'none':
      return { kind: 'none' };
    case 'prefecture':
      return { kind: 'prefecture' };
    case 'branch_or_prefecture': {
      if (!user.scopeCentreId) return { kind: 'prefecture' };
      const rows = await db
        .select({ regionId: centreRegions.regionId })
        .from(centreRegions)
        .where(eq(centreRegions.centreId, user.scopeCentreId));
      // A branch with no regions covers nothing, so its staff see nothing (not the whole prefecture).
      return { kind: 'regions', regionIds: rows.map((r) => r.regionId) };
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
