import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import { COURSE_KINDS, PROFESSIONS, SESSION_STATUSES } from '../../shared/vocab/learning';
import {
  ASSIGNMENT_STATES,
  COMPLETION_GAPS,
  ISSUE_SKIP_REASONS,
} from '../../shared/vocab/learning-attendance';

/** Requests and responses of attendance, assignments and certificates (routes-attendance.ts, routes-certificates.ts). */

const zUuid = z.string().uuid();

export const ZSessionDayParams = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' } }),
  dayId: z.string().openapi({ param: { name: 'dayId', in: 'path' } }),
  applicationId: z.string().openapi({ param: { name: 'applicationId', in: 'path' } }),
});

export const ZSessionApplicationParams = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' } }),
  applicationId: z.string().openapi({ param: { name: 'applicationId', in: 'path' } }),
});

export const ZSerialParam = z.object({
  serial: z
    .string()
    .max(64)
    .openapi({ param: { name: 'serial', in: 'path' }, example: '2026-7KQM-3XHT-PWN9' }),
});

// ---- attendance ----

export const ZAttendanceMark = z.object({
  dayId: z.string(),
  applicationId: z.string(),
  present: z.boolean(),
  recordedByName: z.string(),
  recordedAt: z.string().datetime({ offset: true }),
});

export const ZAttendanceDay = z.object({
  id: z.string(),
  seq: z.number().int(),
  heldOn: z.string(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  partTitle: z.string().nullable(),
});

export const ZParticipant = z.object({
  applicationId: z.string(),
  learnerUserId: z.string(),
  name: z.string(),
  profession: z.enum(PROFESSIONS),
  workplace: z.string(),
});

export const ZAttendanceSheet = z.object({
  session: z.object({
    id: z.string(),
    title: z.string(),
    courseTitle: z.string(),
    courseKind: z.enum(COURSE_KINDS),
    status: z.enum(SESSION_STATUSES),
    place: z.string(),
  }),
  days: z.array(ZAttendanceDay),
  participants: z.array(ZParticipant),
  marks: z.array(ZAttendanceMark),
  /** Whether the actor may record attendance (false for read-only roles). */
  canRecord: z.boolean(),
});

/**
 * One tick. `present: null` clears the mark. `seenRecordedAt` is the mark's time as the client last saw it
 * (null: it saw no mark): when another person changed the same cell since, the answer is 409 with the
 * current mark, so a tick never silently overwrites a colleague's.
 */
export const ZAttendanceTickRequest = z
  .object({
    present: z.boolean().nullable(),
    seenRecordedAt: z.string().datetime({ offset: true }).nullable().optional(),
  })
  .strict();

export const ZAttendanceTickResponse = z.object({ mark: ZAttendanceMark.nullable() });

// ---- assignments ----

export const ZAssignmentSubmitRequest = z.object({ body: multilineText(20_000, 1) }).strict();

export const ZAssignmentView = z.object({
  applicationId: z.string(),
  state: z.enum(ASSIGNMENT_STATES),
  body: z.string().nullable(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
});

export const ZAssignmentAcceptRequest = z.object({ accepted: z.boolean() }).strict();

// ---- completions and certificates ----

export const ZCertificateRef = z.object({
  id: z.string(),
  serial: z.string(),
  completedOn: z.string(),
  issuedAt: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});

export const ZCompletionRow = ZParticipant.extend({
  complete: z.boolean(),
  gaps: z.array(z.enum(COMPLETION_GAPS)),
  daysPresent: z.number().int(),
  daysTotal: z.number().int(),
  lessonsDone: z.number().int(),
  lessonsTotal: z.number().int(),
  assignment: z.enum(ASSIGNMENT_STATES),
  assignmentBody: z.string().nullable(),
  completedOn: z.string().nullable(),
  certificate: ZCertificateRef.nullable(),
});

export const ZCompletionList = z.object({
  session: ZAttendanceSheet.shape.session,
  rule: z.object({ allDays: z.boolean(), allLessons: z.boolean(), assignment: z.boolean() }),
  rows: z.array(ZCompletionRow),
  canIssue: z.boolean(),
});

export const ZIssueRequest = z
  .object({
    /** The participants to issue for; absent: everyone who has completed and has no certificate yet. */
    applicationIds: z.array(zUuid).min(1).max(2000).optional(),
  })
  .strict();

export const ZIssueResponse = z.object({
  issued: z.array(z.object({ applicationId: z.string(), certificateId: z.string(), serial: z.string() })),
  skipped: z.array(z.object({ applicationId: z.string(), reason: z.enum(ISSUE_SKIP_REASONS) })),
});

export const ZRevokeRequest = z.object({ reason: multilineText(1000, 1) }).strict();

export const ZMyCompletion = z.object({
  id: z.string(),
  serial: z.string(),
  courseTitle: z.string(),
  courseKind: z.enum(COURSE_KINDS),
  sessionTitle: z.string().nullable(),
  completedOn: z.string(),
  issuedAt: z.string(),
  centreName: z.string(),
});

export const ZMyAssignment = z.object({
  applicationId: z.string(),
  sessionTitle: z.string(),
  courseTitle: z.string(),
  state: z.enum(ASSIGNMENT_STATES),
  body: z.string().nullable(),
  submittedAt: z.string().nullable(),
});

/** A course completed without a session whose certificate the learner may ask for. */
export const ZReadyCourse = z.object({
  courseId: z.string(),
  courseTitle: z.string(),
  courseKind: z.enum(COURSE_KINDS),
  completedOn: z.string(),
});

export const ZClaimedCertificate = z.object({
  /** false when the learner already held it (the standing certificate is returned). */
  issued: z.boolean(),
  certificate: z.object({ id: z.string(), serial: z.string(), completedOn: z.string() }),
});

export const ZMyCompletions = z.object({
  holderName: z.string(),
  completions: z.array(ZMyCompletion),
  /** Courses completed on their own (e-learning) whose certificate is ready to be asked for. */
  ready: z.array(ZReadyCourse),
  /** Sessions of courses with an assignment the learner takes part in, with where the assignment stands. */
  assignments: z.array(ZMyAssignment),
});

export const ZPublicCertificateCheck = z.object({
  serial: z.string(),
  courseTitle: z.string(),
  completedOn: z.string(),
  holderName: z.string(),
});
