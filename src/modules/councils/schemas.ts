import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import {
  COUNCIL_ACTION_STATUSES,
  COUNCIL_ATTENDANCE_STATUSES,
  COUNCIL_BODY_KINDS,
  COUNCIL_MEETING_STATUSES,
  COUNCIL_MEMBER_CATEGORIES,
  COUNCIL_MEMBER_ROLES,
  COUNCIL_SCHEDULE_KINDS,
  COUNCIL_TIERS,
} from '../../shared/vocab/councils';
import { zDate, zVersion } from '../registry/schemas-write';

/** Requests and responses of the councils API (routes-*.ts). */

const zUuid = z.string().uuid();
const zName = z.string().trim().min(1).max(200);
const zTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
  .openapi({ example: '14:00' });
const zInstant = z.iso.datetime({ offset: true }).openapi({ example: '2026-12-09T14:00:00+09:00' });

export const ZOwner = z.object({
  tier: z.enum(COUNCIL_TIERS),
  centreId: z.string().nullable(),
  regionId: z.string().nullable(),
  name: z.string(),
});

// ---- bodies ----

const scheduleFields = {
  scheduleKind: z.enum(COUNCIL_SCHEDULE_KINDS).optional(),
  scheduleIntervalMonths: z.number().int().min(1).max(12).optional(),
  scheduleDayOfMonth: z.number().int().min(1).max(31).nullable().optional(),
  scheduleWeekOfMonth: z.number().int().min(1).max(5).nullable().optional(),
  scheduleWeekday: z.number().int().min(0).max(6).nullable().optional(),
  scheduleStartTime: zTime.nullable().optional(),
  scheduleDurationMinutes: z.number().int().min(15).max(1440).optional(),
};

const bodyFields = {
  purpose: multilineText(2000).optional(),
  charter: multilineText(50_000).optional(),
  defaultPlace: z.string().trim().max(300).optional(),
  ownerCentreId: zUuid.nullable().optional(),
  ownerRegionId: zUuid.nullable().optional(),
  ...scheduleFields,
};

export const ZCreateBodyRequest = z
  .object({ kind: z.enum(COUNCIL_BODY_KINDS), name: zName, ...bodyFields })
  .strict();

export const ZUpdateBodyRequest = z
  .object({
    version: zVersion,
    kind: z.enum(COUNCIL_BODY_KINDS).optional(),
    name: zName.optional(),
    archived: z.boolean().optional(),
    ...bodyFields,
  })
  .strict();

export const ZBodyListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(COUNCIL_BODY_KINDS).optional(),
  tier: z.enum(COUNCIL_TIERS).optional(),
  archived: z.enum(['false', 'true', 'all']).optional(),
});

export const ZBodyRow = z.object({
  id: z.string(),
  kind: z.enum(COUNCIL_BODY_KINDS),
  name: z.string(),
  owner: ZOwner,
  memberCount: z.number().int(),
  nextMeeting: z.object({ id: z.string(), startsAt: z.string(), title: z.string() }).nullable(),
  lastHeldOn: z.string().nullable(),
  heldThisNendo: z.number().int(),
  openActionItems: z.number().int(),
  overdueActionItems: z.number().int(),
  archived: z.boolean(),
  canManage: z.boolean(),
  isMember: z.boolean(),
});

export const ZBodyList = z.object({ items: z.array(ZBodyRow), total: z.number().int() });

export const ZMember = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  affiliation: z.string(),
  category: z.enum(COUNCIL_MEMBER_CATEGORIES),
  role: z.enum(COUNCIL_MEMBER_ROLES),
  termFrom: z.string(),
  termTo: z.string().nullable(),
  current: z.boolean(),
  version: z.number().int(),
});

export const ZMeetingRow = z.object({
  id: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  bodyKind: z.enum(COUNCIL_BODY_KINDS),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  status: z.enum(COUNCIL_MEETING_STATUSES),
  minutesWritten: z.boolean(),
  minutesPublished: z.boolean(),
  attendanceCount: z.number().int(),
  openActionItems: z.number().int(),
});

export const ZActionItem = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  meetingStartsAt: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  title: z.string(),
  ownerUserId: z.string(),
  ownerName: z.string(),
  dueOn: z.string(),
  status: z.enum(COUNCIL_ACTION_STATUSES),
  overdue: z.boolean(),
  doneAt: z.string().nullable(),
  version: z.number().int(),
  canChange: z.boolean(),
});

export const ZBody = z.object({
  id: z.string(),
  kind: z.enum(COUNCIL_BODY_KINDS),
  name: z.string(),
  owner: ZOwner,
  purpose: z.string(),
  /** The charter as Markdown, as written (the edit form's text). */
  charter: z.string(),
  /** The charter rendered to safe HTML by src/shared/markdown.ts (raw HTML escaped, only safe link URLs). */
  charterHtml: z.string(),
  defaultPlace: z.string(),
  scheduleKind: z.enum(COUNCIL_SCHEDULE_KINDS),
  scheduleIntervalMonths: z.number().int(),
  scheduleDayOfMonth: z.number().int().nullable(),
  scheduleWeekOfMonth: z.number().int().nullable(),
  scheduleWeekday: z.number().int().nullable(),
  scheduleStartTime: z.string().nullable(),
  scheduleDurationMinutes: z.number().int(),
  /** The schedule's next dates not yet planned (up to 6). */
  nextScheduledDates: z.array(z.string()),
  archived: z.boolean(),
  version: z.number().int(),
  canManage: z.boolean(),
  members: z.array(ZMember),
  meetings: z.array(ZMeetingRow),
  actionItems: z.array(ZActionItem),
});

// ---- members ----

const memberFields = {
  name: zName,
  userId: zUuid.nullable().optional(),
  organisationId: zUuid.nullable().optional(),
  affiliation: z.string().trim().max(200).optional(),
  category: z.enum(COUNCIL_MEMBER_CATEGORIES),
  role: z.enum(COUNCIL_MEMBER_ROLES).optional(),
  termFrom: zDate,
  termTo: zDate.nullable().optional(),
};

export const ZCreateMemberRequest = z.object(memberFields).strict();

export const ZUpdateMemberRequest = z
  .object({
    version: zVersion,
    ...memberFields,
    name: zName.optional(),
    category: memberFields.category.optional(),
    termFrom: zDate.optional(),
  })
  .strict();

// ---- meetings ----

export const ZCreateMeetingRequest = z
  .object({
    bodyId: zUuid,
    title: zName,
    startsAt: zInstant,
    endsAt: zInstant,
    place: z.string().trim().max(300).optional(),
    agenda: multilineText(20_000).optional(),
  })
  .strict();

export const ZUpdateMeetingRequest = z
  .object({
    version: zVersion,
    title: zName.optional(),
    startsAt: zInstant.optional(),
    endsAt: zInstant.optional(),
    place: z.string().trim().max(300).optional(),
    agenda: multilineText(20_000).optional(),
    status: z.enum(COUNCIL_MEETING_STATUSES).optional(),
  })
  .strict();

export const ZGenerateMeetingsRequest = z
  .object({ version: zVersion, count: z.number().int().min(1).max(12) })
  .strict();

export const ZGenerated = z.object({ created: z.array(z.string()) });

export const ZMeetingListQuery = z.object({
  bodyId: zUuid.optional(),
  /** The 年度 the meeting starts in. */
  nendo: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(COUNCIL_MEETING_STATUSES).optional(),
  upcoming: z.enum(['true', 'false']).optional(),
});

export const ZMeetingList = z.object({ items: z.array(ZMeetingRow) });

export const ZAttendanceEntry = z
  .object({
    memberId: zUuid,
    status: z.enum(COUNCIL_ATTENDANCE_STATUSES),
    note: z.string().trim().max(200).optional(),
  })
  .strict();

export const ZAttendanceRequest = z
  .object({ version: zVersion, entries: z.array(ZAttendanceEntry).max(200) })
  .strict();

export const ZMinutesRequest = z
  .object({
    version: zVersion,
    minutesPublic: multilineText(50_000),
    minutesPrivate: multilineText(50_000),
    decisions: z.array(z.string().trim().min(1).max(2000)).max(100),
    /** Publish the public part on the public site (only for a meeting that was held). */
    publish: z.boolean(),
  })
  .strict();

export const ZMeeting = z.object({
  ...ZMeetingRow.shape,
  bodyOwner: ZOwner,
  agenda: z.string(),
  minutesPublic: z.string(),
  minutesPrivate: z.string(),
  minutesPublishedAt: z.string().nullable(),
  decisions: z.array(z.string()),
  attendance: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      affiliation: z.string(),
      category: z.enum(COUNCIL_MEMBER_CATEGORIES),
      /** Null when not recorded yet. */
      status: z.enum(COUNCIL_ATTENDANCE_STATUSES).nullable(),
      note: z.string(),
    }),
  ),
  actionItems: z.array(ZActionItem),
  /** Files attached to the meeting (materials.ts), oldest first. */
  materials: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      fileName: z.string(),
      contentType: z.string().nullable(),
      byteSize: z.number().int(),
      addedBy: z.string(),
      addedAt: z.string(),
    }),
  ),
  version: z.number().int(),
  canManage: z.boolean(),
});

// ---- action items ----

export const ZCreateActionItemRequest = z
  .object({ title: z.string().trim().min(1).max(500), ownerUserId: zUuid, dueOn: zDate })
  .strict();

export const ZUpdateActionItemRequest = z
  .object({
    version: zVersion,
    title: z.string().trim().min(1).max(500).optional(),
    ownerUserId: zUuid.optional(),
    dueOn: zDate.optional(),
    status: z.enum(COUNCIL_ACTION_STATUSES).optional(),
  })
  .strict();

export const ZActionItemListQuery = z.object({
  status: z.enum(COUNCIL_ACTION_STATUSES).optional(),
});

export const ZActionItemList = z.object({ items: z.array(ZActionItem) });

export const ZAssignees = z.object({
  items: z.array(z.object({ userId: z.string(), name: z.string(), isMember: z.boolean() })),
});

// ---- options ----

export const ZCouncilOptions = z.object({
  /** Owners a new body may have (what the caller manages). */
  owners: z.array(ZOwner),
  canCreate: z.boolean(),
  /** Organisations of the prefecture for a member's affiliation. */
  organisations: z.array(z.object({ id: z.string(), name: z.string() })),
});

// ---- calendar feed ----

export const ZCalendarFeed = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  /** The feed's address: given only when it is created (the token is not kept, only its hash). */
  url: z.string().nullable(),
});

// ---- public minutes ----

export const ZPublicMinutesQuery = z.object({
  prefecture: z.string().regex(/^\d{2}$/),
  nendo: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const ZPublicMinutesRow = z.object({
  id: z.string(),
  bodyName: z.string(),
  bodyKind: z.enum(COUNCIL_BODY_KINDS),
  title: z.string(),
  startsAt: z.string(),
  place: z.string(),
  publishedAt: z.string(),
  /** The public part of the minutes only. */
  minutes: z.string(),
});

export const ZPublicMinutesList = z.object({ items: z.array(ZPublicMinutesRow) });
