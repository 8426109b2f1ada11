/**
 * The one place that turns the engagement policy (policy.ts) into SQL. Every query over engagements and
 * cadences adds {@link municipalityScope} on its municipality column; a municipality or an engagement outside
 * the area answers 404 like an unknown one.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { centres, municipalities, regionMunicipalities, users } from '../../db/schema';
import { AppError } from '../../server/errors';
import type { Actor } from '../access/actor';
import { type EngagementPolicy, engagementPolicy } from './policy';

/** The actor's engagement policy; reads the user's centre kind when the session did not carry it. */
export async function engagementPolicyFor(db: DbOrTx, actor: Actor): Promise<EngagementPolicy> {
  if (actor.scopeColumns) return engagementPolicy(actor, actor.scopeColumns);
  const [row] = await db
    .select({ kind: centres.kind })
    .from(users)
    .leftJoin(centres, eq(centres.id, users.scopeCentreId))
    .where(eq(users.id, actor.userId));
  return engagementPolicy(actor, { scopeCentreKind: row?.kind ?? null });
}

/** The policy of an actor who may use the engagement screens; 403 (before any id is read) otherwise. */
export async function requireEngagementAccess(
  db: DbOrTx,
  actor: Actor,
  use: 'read' | 'write' = 'read',
): Promise<EngagementPolicy & { prefectureCode: string }> {
  const policy = await engagementPolicyFor(db, actor);
  if (policy.area.kind === 'none' || !policy.prefectureCode) throw new AppError('forbidden');
  if (use === 'write' && !policy.write) throw new AppError('forbidden');
  return policy as EngagementPolicy & { prefectureCode: string };
}

/** The condition a municipality code column must meet for the actor's area (current region membership). */
export function municipalityScope(policy: EngagementPolicy, column: AnyPgColumn): SQL {
  const area = policy.area;
  switch (area.kind) {
    case 'none':
      return sql`false`;
    case 'prefecture':
      return sql`true`;
    case 'municipality':
      return eq(column, area.municipalityCode);
    case 'regions':
      if (area.regionIds.length === 0) return sql`false`;
      return inArray(
        column,
        sql`(select ${regionMunicipalities.municipalityCode} from ${regionMunicipalities}
             where ${inArray(regionMunicipalities.regionId, area.regionIds)} and ${regionMunicipalities.validTo} is null)`,
      );
  }
}

/** The municipalities of the prefecture within the actor's area, by code. */
export async function municipalitiesInScope(
  db: DbOrTx,
  policy: EngagementPolicy,
): Promise<{ code: string; name: string }[]> {
  if (!policy.prefectureCode) return [];
  return db
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(
      and(
        eq(municipalities.prefectureCode, policy.prefectureCode),
        municipalityScope(policy, municipalities.code),
      ),
    )
    .orderBy(municipalities.code);
}

/**
 * A municipality of the actor's prefecture and area, by an unverified code: its name, or 404 when unknown, of
 * another prefecture or outside the area.
 */
export async function municipalityInScope(
  db: DbOrTx,
  policy: EngagementPolicy,
  unverifiedCode: string,
): Promise<{ code: string; name: string }> {
  if (!/^\d{6}$/.test(unverifiedCode) || !policy.prefectureCode) throw new AppError('not_found');
  const [row] = await db
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(
      and(
        eq(municipalities.code, unverifiedCode),
        eq(municipalities.prefectureCode, policy.prefectureCode),
        municipalityScope(policy, municipalities.code),
      ),
    );
  if (!row) throw new AppError('not_found');
  return row;
}
