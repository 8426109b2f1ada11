/**
 * The one place that turns the council policy (policy.ts) into SQL. Every query over bodies adds
 * {@link bodyScope}; every query over what hangs off a body (members, meetings, minutes, action items) joins the
 * body and adds it too. A body outside the area answers 404, like an unknown id.
 */
import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { centreRegions, centres, councilBodies, regionMunicipalities, users } from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import type { Actor } from '../access/actor';
import { type CouncilFacts, type CouncilPolicy, councilPolicy, managesOwner } from './policy';

/** The actor's council policy, reading the facts it needs (the centre, the regions and branches around). */
export async function councilPolicyFor(db: DbOrTx, actor: Actor): Promise<CouncilPolicy> {
  let scopeCentreId = actor.scopeColumns?.scopeCentreId ?? null;
  let scopeCentreKind = actor.scopeColumns?.scopeCentreKind ?? null;
  if (!actor.scopeColumns && actor.role === 'centre_staff') {
    const [row] = await db
      .select({ id: users.scopeCentreId, kind: centres.kind })
      .from(users)
      .leftJoin(centres, eq(centres.id, users.scopeCentreId))
      .where(eq(users.id, actor.userId));
    scopeCentreId = row?.id ?? null;
    scopeCentreKind = row?.kind ?? null;
  }
  const facts: CouncilFacts = {
    scopeCentreId,
    scopeCentreKind,
    municipalityRegionIds: [],
    coveringCentreIds: [],
  };
  const s = actor.scope;
  if (actor.role === 'municipal_staff' && s.kind === 'municipality') {
    const rows = await db
      .select({ regionId: regionMunicipalities.regionId })
      .from(regionMunicipalities)
      .where(
        and(
          eq(regionMunicipalities.municipalityCode, s.municipalityCode),
          isNull(regionMunicipalities.validTo),
        ),
      );
    facts.municipalityRegionIds = rows.map((r) => r.regionId);
  }
  const around =
    actor.role === 'regional_coordinator' && s.kind === 'regions' ? s.regionIds : facts.municipalityRegionIds;
  if (around.length && (actor.role === 'regional_coordinator' || actor.role === 'municipal_staff')) {
    const rows = await db
      .selectDistinct({ centreId: centreRegions.centreId })
      .from(centreRegions)
      .where(inArray(centreRegions.regionId, around));
    facts.coveringCentreIds = rows.map((r) => r.centreId);
  }
  return councilPolicy(actor, facts);
}

/** A current membership of the user in the body (term covering `today`). */
function memberOf(userId: string, today: string): SQL {
  return sql`exists (select 1 from council_members m where m.body_id = ${councilBodies.id}
    and m.user_id = ${userId} and m.term_from <= ${today}::date and (m.term_to is null or m.term_to >= ${today}::date))`;
}

/** The condition a `council_bodies` row must meet to be read (or managed) by the actor. */
export function bodyScope(policy: CouncilPolicy, use: 'read' | 'manage', today: string): SQL {
  if (!policy.prefectureCode) return sql`false`;
  const tenant = eq(councilBodies.prefectureCode, policy.prefectureCode);
  const area = use === 'read' ? policy.read : policy.manage;
  if (area.kind === 'none') return sql`false`;
  if (area.kind === 'prefecture') return tenant;
  const ors: (SQL | undefined)[] = [];
  if ('prefectureOwned' in area && area.prefectureOwned) {
    ors.push(and(isNull(councilBodies.ownerCentreId), isNull(councilBodies.ownerRegionId)));
  }
  if (area.centreIds.length) ors.push(inArray(councilBodies.ownerCentreId, area.centreIds));
  if (area.regionIds.length) ors.push(inArray(councilBodies.ownerRegionId, area.regionIds));
  if (use === 'read') ors.push(memberOf(policy.userId, today));
  return and(tenant, or(...ors) ?? sql`false`)!;
}

/**
 * Refuses, before any id is read, a role that may not use councils at all (403 for every id, real or
 * unknown), or may not change anything when `use` is 'manage'.
 */
export function requireCouncils(policy: CouncilPolicy, use: 'read' | 'manage'): void {
  if ((use === 'read' ? policy.read : policy.manage).kind === 'none') throw new AppError('forbidden');
}

export type BodyRow = typeof councilBodies.$inferSelect;

/** A body the actor reads, by an unverified id: 404 when unknown, elsewhere or outside the area. */
export async function readableBody(
  db: DbOrTx,
  policy: CouncilPolicy,
  id: string,
  today: string,
  forUpdate = false,
): Promise<BodyRow> {
  requireCouncils(policy, 'read');
  if (!isUuid(id)) throw new AppError('not_found');
  const q = db
    .select()
    .from(councilBodies)
    .where(and(eq(councilBodies.id, id), bodyScope(policy, 'read', today)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found');
  return row;
}

/** A body the actor manages: 404 outside what they read, 403 when they read it but may not change it. */
export async function managedBody(
  db: DbOrTx,
  policy: CouncilPolicy,
  id: string,
  today: string,
  forUpdate = false,
): Promise<BodyRow> {
  requireCouncils(policy, 'manage');
  const body = await readableBody(db, policy, id, today, forUpdate);
  if (!managesOwner(policy.manage, body)) throw new AppError('forbidden');
  return body;
}
