import { asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import {
  municipalities,
  regions,
  trainingApplications,
  trainingCourses,
  trainingSelections,
  users,
} from '../../db/schema';
import type { ApplicationStatus } from '../../shared/vocab/learning';
import type { SelectionReason } from '../../shared/vocab/learning-selection';
import { recordAudit } from '../audit/record';
import type { Who } from './apply';
import type { LearningPolicy } from './policy';
import type { PreSurvey } from './schemas-applications';
import { managedSession } from './scope';
import { reproducible } from './selection-run';

const STATUS_ORDER: Record<ApplicationStatus, number> = {
  selected: 0,
  waiting: 1,
  applied: 2,
  not_selected: 3,
  cancelled: 4,
};

/**
 * A session's applicants for the staff who manage it (404 otherwise), with the last selection's seed, its
 * per-region explanation and whether it re-runs to the same result. The read is audited.
 */
export async function sessionApplicants(db: DbOrTx, who: Who, policy: LearningPolicy, unverifiedId: string) {
  const session = await managedSession(db, policy, unverifiedId);
  const decider = alias(users, 'decider');
  // One after another: inside a transaction the statements share one connection.
  const rows = await db
    .select({
      a: trainingApplications,
      learnerName: users.displayName,
      email: users.email,
      regionName: regions.name,
      municipalityName: municipalities.name,
      decidedByName: decider.displayName,
    })
    .from(trainingApplications)
    .innerJoin(users, eq(users.id, trainingApplications.learnerUserId))
    .leftJoin(regions, eq(regions.id, trainingApplications.regionId))
    .leftJoin(municipalities, eq(municipalities.code, trainingApplications.municipalityCode))
    .leftJoin(decider, eq(decider.id, trainingApplications.decidedBy))
    .where(eq(trainingApplications.sessionId, session.id))
    .orderBy(asc(trainingApplications.createdAt));
  const [course] = await db
    .select({ title: trainingCourses.title })
    .from(trainingCourses)
    .where(eq(trainingCourses.id, session.courseId));
  const [selection] = await db
    .select({ s: trainingSelections, ranByName: users.displayName })
    .from(trainingSelections)
    .innerJoin(users, eq(users.id, trainingSelections.ranBy))
    .where(eq(trainingSelections.sessionId, session.id));
  const stored = selection?.s.result;
  const regionIds = (stored?.regions ?? []).map((r) => r.region).filter((r): r is string => r !== null);
  const names = regionIds.length
    ? new Map(
        (
          await db
            .select({ id: regions.id, name: regions.name })
            .from(regions)
            .where(inArray(regions.id, regionIds))
        ).map((r) => [r.id, r.name]),
      )
    : new Map<string, string>();

  const items = rows
    .map(({ a, learnerName, email, regionName, municipalityName, decidedByName }) => ({
      id: a.id,
      learnerName,
      email,
      profession: a.profession,
      professionGroup: a.professionGroup,
      regionId: a.regionId,
      regionName,
      municipalityName,
      workplace: a.workplace,
      preSurvey: Object.keys(a.preSurvey).length ? (a.preSurvey as PreSurvey) : null,
      status: a.status,
      waitRank: a.waitRank,
      reason: (a.decisionReason as SelectionReason | null) ?? null,
      overrideReason: a.overrideReason,
      decidedByName: decidedByName ?? null,
      decidedAt: a.decidedAt?.toISOString() ?? null,
      lotteryRank: stored?.decisions[a.id]?.lotteryRank ?? null,
      appliedAt: a.createdAt.toISOString(),
      version: a.version,
    }))
    .sort(
      (x, y) =>
        STATUS_ORDER[x.status] - STATUS_ORDER[y.status] ||
        (x.waitRank ?? 0) - (y.waitRank ?? 0) ||
        (stored?.decisions[x.id]?.seatOrder ?? Number.MAX_SAFE_INTEGER) -
          (stored?.decisions[y.id]?.seatOrder ?? Number.MAX_SAFE_INTEGER),
    );
  const count = (s: ApplicationStatus) => items.filter((i) => i.status === s).length;
  await recordAudit(db, who, {
    action: 'read',
    entityType: 'training_applications',
    entityIds: [session.id],
    detail: { count: items.length },
  });
  const announced = Boolean(selection?.s.announcedAt);
  const runnable = session.status === 'open' || session.status === 'closed';
  return {
    session: {
      id: session.id,
      title: session.title,
      courseTitle: course?.title ?? '',
      status: session.status,
      capacity: session.capacity,
      applicationsCloseAt: session.applicationsCloseAt?.toISOString() ?? null,
    },
    items,
    counts: {
      applied: count('applied'),
      selected: count('selected'),
      waiting: count('waiting'),
      notSelected: count('not_selected'),
      cancelled: count('cancelled'),
    },
    selection:
      selection && stored
        ? {
            seed: selection.s.seed,
            ranAt: selection.s.ranAt.toISOString(),
            ranByName: selection.ranByName,
            announcedAt: selection.s.announcedAt?.toISOString() ?? null,
            seats: stored.seats,
            guaranteeSeatsNeeded: stored.guaranteeSeatsNeeded,
            guaranteeSeatsGiven: stored.guaranteeSeatsGiven,
            proportionalSeats: stored.proportionalSeats,
            emptySeats: stored.emptySeats,
            regions: stored.regions.map(({ region, ...r }) => ({
              ...r,
              regionId: region,
              regionName: region ? (names.get(region) ?? null) : null,
            })),
            reproducible: reproducible(selection.s.seed, stored),
            version: selection.s.version,
          }
        : null,
    can: {
      run: !announced && runnable && session.capacity !== null,
      announce: Boolean(selection) && !announced,
      override: true,
    },
  };
}
