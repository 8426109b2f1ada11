import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { childAffiliations, children, regionMunicipalities } from '../../db/schema';
import type { Actor } from '../access/actor';

/**
 * The one place that decides which child records an actor may see. Every query returning children
 * adds this condition in SQL; a handler cannot forget it because it never reads `children` directly.
 * Default deny: an actor without a prefecture or with scope 'none' matches no row.
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
      return and(
        tenant,
        inArray(
          children.municipalityCode,
          sql`(select ${regionMunicipalities.municipalityCode} from ${regionMunicipalities}
               where ${inArray(regionMunicipalities.regionId, s.regionIds)} and ${isNull(regionMunicipalities.validTo)})`,
        ),
      )!;
    case 'municipality':
      return and(tenant, eq(children.municipalityCode, s.municipalityCode))!;
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
