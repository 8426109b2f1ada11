/**
 * "My learning" (マイ研修): the learner's home — their applications and where each stands, the days of the
 * sessions they were selected for that are still to come, and how many courses they completed. Each part has
 * its own page and API from its owner (applications, completions, lessons); this is the summary that leads
 * there. Only the learner's own rows, by their user id: nothing of other learners, nothing of any child.
 */
import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  trainingApplications,
  trainingCompletions,
  trainingCourses,
  trainingSessionDays,
  trainingSessions,
} from '../../db/schema';
import { isoDateInJapan } from '../../shared/dates';
import type { Actor } from '../access/actor';

/** Applications shown on the home (the full list is on the applications page). */
const RECENT_APPLICATIONS = 20;
/** Upcoming days shown. */
const UPCOMING_DAYS = 10;

export async function myLearning(db: DbOrTx, actor: Actor, now: Date) {
  const today = isoDateInJapan(now);
  const firstDay = sql<
    string | null
  >`(select min(d.held_on)::text from training_session_days d where d.session_id = ${trainingSessions.id})`;
  const [applications, upcoming, [completed]] = await Promise.all([
    db
      .select({
        id: trainingApplications.id,
        sessionId: trainingSessions.id,
        sessionTitle: trainingSessions.title,
        courseTitle: trainingCourses.title,
        courseKind: trainingCourses.kind,
        sessionStatus: trainingSessions.status,
        status: trainingApplications.status,
        waitRank: trainingApplications.waitRank,
        firstDay,
        appliedAt: trainingApplications.createdAt,
      })
      .from(trainingApplications)
      .innerJoin(trainingSessions, eq(trainingSessions.id, trainingApplications.sessionId))
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
      .where(eq(trainingApplications.learnerUserId, actor.userId))
      .orderBy(desc(trainingApplications.createdAt))
      .limit(RECENT_APPLICATIONS),
    db
      .select({
        sessionId: trainingSessions.id,
        sessionTitle: trainingSessions.title,
        courseTitle: trainingCourses.title,
        delivery: trainingSessions.delivery,
        place: trainingSessions.place,
        seq: trainingSessionDays.seq,
        heldOn: trainingSessionDays.heldOn,
        startsAt: trainingSessionDays.startsAt,
        endsAt: trainingSessionDays.endsAt,
      })
      .from(trainingApplications)
      .innerJoin(trainingSessions, eq(trainingSessions.id, trainingApplications.sessionId))
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
      .innerJoin(trainingSessionDays, eq(trainingSessionDays.sessionId, trainingSessions.id))
      .where(
        and(
          eq(trainingApplications.learnerUserId, actor.userId),
          eq(trainingApplications.status, 'selected'),
          inArray(trainingSessions.status, ['open', 'closed']),
          gte(trainingSessionDays.heldOn, today),
        ),
      )
      .orderBy(asc(trainingSessionDays.heldOn), asc(trainingSessionDays.startsAt))
      .limit(UPCOMING_DAYS),
    db
      .select({
        n: sql<number>`count(*)::int`,
        latest: sql<string | null>`max(${trainingCompletions.completedOn})::text`,
      })
      .from(trainingCompletions)
      .where(
        and(
          eq(trainingCompletions.learnerUserId, actor.userId),
          sql`${trainingCompletions.revokedAt} is null`,
        ),
      ),
  ]);
  return {
    applications: applications.map((a) => ({ ...a, appliedAt: a.appliedAt.toISOString() })),
    upcoming: upcoming.map((d) => ({
      ...d,
      startsAt: d.startsAt?.slice(0, 5) ?? null,
      endsAt: d.endsAt?.slice(0, 5) ?? null,
    })),
    completions: { count: completed?.n ?? 0, latestOn: completed?.latest ?? null },
  };
}
