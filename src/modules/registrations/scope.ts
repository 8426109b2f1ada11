import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { regionMunicipalities, registrations } from '../../db/schema';
import { AppError } from '../../server/errors';
import type { Actor } from '../access/actor';
import { REVIEWS_REGISTRATIONS } from './policy';

/** The actor if their role reviews registrations; otherwise 403 (the queue is not theirs to see at all). */
export function requireReviewer(actor: Actor): Actor {
  if (!REVIEWS_REGISTRATIONS[actor.role]) throw new AppError('forbidden');
  return actor;
}

/**
 * The registrations an actor may review, in SQL: those whose municipality lies inside the actor's area — the
 * whole prefecture, or the current municipalities of their regions (a branch's or a coordinator's), as
 * registry/scope.ts decides for children. Default deny: any other scope matches no row.
 */
export function registrationScope(actor: Actor): SQL {
  if (!actor.prefectureCode || !REVIEWS_REGISTRATIONS[actor.role]) return sql`false`;
  const tenant = eq(registrations.prefectureCode, actor.prefectureCode);
  const s = actor.scope;
  switch (s.kind) {
    case 'prefecture':
      return tenant;
    case 'regions':
      if (s.regionIds.length === 0) return sql`false`;
      return and(
        tenant,
        inArray(
          registrations.municipalityCode,
          sql`(select ${regionMunicipalities.municipalityCode} from ${regionMunicipalities}
               where ${inArray(regionMunicipalities.regionId, s.regionIds)} and ${isNull(regionMunicipalities.validTo)})`,
        ),
      )!;
    case 'none':
    case 'municipality':
    case 'organisation':
      return sql`false`;
  }
}
