/**
 * The one place that decides which consultations an actor may see, and whether it may see the child's
 * identifying details in one. Every query returning consultations adds {@link consultationScope} in SQL.
 *
 * - A user sees the consultations owned by its team(s), and those shared with them: an accepted back-up or
 *   supervise request, or any pending request addressed to them (so they can decide it).
 * - Centre administrators, auditors and centre staff with a whole-prefecture scope see every consultation
 *   of the prefecture (auditors read only).
 * - Everything else is out of scope, which the routes answer with 404.
 *
 * Child details (decision 0010): seeing a case is not seeing the child. The registered child's name, birth
 * date and record link are shown only when the actor may see the child in the registry (`childScope`) and,
 * unless the actor's team took the consultation in (the family told them), the guardian's current consent
 * allows it for the actor's tier: `share_municipality` for municipal staff (already part of `childScope`),
 * `centre_contact` for regions, branches and the centre. Otherwise the case shows "a registered child" only.
 */
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { childConsents, children, consultationHandoffs, consultations } from '../../db/schema';
import type { Actor } from '../access/actor';
import { childScope } from '../registry/scope';
import { seesWholePrefecture } from './teams';

/** The condition a consultation row must meet for the actor (teams resolved with `actorTeams`). */
export function consultationScope(actor: Actor, teamIds: readonly string[]): SQL {
  if (!actor.prefectureCode || actor.scope.kind === 'none') return sql`false`;
  const tenant = eq(consultations.prefectureCode, actor.prefectureCode);
  if (seesWholePrefecture(actor)) return tenant;
  if (teamIds.length === 0) return sql`false`;
  return and(tenant, or(inArray(consultations.ownerTeamId, [...teamIds]), sharedWith(teamIds)))!;
}

/** The consultation is shared with one of the teams (accepted back-up / supervise, or a pending request to them). */
export function sharedWith(teamIds: readonly string[]): SQL {
  if (teamIds.length === 0) return sql`false`;
  return sql`exists (select 1 from ${consultationHandoffs}
                     where ${consultationHandoffs.consultationId} = ${consultations.id}
                       and ${inArray(consultationHandoffs.toTeamId, [...teamIds])}
                       and (${consultationHandoffs.status} = 'requested'
                            or (${consultationHandoffs.status} = 'accepted'
                                and ${consultationHandoffs.kind} in ('backup', 'supervise'))))`;
}

/** The current decision of the guardian on a purpose for the consultation's child is a grant. */
function consentGranted(purpose: 'share_municipality' | 'centre_contact'): SQL {
  return sql`coalesce((select ${childConsents.granted} and ${childConsents.withdrawnOn} is null
                       from ${childConsents}
                       where ${childConsents.childId} = ${consultations.childId}
                         and ${childConsents.purpose} = ${purpose}
                       order by ${childConsents.decidedOn} desc, ${childConsents.createdAt} desc
                       limit 1), false)`;
}

/**
 * True when the actor may see the identifying details of the consultation's registered child (see the
 * module comment). False for cases without a registered child.
 */
export function childDetailsVisible(actor: Actor, teamIds: readonly string[]): SQL<boolean> {
  if (!actor.prefectureCode || actor.scope.kind === 'none') return sql<boolean>`false`;
  const inRegistryScope = sql`exists (select 1 from ${children}
                                      where ${children.id} = ${consultations.childId} and ${childScope(actor)})`;
  const tookItIn = teamIds.length ? inArray(consultations.firstTeamId, [...teamIds]) : sql`false`;
  // Municipal staff: childScope already requires share_municipality.
  const consent = actor.scope.kind === 'municipality' ? sql`true` : consentGranted('centre_contact');
  return sql<boolean>`(${consultations.childId} is not null and ${inRegistryScope} and (${tookItIn} or ${consent}))`;
}
