/**
 * The course assignment (課題): a participant submits it (and may revise it until staff accept it); staff of
 * the session accept it, or take the acceptance back. docs/learning.md §4.
 */
import { and, asc, eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  trainingApplications,
  trainingAssignmentSubmissions,
  trainingCourseParts,
  trainingCourses,
  trainingSessions,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import type { AssignmentState } from '../../shared/vocab/learning-attendance';
import { recordAudit } from '../audit/record';
import { participantCondition, type Who } from './attendance';
import type { LearningPolicy } from './policy';
import { managedSession, requireStaff } from './scope';

type Submission = typeof trainingAssignmentSubmissions.$inferSelect;

export function assignmentState(s: Pick<Submission, 'acceptedAt'> | null | undefined): AssignmentState {
  if (!s) return 'not_submitted';
  return s.acceptedAt ? 'accepted' : 'submitted';
}

export function assignmentView(applicationId: string, s: Submission | null | undefined) {
  return {
    applicationId,
    state: assignmentState(s),
    body: s?.body ?? null,
    submittedAt: s?.submittedAt.toISOString() ?? null,
    acceptedAt: s?.acceptedAt?.toISOString() ?? null,
  };
}

/** True when the course asks for an assignment: by its rule, or by having an assignment part. */
async function courseHasAssignment(db: DbOrTx, courseId: string): Promise<boolean> {
  const [course] = await db
    .select({ required: trainingCourses.completionRequiresAssignment })
    .from(trainingCourses)
    .where(eq(trainingCourses.id, courseId));
  if (course?.required) return true;
  const [part] = await db
    .select({ id: trainingCourseParts.id })
    .from(trainingCourseParts)
    .where(and(eq(trainingCourseParts.courseId, courseId), eq(trainingCourseParts.kind, 'assignment')))
    .limit(1);
  return Boolean(part);
}

/**
 * The learner's own application for submitting: 404 when it is not theirs, not on the roster, or the course
 * has no assignment. Locks the submission row when there is one.
 */
async function ownApplication(tx: DbOrTx, learnerUserId: string, applicationId: string) {
  if (!isUuid(applicationId)) throw new AppError('not_found');
  const [row] = await tx
    .select({ application: trainingApplications, session: trainingSessions })
    .from(trainingApplications)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingApplications.sessionId))
    .where(
      and(eq(trainingApplications.id, applicationId), eq(trainingApplications.learnerUserId, learnerUserId)),
    );
  if (!row) throw new AppError('not_found');
  const onRoster =
    row.application.status === 'selected' ||
    (row.application.status === 'applied' && row.session.capacity === null);
  if (!onRoster || !(await courseHasAssignment(tx, row.session.courseId))) throw new AppError('not_found');
  return row;
}

/** The learner submits or revises the assignment; 409 once accepted or when the session was cancelled. */
export async function submitAssignment(tx: DbOrTx, who: Who, applicationId: string, body: string) {
  const { application, session } = await ownApplication(tx, who.actor.userId, applicationId);
  if (session.status === 'cancelled' || session.status === 'draft')
    throw new AppError('learning_assignment_closed');
  const [existing] = await tx
    .select()
    .from(trainingAssignmentSubmissions)
    .where(eq(trainingAssignmentSubmissions.applicationId, application.id))
    .for('update');
  if (existing?.acceptedAt) throw new AppError('learning_assignment_accepted');
  const [row] = await tx
    .insert(trainingAssignmentSubmissions)
    .values({ applicationId: application.id, body, submittedAt: who.at })
    .onConflictDoUpdate({
      target: trainingAssignmentSubmissions.applicationId,
      set: { body, submittedAt: who.at },
    })
    .returning();
  await recordAudit(tx, who, {
    action: existing ? 'update' : 'create',
    entityType: 'training_assignment',
    entityIds: [application.id],
    detail: { sessionId: session.id, length: body.length },
  });
  return assignmentView(application.id, row);
}

/** Staff accept (or take back the acceptance of) a participant's submitted assignment. */
export async function acceptAssignment(
  tx: DbOrTx,
  who: Who,
  policy: LearningPolicy,
  ids: { sessionId: string; applicationId: string },
  accepted: boolean,
) {
  requireStaff(policy, 'manage');
  const session = await managedSession(tx, policy, ids.sessionId);
  if (!isUuid(ids.applicationId)) throw new AppError('not_found');
  const [application] = await tx
    .select({ id: trainingApplications.id })
    .from(trainingApplications)
    .where(
      and(
        eq(trainingApplications.id, ids.applicationId),
        eq(trainingApplications.sessionId, session.id),
        participantCondition(session),
      ),
    );
  if (!application) throw new AppError('not_found');
  const [existing] = await tx
    .select()
    .from(trainingAssignmentSubmissions)
    .where(eq(trainingAssignmentSubmissions.applicationId, application.id))
    .for('update');
  if (!existing) throw new AppError('learning_assignment_missing');
  const [row] = await tx
    .update(trainingAssignmentSubmissions)
    .set(
      accepted
        ? { acceptedAt: who.at, acceptedBy: who.actor.userId }
        : { acceptedAt: null, acceptedBy: null },
    )
    .where(eq(trainingAssignmentSubmissions.applicationId, application.id))
    .returning();
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'training_assignment',
    entityIds: [application.id],
    detail: { sessionId: session.id, accepted },
  });
  return assignmentView(application.id, row);
}

/** The learner's sessions whose course has an assignment, with where each stands (newest session first). */
export async function myAssignments(db: DbOrTx, learnerUserId: string) {
  const rows = await db
    .select({
      applicationId: trainingApplications.id,
      status: trainingApplications.status,
      capacity: trainingSessions.capacity,
      sessionStatus: trainingSessions.status,
      sessionTitle: trainingSessions.title,
      courseId: trainingCourses.id,
      courseTitle: trainingCourses.title,
      required: trainingCourses.completionRequiresAssignment,
      submission: trainingAssignmentSubmissions,
    })
    .from(trainingApplications)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingApplications.sessionId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .leftJoin(
      trainingAssignmentSubmissions,
      eq(trainingAssignmentSubmissions.applicationId, trainingApplications.id),
    )
    .where(
      and(
        eq(trainingApplications.learnerUserId, learnerUserId),
        or(eq(trainingApplications.status, 'selected'), eq(trainingApplications.status, 'applied')),
      ),
    )
    .orderBy(asc(trainingSessions.createdAt));
  const out = [];
  for (const r of rows.reverse()) {
    if (r.status === 'applied' && r.capacity !== null) continue;
    if (r.sessionStatus === 'cancelled' || r.sessionStatus === 'draft') continue;
    if (!r.required && !(await courseHasAssignment(db, r.courseId))) continue;
    out.push({
      applicationId: r.applicationId,
      sessionTitle: r.sessionTitle,
      courseTitle: r.courseTitle,
      state: assignmentState(r.submission),
      body: r.submission?.body ?? null,
      submittedAt: r.submission?.submittedAt.toISOString() ?? null,
    });
  }
  return out;
}
