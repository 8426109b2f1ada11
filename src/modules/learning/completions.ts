/**
 * Completions of a session and issuing certificates (修了判定・修了証の発行・取消). docs/learning.md §4.
 *
 * Staff see each participant against the course's completion rule (completion.ts) and issue certificates to
 * one participant or to everyone who has completed. Issuing records a completion with a new serial
 * (certificate-serial.ts) and an audit entry, and tells the holder by a notification; revoking keeps the row with a reason, so the public check stops
 * answering for the serial. Issuing again after a revocation gives the same completion a new serial: the
 * revoked serial then answers "unknown" and the audit log keeps both.
 */
import { and, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  trainingAssignmentSubmissions,
  trainingAttendance,
  trainingCompletions,
  trainingCourseParts,
  trainingCourses,
  trainingSessions,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { nendoOf } from '../../shared/nendo';
import type { IssueSkipReason } from '../../shared/vocab/learning-attendance';
import { recordAudit } from '../audit/record';
import { mailUser } from '../mail/user-mail';
import { notify } from '../notifications/notify';
import { assignmentState } from './assignments';
import { participants, sessionDaysOf, sessionHeading, type Who } from './attendance';
import { newCertificateSerial } from './certificate-serial';
import { type CompletionRule, evaluateCompletion, type LessonCompletionReader } from './completion';
import type { LearningPolicy } from './policy';
import { courseScope, managedSession, requireStaff, sessionScope } from './scope';

type Session = typeof trainingSessions.$inferSelect;

function certificateRef(c: typeof trainingCompletions.$inferSelect) {
  return {
    id: c.id,
    serial: c.certificateSerial,
    completedOn: c.completedOn,
    issuedAt: c.issuedAt.toISOString(),
    revokedAt: c.revokedAt?.toISOString() ?? null,
    revokeReason: c.revokeReason,
  };
}

/** Every participant of the session against the course's rule, with their certificate if one was issued. */
async function evaluateSession(db: DbOrTx, session: Session, lessons: LessonCompletionReader, now: Date) {
  const [course] = await db.select().from(trainingCourses).where(eq(trainingCourses.id, session.courseId));
  const rule: CompletionRule = {
    allDays: course!.completionRequiresAllDays,
    allLessons: course!.completionRequiresAllLessons,
    assignment: course!.completionRequiresAssignment,
  };
  // One after another: issuing evaluates inside its transaction, whose statements share one connection.
  const people = await participants(db, session);
  const days = await sessionDaysOf(db, session.id);
  const lessonParts = await db
    .select({ id: trainingCourseParts.id })
    .from(trainingCourseParts)
    .where(and(eq(trainingCourseParts.courseId, session.courseId), eq(trainingCourseParts.kind, 'lesson')));
  const appIds = people.map((p) => p.applicationId);
  const marks =
    days.length && appIds.length
      ? await db
          .select()
          .from(trainingAttendance)
          .where(
            and(
              inArray(
                trainingAttendance.sessionDayId,
                days.map((d) => d.id),
              ),
              inArray(trainingAttendance.applicationId, appIds),
            ),
          )
      : [];
  const submissions = appIds.length
    ? await db
        .select()
        .from(trainingAssignmentSubmissions)
        .where(inArray(trainingAssignmentSubmissions.applicationId, appIds))
    : [];
  const certificates = await db
    .select()
    .from(trainingCompletions)
    .where(eq(trainingCompletions.sessionId, session.id));
  const done = new Map<string, Set<string>>();
  if (lessonParts.length)
    for (const p of people)
      done.set(p.learnerUserId, new Set((await lessons(db, p.learnerUserId, session.courseId)).completedIds));
  const present = new Map(marks.map((m) => [`${m.sessionDayId}:${m.applicationId}`, m.present]));
  const submissionOf = new Map(submissions.map((s) => [s.applicationId, s]));
  const certificateOf = new Map(certificates.map((c) => [c.learnerUserId, c]));
  const today = isoDateInJapan(now);
  const rows = people.map((p) => {
    const s = submissionOf.get(p.applicationId);
    const lessonsDone = done.get(p.learnerUserId);
    const evaluation = evaluateCompletion(
      rule,
      {
        days: days.map((d) => ({
          heldOn: d.heldOn,
          present: present.get(`${d.id}:${p.applicationId}`) ?? null,
        })),
        lessonsTotal: lessonParts.length,
        lessonsDone: lessonParts.filter((l) => lessonsDone?.has(l.id)).length,
        // The e-learning reader gives no date: a lesson-only rule completes on the day staff evaluate.
        lessonsDoneOn: null,
        assignment: assignmentState(s),
        assignmentAcceptedOn: s?.acceptedAt ? isoDateInJapan(s.acceptedAt) : null,
      },
      today,
    );
    const certificate = certificateOf.get(p.learnerUserId);
    return {
      ...p,
      ...evaluation,
      assignmentBody: s?.body ?? null,
      certificate: certificate ? certificateRef(certificate) : null,
    };
  });
  return { rule, rows, course: course! };
}

/** The completion screen of a session the actor manages. 404 outside scope. */
export async function sessionCompletions(
  db: DbOrTx,
  policy: LearningPolicy,
  canIssue: boolean,
  sessionId: string,
  lessons: LessonCompletionReader,
  now: Date,
) {
  requireStaff(policy, 'manage');
  const session = await managedSession(db, policy, sessionId);
  const [heading, { rule, rows }] = await Promise.all([
    sessionHeading(db, session),
    evaluateSession(db, session, lessons, now),
  ]);
  return { session: heading, rule, rows, canIssue };
}

/**
 * Issues certificates to the participants named (or to every participant who has completed): each gets a
 * completion row with a new serial, unless one is active already. One audit entry names every certificate.
 */
export async function issueCertificates(
  tx: DbOrTx,
  who: Who,
  policy: LearningPolicy,
  sessionId: string,
  applicationIds: string[] | undefined,
  lessons: LessonCompletionReader,
) {
  requireStaff(policy, 'manage');
  const session = await managedSession(tx, policy, sessionId, { forUpdate: true });
  const { rows, course } = await evaluateSession(tx, session, lessons, who.at);
  const byApplication = new Map(rows.map((r) => [r.applicationId, r]));
  const wanted =
    applicationIds ?? rows.filter((r) => r.complete && !activeCertificate(r)).map((r) => r.applicationId);
  const issued: { applicationId: string; certificateId: string; serial: string }[] = [];
  const skipped: { applicationId: string; reason: IssueSkipReason }[] = [];
  for (const applicationId of new Set(wanted)) {
    const row = byApplication.get(applicationId);
    if (!row) skipped.push({ applicationId, reason: 'not_participant' });
    else if (activeCertificate(row)) skipped.push({ applicationId, reason: 'already_issued' });
    else if (!row.complete || !row.completedOn) skipped.push({ applicationId, reason: 'not_complete' });
    else {
      const serial = newCertificateSerial(nendoOf(row.completedOn));
      const values = {
        certificateSerial: serial,
        completedOn: row.completedOn,
        issuedAt: who.at,
        issuedBy: who.actor.userId,
        revokedAt: null,
        revokeReason: null,
      };
      const [saved] = row.certificate
        ? await tx
            .update(trainingCompletions)
            .set(values)
            .where(eq(trainingCompletions.id, row.certificate.id))
            .returning({ id: trainingCompletions.id })
        : await tx
            .insert(trainingCompletions)
            .values({
              ...values,
              prefectureCode: session.prefectureCode,
              courseId: session.courseId,
              sessionId: session.id,
              learnerUserId: row.learnerUserId,
            })
            .returning({ id: trainingCompletions.id });
      issued.push({ applicationId, certificateId: saved!.id, serial });
      await notify(tx, {
        prefectureCode: session.prefectureCode,
        recipientUserId: row.learnerUserId,
        kind: 'learning_certificate_issued',
        text: { code: 'learning_certificate_issued', params: { course: course.title, serial } },
        entityType: 'training_certificate',
        entityId: saved!.id,
        at: who.at,
      });
      await mailUser(
        tx,
        who.mail,
        row.learnerUserId,
        { kind: 'training_certificate', link: '/learning/me', course: course.title, serial },
        { createdBy: who.actor.userId, now: who.at },
      );
    }
  }
  if (issued.length > 0) {
    await recordAudit(tx, who, {
      action: 'create',
      entityType: 'training_certificate',
      entityIds: issued.map((i) => i.certificateId),
      detail: {
        sessionId: session.id,
        serials: issued.map((i) => i.serial),
        reissued: rows
          .filter((r) => r.certificate && issued.some((i) => i.applicationId === r.applicationId))
          .map((r) => r.certificate!.serial),
      },
    });
  }
  return { issued, skipped };
}

function activeCertificate(row: { certificate: { revokedAt: string | null } | null }): boolean {
  return row.certificate !== null && row.certificate.revokedAt === null;
}

/**
 * A certificate the actor manages, by an unverified id: through its session's scope, or — for a completion
 * without a session — its course's owner. 404 otherwise.
 */
export async function managedCertificate(db: DbOrTx, policy: LearningPolicy, certificateId: string) {
  if (!isUuid(certificateId) || policy.manage.kind === 'none') throw new AppError('not_found');
  const [row] = await db
    .select({ completion: trainingCompletions })
    .from(trainingCompletions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCompletions.courseId))
    .leftJoin(trainingSessions, eq(trainingSessions.id, trainingCompletions.sessionId))
    .where(
      and(
        eq(trainingCompletions.id, certificateId),
        or(
          and(isNotNull(trainingCompletions.sessionId), sessionScope(policy, 'manage')),
          and(isNull(trainingCompletions.sessionId), courseScope(policy, 'manage')),
        ),
      ),
    );
  if (!row) throw new AppError('not_found');
  return row.completion;
}

/** Revokes a certificate with a reason (audited). 409 when it is revoked already. */
export async function revokeCertificate(
  tx: DbOrTx,
  who: Who,
  policy: LearningPolicy,
  id: string,
  reason: string,
) {
  requireStaff(policy, 'manage');
  const completion = await managedCertificate(tx, policy, id);
  const [locked] = await tx
    .select()
    .from(trainingCompletions)
    .where(eq(trainingCompletions.id, completion.id))
    .for('update');
  if (locked!.revokedAt) throw new AppError('learning_certificate_revoked');
  const [row] = await tx
    .update(trainingCompletions)
    .set({ revokedAt: who.at, revokeReason: reason })
    .where(eq(trainingCompletions.id, completion.id))
    .returning();
  await recordAudit(tx, who, {
    action: 'update',
    entityType: 'training_certificate',
    entityIds: [completion.id],
    detail: { revoked: true, serial: completion.certificateSerial, sessionId: completion.sessionId },
  });
  return certificateRef(row!);
}
