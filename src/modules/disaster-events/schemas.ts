import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import { DISASTER_SUPPORTS, EVENT_STATES, SAFETY_RESULTS } from '../../shared/vocab/disaster-events';

const zInstant = z.iso.datetime({ offset: true }).openapi({ example: '2026-12-07T09:30:00+09:00' });
const ZTimestamp = z.string().openapi({ example: '2026-12-07T00:30:00.000Z' });

/** Comma-separated lists in a query (`?municipalities=142051,142077`). */
const csv = (max: number) =>
  z
    .string()
    .max(4000)
    .optional()
    .transform((s) =>
      (s ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
        .slice(0, max),
    );

export const ZOutageQuery = z.object({
  municipalities: csv(100).openapi({ example: '142051' }),
  regions: csv(20),
  /** When the power went out; not in the future. */
  since: zInstant,
  /** Rows of the list to return, the most urgent first (default 100; a print asks for up to 2,000). */
  limit: z.coerce.number().int().min(1).max(2000).optional(),
  /** `print`: the printable sheet (audited as an export). */
  purpose: z.enum(['print']).optional(),
});

export const ZEventOutageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(2000).optional(),
  purpose: z.enum(['print']).optional(),
});

const ZContact = z.object({ kind: z.string(), name: z.string().nullable(), phone: z.string().nullable() });

export const ZOutageRow = z.object({
  rank: z.number().int(),
  childId: z.string().uuid(),
  named: z.boolean(),
  basis: z.enum(['consent', 'opened']).nullable(),
  familyName: z.string().nullable(),
  givenName: z.string().nullable(),
  familyKana: z.string().nullable(),
  givenKana: z.string().nullable(),
  birthDate: z.string().nullable(),
  address: z.string().nullable(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  dependent: z.boolean(),
  batteryHours: z.number().nullable(),
  hoursLeft: z.number().nullable(),
  careScore: z.number().nullable(),
  backupPower: z.array(z.string()),
  contacts: z.array(ZContact),
  lastCheck: z
    .object({
      result: z.enum(SAFETY_RESULTS),
      checkedAt: ZTimestamp,
      callerName: z.string(),
      helpNeeded: z.string().nullable(),
    })
    .nullable(),
});

export const ZShelter = z.object({
  serviceId: z.string().uuid(),
  name: z.string(),
  organizationName: z.string(),
  type: z.string(),
  support: z.array(z.enum(DISASTER_SUPPORTS)),
  note: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  inArea: z.boolean(),
});

export const ZOutageList = z
  .object({
    since: ZTimestamp,
    asOf: ZTimestamp,
    municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
    eventId: z.string().uuid().nullable(),
    /** Whether the reader may open unnamed rows with a reason (a responder of the event in force). */
    mayOpen: z.boolean(),
    mayRecordChecks: z.boolean(),
    total: z.number().int(),
    /** Rows the list holds for the reader; `rows` is the first `limit` of them (ask for more with a larger limit). */
    listed: z.number().int(),
    dependent: z.number().int(),
    named: z.number().int(),
    withheld: z.number().int(),
    withheldDependent: z.number().int(),
    checked: z.number().int(),
    needsHelp: z.number().int(),
    rows: z.array(ZOutageRow),
    shelters: z.array(ZShelter),
  })
  .openapi('DisasterOutageList');

export const ZSheltersQuery = z.object({
  municipalities: csv(100),
  regions: csv(20),
  kind: z.enum(DISASTER_SUPPORTS).optional(),
});
export const ZShelters = z.object({ items: z.array(ZShelter) }).openapi('DisasterShelters');

const reasonText = multilineText(2000);

export const ZDeclareEvent = z.object({
  title: z.string().trim().min(1).max(200),
  reason: reasonText,
  municipalityCodes: z.array(z.string()).max(100).default([]),
  regionIds: z.array(z.string()).max(20).default([]),
  startsAt: zInstant,
  endsAt: zInstant,
  responderUserIds: z.array(z.string().uuid()).max(200).default([]),
});

export const ZVersion = z.object({ version: z.number().int() });
export const ZSignOff = z.object({ version: z.number().int(), comment: multilineText(2000) });

export const ZEvent = z
  .object({
    id: z.string().uuid(),
    title: z.string(),
    reason: z.string(),
    state: z.enum(EVENT_STATES),
    startsAt: ZTimestamp,
    endsAt: ZTimestamp,
    endedEarlyAt: ZTimestamp.nullable(),
    declaredAt: ZTimestamp,
    declaredByName: z.string(),
    endedByName: z.string().nullable(),
    municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
    regionIds: z.array(z.string()),
    responders: z.array(z.object({ userId: z.string(), name: z.string(), role: z.string() })),
    openings: z.number().int(),
    review: z.object({
      signedOffAt: ZTimestamp.nullable(),
      signedOffByName: z.string().nullable(),
      comment: z.string().nullable(),
    }),
    version: z.number().int(),
    allowed: z.object({
      end: z.boolean(),
      open: z.boolean(),
      readReview: z.boolean(),
      signOff: z.boolean(),
    }),
  })
  .openapi('DisasterEvent');

export const ZEventList = z
  .object({
    items: z.array(ZEvent),
    /** Ended events whose access review waits for sign-off (administrators and auditors). */
    reviewsWaiting: z.number().int(),
    mayDeclare: z.boolean(),
  })
  .openapi('DisasterEventList');

export const ZOpen = z.object({ childId: z.string().uuid(), reason: reasonText });

export const ZOpenedRecord = z
  .object({
    openingId: z.string().uuid(),
    child: ZOutageRow,
    guardians: z.array(
      z.object({ name: z.string(), relationship: z.string(), phone: z.string().nullable() }),
    ),
    devices: z.array(
      z.object({
        kind: z.string(),
        name: z.string().nullable(),
        needsMains: z.boolean(),
        batteryHours: z.number().nullable(),
      }),
    ),
    careItems: z.array(z.string()),
  })
  .openapi('DisasterOpenedRecord');

export const ZReview = z
  .object({
    event: ZEvent,
    openings: z.array(
      z.object({
        id: z.string().uuid(),
        openedAt: ZTimestamp,
        userName: z.string(),
        role: z.string(),
        childId: z.string().uuid(),
        childName: z.string(),
        municipalityName: z.string(),
        reason: z.string(),
      }),
    ),
  })
  .openapi('DisasterAccessReview');

export const ZRecordCheck = z.object({
  childId: z.string().uuid(),
  eventId: z.string().uuid().nullable().optional(),
  checkedAt: zInstant.optional(),
  result: z.enum(SAFETY_RESULTS),
  callerName: z.string().trim().min(1).max(100).optional(),
  helpNeeded: multilineText(1000).nullable().optional(),
  note: multilineText(1000).nullable().optional(),
});

export const ZSafetyCheck = z
  .object({
    id: z.string().uuid(),
    childId: z.string().uuid(),
    eventId: z.string().uuid().nullable(),
    checkedAt: ZTimestamp,
    callerName: z.string(),
    result: z.enum(SAFETY_RESULTS),
    helpNeeded: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('DisasterSafetyCheck');

export const ZResponderCandidates = z
  .object({
    items: z.array(
      z.object({ userId: z.string().uuid(), name: z.string(), role: z.string(), scopeLabel: z.string() }),
    ),
  })
  .openapi('DisasterResponderCandidates');
