import { and, eq, inArray, isNull, ne, not, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  childAffiliations,
  childResidences,
  children,
  municipalities,
  regionMunicipalities,
} from '../../db/schema';
import type { Actor } from '../access/actor';

/**
 * The one place that decides which child records an actor may see. Every query returning children
 * adds this condition in SQL; a handler cannot forget it because it never reads `children` directly.
 * Default deny: an actor without a prefecture or with scope 'none' matches no row.
 *
 * Municipal staff see a child of their municipality only while the guardian's current decision on
 * 'share_municipality' is a grant (see {@link shareMunicipalityGranted}).
 */
export function childScope(actor: Actor): SQL {
  if (!actor.prefectureCode) return sql`false`;
  const tenant = eq(children.prefectureCode, actor.prefectureCode);
  const s = actor.scope;
  switch (s.kind) {
    case 'none':
      return sql`false`;
    case 'prefecture':
      return tenant;
    case 'regions':
      if (s.regionIds.length === 0) return sql`false`;
      return and(tenant, inArray(children.municipalityCode, regionMunicipalityCodes(s.regionIds)))!;
    case 'municipality':
      return and(tenant, eq(children.municipalityCode, s.municipalityCode), shareMunicipalityGranted())!;
    case 'organisation':
      // A provider sees the children it currently serves.
      return and(
        tenant,
        sql`exists (select 1 from ${childAffiliations}
                    where ${childAffiliations.childId} = ${children.id}
                      and ${childAffiliations.organisationId} = ${s.organisationId}
                      and (${childAffiliations.endedOn} is null or ${childAffiliations.endedOn} >= current_date))`,
      )!;
  }
}

/** The municipalities currently belonging to the regions (a subquery). */
function regionMunicipalityCodes(regionIds: string[]): SQL {
  return sql`(select ${regionMunicipalities.municipalityCode} from ${regionMunicipalities}
              where ${inArray(regionMunicipalities.regionId, regionIds)} and ${isNull(regionMunicipalities.validTo)})`;
}

/**
 * True when the guardian's current decision on sharing with the municipality of residence is a grant.
 * The current decision is the newest one (by decision date, then by when it was recorded); a withdrawn
 * newest decision means no consent — a withdrawal never revives an older grant. The child's row keeps that
 * answer (`share_municipality_granted`), set by a trigger on child_consents in the transaction that records
 * the decision (migration 0025), so a municipal list reads a column instead of each child's consents.
 */
export function shareMunicipalityGranted(): SQL {
  return sql`${children.shareMunicipalityGranted}`;
}

/**
 * Former residence: staff of a municipality the child lived in before a move within the prefecture may
 * open the record by id (never in their list) with a reduced view (see registry/child-detail.ts). Like the
 * current municipality, they need the share_municipality consent; a withdrawal hides it from them too.
 */
export function formerResidenceScope(actor: Actor): SQL {
  if (!actor.prefectureCode || actor.scope.kind !== 'municipality') return sql`false`;
  const code = actor.scope.municipalityCode;
  return and(
    eq(children.prefectureCode, actor.prefectureCode),
    ne(children.municipalityCode, code),
    sql`exists (select 1 from ${childResidences}
                where ${childResidences.childId} = ${children.id}
                  and ${childResidences.municipalityCode} = ${code}
                  and ${childResidences.toDate} is not null)`,
    shareMunicipalityGranted(),
  )!;
}

/** How an actor may open one child: the full record or the former-residence view. */
export type ChildAccess = 'full' | 'former_residence';

/**
 * The by-id scope: the condition a child must meet to be opened by id, and which view the actor gets.
 * Lists use {@link childScope} only.
 */
export function childByIdScope(actor: Actor): { where: SQL; access: SQL<ChildAccess> } {
  const full = childScope(actor);
  const former = formerResidenceScope(actor);
  return {
    where: sql`(${full} or ${former})`,
    access: sql<ChildAccess>`case when ${full} then 'full' else 'former_residence' end`,
  };
}

/** The children of the actor's municipality withheld from it for want of consent, or null outside a municipal scope. */
function withheldCondition(actor: Actor): SQL | null {
  if (!actor.prefectureCode || actor.scope.kind !== 'municipality') return null;
  return and(
    eq(children.prefectureCode, actor.prefectureCode),
    eq(children.municipalityCode, actor.scope.municipalityCode),
    not(shareMunicipalityGranted()),
  )!;
}

/**
 * The number of children withheld from the actor ({@link withheldChildrenCount}) as a scalar subquery, so a list
 * can carry it in its own statement; null for every scope but a municipality's, where nothing is withheld.
 */
export function withheldChildrenSql(actor: Actor): SQL<number> | null {
  const cond = withheldCondition(actor);
  return cond ? sql<number>`(select count(*)::int from ${children} where ${cond})` : null;
}

/**
 * Children of the actor's municipality (current residence) hidden from it only because the guardian has
 * not agreed to sharing with the municipality. 0 for every other kind of scope.
 */
export async function withheldChildrenCount(db: DbOrTx, actor: Actor): Promise<number> {
  const cond = withheldCondition(actor);
  if (!cond) return 0;
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(children).where(cond);
  return row?.n ?? 0;
}

/**
 * True when a municipality lies inside the actor's area (for creating a child there): the whole
 * prefecture, the current municipalities of its regions, or its own municipality. Providers and actors
 * without scope create nowhere.
 */
export async function isMunicipalityInScope(db: DbOrTx, actor: Actor, code: string): Promise<boolean> {
  if (!actor.prefectureCode || code.slice(0, 2) !== actor.prefectureCode) return false;
  const s = actor.scope;
  switch (s.kind) {
    case 'prefecture':
      return true;
    case 'municipality':
      return s.municipalityCode === code;
    case 'regions': {
      if (s.regionIds.length === 0) return false;
      const rows = await db
        .select({ code: municipalities.code })
        .from(municipalities)
        .where(
          and(
            eq(municipalities.code, code),
            inArray(municipalities.code, regionMunicipalityCodes(s.regionIds)),
          ),
        );
      return rows.length > 0;
    }
    case 'none':
    case 'organisation':
      return false;
  }
}
