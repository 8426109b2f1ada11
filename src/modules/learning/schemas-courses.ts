import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import {
  COURSE_KINDS,
  COURSE_PART_KINDS,
  DELIVERY_MODES,
  SESSION_STATUSES,
} from '../../shared/vocab/learning';
import { zDate, zVersion } from '../registry/schemas-write';

/** Requests and responses of the course and session routes (routes-courses.ts, routes-sessions.ts). */

const zUuid = z.string().uuid();
const zTitle = z.string().trim().min(1).max(200);
const zTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
  .openapi({ example: '13:30' });

/** Who owns a course or session: the HQ (both null), a branch, or a region. */
const ownerFields = {
  ownerCentreId: zUuid.nullable().optional(),
  ownerRegionId: zUuid.nullable().optional(),
};

export const ZOwner = z.object({
  kind: z.enum(['hq', 'branch', 'region']),
  centreId: z.string().nullable(),
  regionId: z.string().nullable(),
  name: z.string(),
});

// ---- courses ----

export const ZPartInput = z
  .object({
    /** An existing part keeps its id (days and lessons refer to it); a new one has none. */
    id: zUuid.optional(),
    kind: z.enum(COURSE_PART_KINDS),
    title: zTitle,
    description: multilineText(2000).optional(),
    durationMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .nullable()
      .optional(),
  })
  .strict();

const courseFields = {
  kind: z.enum(COURSE_KINDS),
  title: zTitle,
  summary: multilineText(4000).optional(),
  ...ownerFields,
  completionRequiresAllDays: z.boolean().optional(),
  completionRequiresAllLessons: z.boolean().optional(),
  completionRequiresAssignment: z.boolean().optional(),
  isPublic: z.boolean().optional(),
};

export const ZCreateCourseRequest = z
  .object({ ...courseFields, parts: z.array(ZPartInput).max(50).optional() })
  .strict();

export const ZUpdateCourseRequest = z
  .object({
    version: zVersion,
    kind: courseFields.kind.optional(),
    title: zTitle.optional(),
    summary: courseFields.summary,
    ...ownerFields,
    completionRequiresAllDays: z.boolean().optional(),
    completionRequiresAllLessons: z.boolean().optional(),
    completionRequiresAssignment: z.boolean().optional(),
    isPublic: z.boolean().optional(),
  })
  .strict();

export const ZReplacePartsRequest = z
  .object({ version: zVersion, parts: z.array(ZPartInput).max(50) })
  .strict();

export const ZVersionRequest = z.object({ version: zVersion }).strict();

export const ZCoursePart = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: z.enum(COURSE_PART_KINDS),
  title: z.string(),
  description: z.string(),
  durationMinutes: z.number().int().nullable(),
});

export const ZCourseListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(COURSE_KINDS).optional(),
  /** 'mine': only the courses the caller manages. */
  owner: z.enum(['all', 'mine']).optional(),
  archived: z.enum(['false', 'true', 'all']).optional(),
});

export const ZCourseRow = z.object({
  id: z.string(),
  kind: z.enum(COURSE_KINDS),
  title: z.string(),
  owner: ZOwner,
  isPublic: z.boolean(),
  archived: z.boolean(),
  sessionCount: z.number().int(),
  /** The next day a session of the course is held (today or later), if any. */
  nextDate: z.string().nullable(),
  canManage: z.boolean(),
});

export const ZCourseList = z.object({ items: z.array(ZCourseRow), total: z.number().int() });

// ---- sessions ----

export const ZDayInput = z
  .object({
    id: zUuid.optional(),
    heldOn: zDate,
    startsAt: zTime.nullable().optional(),
    endsAt: zTime.nullable().optional(),
    partId: zUuid.nullable().optional(),
  })
  .strict();

const sessionFields = {
  title: zTitle.optional(),
  delivery: z.enum(DELIVERY_MODES),
  place: multilineText(500).optional(),
  capacity: z.number().int().min(1).max(10_000).nullable().optional(),
  applicationsOpenAt: z.iso.datetime({ offset: true }).nullable().optional(),
  applicationsCloseAt: z.iso.datetime({ offset: true }).nullable().optional(),
  coHosts: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
  operatorName: z.string().trim().max(200).nullable().optional(),
  ...ownerFields,
};

export const ZCreateSessionRequest = z
  .object({ courseId: zUuid, ...sessionFields, days: z.array(ZDayInput).max(60).optional() })
  .strict();

export const ZUpdateSessionRequest = z
  .object({
    version: zVersion,
    ...sessionFields,
    delivery: sessionFields.delivery.optional(),
    days: z.array(ZDayInput).max(60).optional(),
  })
  .strict();

export const SESSION_TARGETS = ['draft', 'open', 'closed', 'completed', 'cancelled'] as const;

export const ZSessionStatusRequest = z
  .object({
    version: zVersion,
    status: z.enum(SESSION_TARGETS),
    /** Why a session is cancelled (kept in the audit log and shown to staff). */
    reason: z.string().trim().max(500).optional(),
  })
  .strict();

export const ZSessionDay = z.object({
  id: z.string(),
  seq: z.number().int(),
  heldOn: z.string(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  partId: z.string().nullable(),
});

export const ZSessionListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(COURSE_KINDS).optional(),
  status: z.enum(SESSION_STATUSES).optional(),
  courseId: zUuid.optional(),
  /** The 年度 the session's first day falls in. */
  nendo: z.coerce.number().int().min(2000).max(2100).optional(),
  owner: z.enum(['all', 'mine']).optional(),
  page: z.coerce.number().int().min(1).max(1000).optional(),
});

export const ZSessionRow = z.object({
  id: z.string(),
  courseId: z.string(),
  courseKind: z.enum(COURSE_KINDS),
  courseTitle: z.string(),
  title: z.string(),
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
  nextDate: z.string().nullable(),
  dayCount: z.number().int(),
  delivery: z.enum(DELIVERY_MODES),
  place: z.string(),
  capacity: z.number().int().nullable(),
  /** Applications not cancelled, and those selected. */
  applicants: z.number().int(),
  selected: z.number().int(),
  status: z.enum(SESSION_STATUSES),
  applicationsOpen: z.boolean(),
  owner: ZOwner,
  canManage: z.boolean(),
});

export const ZSessionList = z.object({
  items: z.array(ZSessionRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZSession = ZSessionRow.extend({
  version: z.number().int(),
  applicationsOpenAt: z.string().nullable(),
  applicationsCloseAt: z.string().nullable(),
  coHosts: z.array(z.string()),
  operatorName: z.string().nullable(),
  isPublic: z.boolean(),
  days: z.array(ZSessionDay),
  parts: z.array(ZCoursePart),
  updatedAt: z.string(),
});

export const ZCourse = ZCourseRow.extend({
  summary: z.string(),
  completionRequiresAllDays: z.boolean(),
  completionRequiresAllLessons: z.boolean(),
  completionRequiresAssignment: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  parts: z.array(ZCoursePart),
  sessions: z.array(ZSessionRow),
});

export const ZLearningOptions = z.object({
  canManage: z.boolean(),
  /** The owners the caller may give a course or session (the HQ, branches, regions within its area). */
  owners: z.array(ZOwner),
  /** Every owner of the prefecture, for the list filters' names. */
  allOwners: z.array(ZOwner),
});
