/**
 * Who sees and handles which training requests (MI-6; docs/learning.md §6). The centre side is scoped like
 * sessions: staff handle the requests owned by the area they manage (the whole prefecture, their branch or
 * their region; policy.ts), auditors read the prefecture's and change nothing. Municipal staff see and file
 * requests of their own municipality, provider staff of their own organisation — and nobody else's. Out of
 * scope answers 404, like an unknown id; a role with no side at all is refused with 403 before any id is read.
 */
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { trainingRequests } from '../../db/schema';
import { AppError } from '../../server/errors';
import type { Actor } from '../access/actor';
import type { LearningArea, LearningPolicy } from './policy';
import { learningPolicyFor } from './scope';

export type RequestAccess =
  | { side: 'centre'; policy: LearningPolicy; write: boolean; area: LearningArea }
  | {
      side: 'requester';
      prefectureCode: string;
      municipalityCode: string | null;
      organisationId: string | null;
    };

/** The caller's side and area; 403 for a role with neither (learners, system administrators, incomplete scope). */
export async function requestAccess(db: DbOrTx, actor: Actor): Promise<RequestAccess> {
  const policy = await learningPolicyFor(db, actor);
  if (policy.manage.kind !== 'none') return { side: 'centre', policy, write: true, area: policy.manage };
  if (policy.read.kind !== 'none' && actor.role === 'auditor') {
    return { side: 'centre', policy, write: false, area: { kind: 'prefecture' } };
  }
  const pref = actor.prefectureCode;
  if (pref && actor.role === 'municipal_staff' && actor.scope.kind === 'municipality') {
    return {
      side: 'requester',
      prefectureCode: pref,
      municipalityCode: actor.scope.municipalityCode,
      organisationId: null,
    };
  }
  if (pref && actor.role === 'provider_staff' && actor.scope.kind === 'organisation') {
    return {
      side: 'requester',
      prefectureCode: pref,
      municipalityCode: null,
      organisationId: actor.scope.organisationId,
    };
  }
  throw new AppError('forbidden');
}

/** The condition a `training_requests` row must meet for the caller to see it. */
export function requestScope(access: RequestAccess): SQL {
  const t = trainingRequests;
  if (access.side === 'requester') {
    const tenant = eq(t.prefectureCode, access.prefectureCode);
    if (access.municipalityCode) {
      return and(
        tenant,
        eq(t.requesterKind, 'municipality'),
        eq(t.requesterMunicipalityCode, access.municipalityCode),
      )!;
    }
    if (access.organisationId) return and(tenant, eq(t.requesterOrganisationId, access.organisationId))!;
    return sql`false`;
  }
  const pref = access.policy.prefectureCode;
  if (!pref) return sql`false`;
  const tenant = eq(t.prefectureCode, pref);
  switch (access.area.kind) {
    case 'none':
      return sql`false`;
    case 'prefecture':
      return tenant;
    case 'centre':
      return and(tenant, eq(t.ownerCentreId, access.area.centreId), isNull(t.ownerRegionId))!;
    case 'region':
      return and(tenant, eq(t.ownerRegionId, access.area.regionId), isNull(t.ownerCentreId))!;
  }
}

/** Refuses (403) a change only the centre makes, before any id is read. */
export function requireCentreWriter(
  access: RequestAccess,
): asserts access is RequestAccess & { side: 'centre' } {
  if (access.side !== 'centre' || !access.write) throw new AppError('forbidden');
}
