/**
 * Reading certificates: the PDF for its holder and for staff who manage its session, the learner's own record
 * of completions, and the public check by serial. docs/learning.md §4.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { centres, trainingCompletions, trainingCourses, trainingSessions, users } from '../../db/schema';
import { AppError } from '../../server/errors';
import { isUuid } from '../../server/openapi';
import { isoDateInJapan } from '../../shared/dates';
import { COURSE_KIND_LABELS } from '../../shared/vocab/learning';
import type { Actor } from '../access/actor';
import { recordAudit } from '../audit/record';
import { myAssignments } from './assignments';
import type { Who } from './attendance';
import { type CertificateLang, renderCertificatePdf } from './certificate-pdf';
import { certificateCheckUrl, parseCertificateSerial } from './certificate-serial';
import type { CourseCompletionReader } from './completion';
import { managedCertificate } from './completions';
import { readyCourses } from './course-certificates';
import type { LearningPolicy } from './policy';

/** A completion with what a certificate states: course, session, holder. */
function certificateQuery(db: DbOrTx) {
  return db
    .select({
      completion: trainingCompletions,
      courseTitle: trainingCourses.title,
      courseKind: trainingCourses.kind,
      sessionTitle: trainingSessions.title,
      ownerCentreId: trainingSessions.ownerCentreId,
      courseOwnerCentreId: trainingCourses.ownerCentreId,
      holderName: users.displayName,
    })
    .from(trainingCompletions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCompletions.courseId))
    .leftJoin(trainingSessions, eq(trainingSessions.id, trainingCompletions.sessionId))
    .innerJoin(users, eq(users.id, trainingCompletions.learnerUserId));
}

/**
 * The centre that issues: the branch that owns the session (or the course), else the prefecture's HQ — a
 * region's session is issued in the HQ's name, since a region is not a centre.
 */
async function issuingCentreName(
  db: DbOrTx,
  prefectureCode: string,
  centreId: string | null,
): Promise<string> {
  if (centreId) {
    const [c] = await db.select({ name: centres.name }).from(centres).where(eq(centres.id, centreId));
    if (c) return c.name;
  }
  const [hq] = await db
    .select({ name: centres.name })
    .from(centres)
    .where(and(eq(centres.prefectureCode, prefectureCode), eq(centres.kind, 'hq')));
  return hq?.name ?? '';
}

/**
 * The certificate's PDF, in Japanese or, when asked, English. The holder may download their own; staff who manage
 * its session (or, without a session, its course) may download any of theirs (audited as an export). Anyone
 * else: 404. A revoked certificate: 409 for both.
 */
export async function certificatePdf(
  db: DbOrTx,
  who: Who,
  policy: LearningPolicy,
  id: string,
  publicUrl: string | undefined,
  lang: CertificateLang = 'ja',
): Promise<{ bytes: Uint8Array; serial: string; missingCharacters: string[] }> {
  if (!isUuid(id)) throw new AppError('not_found');
  const [row] = await certificateQuery(db).where(eq(trainingCompletions.id, id));
  if (!row) throw new AppError('not_found');
  const own = row.completion.learnerUserId === who.actor.userId;
  if (!own) await managedCertificate(db, policy, id);
  if (row.completion.revokedAt) throw new AppError('learning_certificate_revoked');
  const c = row.completion;
  const { bytes, missingCharacters } = await renderCertificatePdf({
    lang,
    serial: c.certificateSerial,
    holderName: row.holderName,
    courseTitle: row.courseTitle,
    courseKindLabel: COURSE_KIND_LABELS[row.courseKind][lang],
    sessionTitle: row.sessionTitle,
    completedOn: c.completedOn,
    issuedOn: isoDateInJapan(c.issuedAt),
    centreName: await issuingCentreName(db, c.prefectureCode, row.ownerCentreId ?? row.courseOwnerCentreId),
    checkUrl: certificateCheckUrl(publicUrl, c.certificateSerial),
  });
  if (!own) {
    await recordAudit(db, who, {
      action: 'export',
      entityType: 'training_certificate',
      entityIds: [c.id],
      detail: { format: 'pdf', serial: c.certificateSerial, lang },
    });
  }
  return { bytes, serial: c.certificateSerial, missingCharacters };
}

/**
 * The learner's own completions (active certificates, newest first), the courses completed on their own whose
 * certificate is ready to be asked for, and assignments.
 */
export async function myCompletions(db: DbOrTx, actor: Actor, read: CourseCompletionReader, now: Date) {
  const rows = await certificateQuery(db)
    .where(and(eq(trainingCompletions.learnerUserId, actor.userId), isNull(trainingCompletions.revokedAt)))
    .orderBy(desc(trainingCompletions.completedOn), desc(trainingCompletions.issuedAt));
  const names = new Map<string, string>();
  const completions = [];
  for (const r of rows) {
    const centreId = r.ownerCentreId ?? r.courseOwnerCentreId;
    const key = `${r.completion.prefectureCode}:${centreId ?? 'hq'}`;
    if (!names.has(key)) names.set(key, await issuingCentreName(db, r.completion.prefectureCode, centreId));
    completions.push({
      id: r.completion.id,
      serial: r.completion.certificateSerial,
      courseTitle: r.courseTitle,
      courseKind: r.courseKind,
      sessionTitle: r.sessionTitle,
      completedOn: r.completion.completedOn,
      issuedAt: r.completion.issuedAt.toISOString(),
      centreName: names.get(key)!,
    });
  }
  return {
    holderName: actor.displayName,
    completions,
    ready: await readyCourses(db, actor, read, now),
    assignments: await myAssignments(db, actor.userId),
  };
}

/**
 * The public check: serial, course title, completion date and the holder's name — nothing else. A malformed
 * serial (wrong length, characters or check character), an unknown one and a revoked one all answer 404 alike,
 * so that the page reveals nothing about certificates that do not stand.
 */
export async function checkCertificate(db: DbOrTx, typed: string) {
  const parsed = parseCertificateSerial(typed);
  if (!parsed.ok) throw new AppError('not_found');
  const [row] = await certificateQuery(db).where(
    and(eq(trainingCompletions.certificateSerial, parsed.serial), isNull(trainingCompletions.revokedAt)),
  );
  if (!row) throw new AppError('not_found');
  return {
    serial: row.completion.certificateSerial,
    courseTitle: row.courseTitle,
    completedOn: row.completion.completedOn,
    holderName: row.holderName,
  };
}
