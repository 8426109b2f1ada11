/**
 * The completion rule of a course (修了要件), pure: whether a participant of a session has completed, what is
 * still missing, and the completion date a certificate states. docs/learning.md §4.
 *
 * A course names which conditions apply (training_courses.completion_requires_*):
 * - all days: present on every day of the session (a day without a mark counts as not attended);
 * - all lessons: every e-learning lesson part of the course completed, as the e-learning part decides it
 *   (video watched to 95 % and the quiz passed, where there is one — read through a LessonCompletionReader);
 * - the assignment: submitted and accepted by staff.
 * A condition with nothing to meet (no lesson parts, a session without days) is met. A rule with no condition
 * at all completes every participant.
 */
import type { DbOrTx } from '../../db/client';
import type { AssignmentState, CompletionGap } from '../../shared/vocab/learning-attendance';

export type CompletionRule = { allDays: boolean; allLessons: boolean; assignment: boolean };

/** What is known about one participant. Dates are ISO (YYYY-MM-DD), in Japan. */
export type ParticipantFacts = {
  /** The session's days and whether the participant was marked present (null: no mark yet). */
  days: { heldOn: string; present: boolean | null }[];
  lessonsTotal: number;
  lessonsDone: number;
  /** When the last lesson was completed, if known. */
  lessonsDoneOn: string | null;
  assignment: AssignmentState;
  assignmentAcceptedOn: string | null;
};

export type CompletionEvaluation = {
  complete: boolean;
  /** The conditions not met yet, in the rule's order. */
  gaps: CompletionGap[];
  daysPresent: number;
  daysTotal: number;
  lessonsDone: number;
  lessonsTotal: number;
  assignment: AssignmentState;
  /** The date the certificate states: when the last required condition was met; null until complete. */
  completedOn: string | null;
};

function latest(dates: (string | null)[]): string | null {
  let out: string | null = null;
  for (const d of dates) if (d && (out === null || d > out)) out = d;
  return out;
}

/**
 * Evaluates the rule for one participant. `today` (ISO, Japan) is the completion date when the rule has no
 * dated condition (nothing required, or only conditions met vacuously).
 */
export function evaluateCompletion(
  rule: CompletionRule,
  facts: ParticipantFacts,
  today: string,
): CompletionEvaluation {
  const daysPresent = facts.days.filter((d) => d.present === true).length;
  const daysTotal = facts.days.length;
  const gaps: CompletionGap[] = [];
  if (rule.allDays && daysPresent < daysTotal) gaps.push('days');
  if (rule.allLessons && facts.lessonsDone < facts.lessonsTotal) gaps.push('lessons');
  if (rule.assignment && facts.assignment !== 'accepted') gaps.push('assignment');
  const complete = gaps.length === 0;
  const dated = [
    rule.allDays && daysTotal > 0 ? latest(facts.days.map((d) => d.heldOn)) : null,
    rule.allLessons && facts.lessonsTotal > 0 ? facts.lessonsDoneOn : null,
    rule.assignment ? facts.assignmentAcceptedOn : null,
  ];
  return {
    complete,
    gaps,
    daysPresent,
    daysTotal,
    lessonsDone: Math.min(facts.lessonsDone, facts.lessonsTotal),
    lessonsTotal: facts.lessonsTotal,
    assignment: facts.assignment,
    completedOn: complete ? (latest(dated) ?? today) : null,
  };
}

/**
 * Which e-learning lessons of a course a learner has completed. The e-learning part owns the rule (video
 * watched to 95 %, the quiz passed where there is one; docs/learning.md §5) and provides the reader
 * (`lessonsCompleted` in elearning/progress-store.ts has this shape); the certificate routes receive it when
 * the module is mounted.
 */
export type LessonCompletionReader = (
  db: DbOrTx,
  learnerUserId: string,
  courseId: string,
) => Promise<{ completedIds: string[] }>;

/**
 * The reader used when none is given: no lesson counts as done, so a course that requires its lessons never
 * completes early. A course without lesson parts is not affected.
 */
export const noLessonsRead: LessonCompletionReader = async () => ({ completedIds: [] });

/**
 * A course's e-learning as one learner stands in it: lessons in all, lessons complete and when the last one
 * became complete (null until all are). The e-learning part provides it (`courseLessonsCompletedAt`).
 */
export type CourseCompletionReader = (
  db: DbOrTx,
  learnerUserId: string,
  courseId: string,
) => Promise<{ lessonsTotal: number; lessonsDone: number; completedAt: Date | null }>;

/** The reader used when none is given: no course completes without a session. */
export const noCourseRead: CourseCompletionReader = async () => ({
  lessonsTotal: 0,
  lessonsDone: 0,
  completedAt: null,
});

/**
 * Whether a course can be completed without a session — e-learning on its own: its rule asks for all lessons and
 * nothing a session gives (no assignment, which is written within a session), and it has lesson parts but no
 * days and no assignment part. A course with days is completed in its sessions, whatever its rule says.
 */
export function completesWithoutSession(
  course: { completionRequiresAllLessons: boolean; completionRequiresAssignment: boolean },
  partKinds: readonly string[],
): boolean {
  return (
    course.completionRequiresAllLessons &&
    !course.completionRequiresAssignment &&
    partKinds.includes('lesson') &&
    partKinds.every((k) => k === 'lesson')
  );
}
