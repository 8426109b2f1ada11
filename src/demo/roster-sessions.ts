/**
 * The coordinator course's sessions behind the demo roster (roster.ts): the prefecture's coordinator course and
 * its day parts, a completed past session with its selected participants, attendance and completions, and the
 * graduates at this year's follow-up session (trainings.ts) with their attendance and completions. Deterministic
 * for the caller's random source.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import {
  learnerProfiles,
  trainingApplications,
  trainingAttendance,
  trainingCompletions,
  trainingCourseParts,
  trainingCourses,
  trainingSessionDays,
  trainingSessions,
} from '../db/schema';
import { newCertificateSerial } from '../modules/learning/certificate-serial';
import { addDays } from '../shared/dates';
import { nendoOf } from '../shared/nendo';
import { PROFESSION_GROUP_OF, type Profession } from '../shared/vocab/learning';
import type { Rng } from './random';

export const WORKPLACE_NAMES: Record<'medical' | 'welfare', readonly string[]> = {
  medical: ['訪問看護ステーション', '保健福祉事務所', '市立病院 地域連携室'],
  welfare: ['相談支援事業所', '障害福祉課', '地域活動支援センター'],
};

export type Learner = { userId: string; municipalityCode: string; organisationId: string | null };

/** The demo prefecture's coordinator course and its day parts, or null when there is none. */
export async function coordinatorCourse(tx: DbOrTx, prefectureCode: string) {
  const [course] = await tx
    .select({ id: trainingCourses.id })
    .from(trainingCourses)
    .where(
      and(eq(trainingCourses.prefectureCode, prefectureCode), eq(trainingCourses.kind, 'coordinator_course')),
    )
    .orderBy(asc(trainingCourses.createdAt))
    .limit(1);
  if (!course) return null;
  const parts = await tx
    .select({ id: trainingCourseParts.id })
    .from(trainingCourseParts)
    .where(and(eq(trainingCourseParts.courseId, course.id), eq(trainingCourseParts.kind, 'day')))
    .orderBy(asc(trainingCourseParts.seq));
  return { id: course.id, dayParts: parts.map((p) => p.id) };
}

/** A completed session with its days, all participants selected, attendance ticked and completions issued. */
export async function pastSession(
  tx: DbOrTx,
  rng: Rng,
  opts: {
    prefectureCode: string;
    courseId: string;
    title: string;
    place: string;
    days: string[];
    dayParts: (string | null)[];
    learners: (Learner & { profession: Profession; workplace: string; regionId: string | null })[];
    at: Date;
    /** The staff member who ticked the attendance. */
    recorder: string;
    /** Who misses a day (and so does not complete). */
    absent: (i: number) => boolean;
  },
): Promise<{ completed: Learner[]; completedOn: string }> {
  const [session] = await tx
    .insert(trainingSessions)
    .values({
      courseId: opts.courseId,
      prefectureCode: opts.prefectureCode,
      ownerCentreId: null,
      ownerRegionId: null,
      title: opts.title,
      delivery: 'in_person',
      place: opts.place,
      capacity: 40,
      status: 'completed',
      createdAt: opts.at,
      updatedAt: opts.at,
    })
    .returning({ id: trainingSessions.id });
  const days = await tx
    .insert(trainingSessionDays)
    .values(
      opts.days.map((heldOn, i) => ({
        sessionId: session!.id,
        seq: i + 1,
        heldOn,
        startsAt: '13:30',
        endsAt: '16:30',
        partId: opts.dayParts[i] ?? null,
      })),
    )
    .returning({ id: trainingSessionDays.id });
  const completedOn = opts.days[opts.days.length - 1]!;
  const completed: Learner[] = [];
  for (const [i, l] of opts.learners.entries()) {
    const [app] = await tx
      .insert(trainingApplications)
      .values({
        sessionId: session!.id,
        prefectureCode: opts.prefectureCode,
        learnerUserId: l.userId,
        profession: l.profession,
        professionGroup: PROFESSION_GROUP_OF[l.profession],
        regionId: l.regionId,
        municipalityCode: l.municipalityCode,
        workplace: l.workplace,
        status: 'selected',
        decidedAt: opts.at,
        createdAt: opts.at,
        updatedAt: opts.at,
      })
      .returning({ id: trainingApplications.id });
    const missed = opts.absent(i);
    await tx.insert(trainingAttendance).values(
      days.map((d, j) => ({
        sessionDayId: d.id,
        applicationId: app!.id,
        present: !(missed && j === days.length - 1),
        recordedBy: opts.recorder,
        recordedAt: opts.at,
      })),
    );
    if (missed) continue;
    await tx.insert(trainingCompletions).values({
      prefectureCode: opts.prefectureCode,
      courseId: opts.courseId,
      sessionId: session!.id,
      learnerUserId: l.userId,
      completedOn,
      certificateSerial: newCertificateSerial(nendoOf(completedOn), (n) =>
        Uint8Array.from({ length: n }, () => rng.int(0, 255)),
      ),
      issuedAt: new Date(`${completedOn}T17:00:00+09:00`),
    });
    completed.push(l);
  }
  return { completed, completedOn };
}

/** Graduates at the follow-up session held this year (trainings.ts), present, and its completions. */
export async function seedFollowUpGraduates(
  tx: DbOrTx,
  rng: Rng,
  opts: {
    prefectureCode: string;
    trained: readonly Learner[];
    regionRows: readonly { id: string; code: string }[];
    recorder: { id: string };
    today: string;
  },
): Promise<void> {
  const { prefectureCode: pref, trained, regionRows, recorder, today } = opts;
  const [followUp] = await tx
    .select({ id: trainingSessions.id, courseId: trainingSessions.courseId })
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(
      and(
        eq(trainingSessions.prefectureCode, pref),
        eq(trainingCourses.kind, 'follow_up'),
        eq(trainingSessions.status, 'completed'),
      ),
    )
    .limit(1);
  if (followUp) {
    const days = await tx
      .select({ id: trainingSessionDays.id, heldOn: trainingSessionDays.heldOn })
      .from(trainingSessionDays)
      .where(eq(trainingSessionDays.sessionId, followUp.id))
      .orderBy(asc(trainingSessionDays.seq));
    const heldOn = String(days[days.length - 1]?.heldOn ?? today);
    const profiles = new Map(
      (
        await tx
          .select({ userId: learnerProfiles.userId, profession: learnerProfiles.profession })
          .from(learnerProfiles)
          .where(
            inArray(
              learnerProfiles.userId,
              trained.map((l) => l.userId),
            ),
          )
      ).map((p) => [p.userId, p.profession]),
    );
    const at = new Date(`${addDays(heldOn, -30)}T09:00:00+09:00`);
    for (const l of trained.filter((_, i) => i % 2 === 0)) {
      const profession = profiles.get(l.userId)!;
      const [app] = await tx
        .insert(trainingApplications)
        .values({
          sessionId: followUp.id,
          prefectureCode: pref,
          learnerUserId: l.userId,
          profession,
          professionGroup: PROFESSION_GROUP_OF[profession],
          regionId: regionRows.find((r) => r.code === l.municipalityCode)?.id ?? null,
          municipalityCode: l.municipalityCode,
          workplace: rng.pick(WORKPLACE_NAMES[PROFESSION_GROUP_OF[profession]]),
          status: 'selected',
          decidedAt: at,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: trainingApplications.id });
      const present = rng.chance(0.85);
      await tx.insert(trainingAttendance).values(
        days.map((d) => ({
          sessionDayId: d.id,
          applicationId: app!.id,
          present,
          recordedBy: recorder.id,
          recordedAt: at,
        })),
      );
      if (!present) continue;
      await tx.insert(trainingCompletions).values({
        prefectureCode: pref,
        courseId: followUp.courseId,
        sessionId: followUp.id,
        learnerUserId: l.userId,
        completedOn: heldOn,
        certificateSerial: newCertificateSerial(nendoOf(heldOn), (n) =>
          Uint8Array.from({ length: n }, () => rng.int(0, 255)),
        ),
        issuedAt: new Date(`${heldOn}T17:00:00+09:00`),
      });
    }
  }
}
