import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import { COURSE_KINDS } from '../../shared/vocab/learning';
import {
  REQUEST_ENTRY_KINDS,
  REQUEST_SIDES,
  REQUEST_SOURCES,
  REQUEST_STATUSES,
  REQUESTER_KINDS,
} from '../../shared/vocab/learning-requests';
import { zVersion } from '../registry/schemas-write';
import { ZOwner } from './schemas-courses';

/** Requests and responses of the training request routes (routes-requests.ts; MI-6). */

const zUuid = z.string().uuid();
const zLine = (max: number) => z.string().trim().max(max);

/** A new request. Staff name the requester; municipal and provider staff file for their own. */
export const ZCreateRequestRequest = z
  .object({
    requesterKind: z.enum(REQUESTER_KINDS).optional(),
    requesterOrganisationId: zUuid.nullable().optional(),
    requesterMunicipalityCode: z
      .string()
      .regex(/^\d{6}$/)
      .nullable()
      .optional(),
    /** The requester as written, when not an organisation of the network (or the municipal department). */
    requesterName: zLine(200).optional(),
    contactName: zLine(100).optional(),
    contactDetail: zLine(200).optional(),
    courseKind: z.enum(COURSE_KINDS).optional(),
    askedFor: multilineText(2000, 1),
    reason: multilineText(2000, 1),
    ownerCentreId: zUuid.nullable().optional(),
    ownerRegionId: zUuid.nullable().optional(),
    /** A first entry of the transitions list (KU-3): the child, the 年度 and the kind of transition. */
    transition: z
      .object({
        childId: zUuid,
        nendo: z.number().int().min(2000).max(2200),
        kind: z.enum([
          'nursery_entry',
          'elementary_entry',
          'special_school_junior_entry',
          'special_school_high_entry',
        ]),
      })
      .strict()
      .optional(),
    /** A provider newly opened in the resources directory, offered a training. */
    resourceOrganizationId: zUuid.optional(),
  })
  .strict();

export const ZRequestEntryRequest = z.object({ body: multilineText(4000, 1) }).strict();
export const ZRequestNeedRequest = z.object({ version: zVersion, need: multilineText(4000, 1) }).strict();
export const ZRequestLinkRequest = z.object({ version: zVersion, sessionId: zUuid }).strict();
export const ZRequestCloseRequest = z
  .object({
    version: zVersion,
    outcome: z.enum(['done', 'declined']),
    /** Why a request is declined (required then). */
    reason: multilineText(1000).optional(),
  })
  .strict();
export const ZRequestAssignRequest = z.object({ version: zVersion }).strict();

export const ZRequestListQuery = z.object({
  /** open (default): not done or declined; closed; all; or one state. */
  status: z.enum(['open', 'closed', 'all', ...REQUEST_STATUSES]).optional(),
  owner: z.enum(['all', 'mine']).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(1000).optional(),
});

export const ZRequestRow = z.object({
  id: z.string(),
  requesterKind: z.enum(REQUESTER_KINDS),
  requesterName: z.string(),
  courseKind: z.enum(COURSE_KINDS),
  askedFor: z.string(),
  status: z.enum(REQUEST_STATUSES),
  source: z.enum(REQUEST_SOURCES),
  createdAt: z.string(),
  lastEntryAt: z.string().nullable(),
  /** Days since the request was received, while it is open; null once closed. */
  daysWaiting: z.number().int().nullable(),
  /** The last entry was the requester's: the centre owes an answer. */
  awaitingCentre: z.boolean(),
  owner: ZOwner.nullable(),
  handlerName: z.string().nullable(),
  sessionTitle: z.string().nullable(),
});

export const ZRequestList = z.object({
  items: z.array(ZRequestRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** 'centre' for staff who handle requests, 'requester' for municipal or provider staff. */
  side: z.enum(REQUEST_SIDES),
});

export const ZRequestEntry = z.object({
  id: z.string(),
  kind: z.enum(REQUEST_ENTRY_KINDS),
  side: z.enum(REQUEST_SIDES),
  body: z.string().nullable(),
  authorName: z.string(),
  createdAt: z.string(),
});

export const ZRequest = ZRequestRow.extend({
  version: z.number().int(),
  requesterOrganisationId: z.string().nullable(),
  requesterMunicipalityCode: z.string().nullable(),
  contactName: z.string().nullable(),
  contactDetail: z.string().nullable(),
  reason: z.string(),
  need: z.string().nullable(),
  needWrittenAt: z.string().nullable(),
  sessionId: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
  /** The first entry it started from (centre staff who may see the child only; never the requester). */
  transition: z
    .object({ childId: z.string(), childName: z.string(), nendo: z.number().int(), kind: z.string() })
    .nullable(),
  resourceOrganization: z.object({ id: z.string(), name: z.string() }).nullable(),
  entries: z.array(ZRequestEntry),
  side: z.enum(REQUEST_SIDES),
  /** What the caller may do now. */
  actions: z.array(z.enum(['message', 'need', 'link', 'done', 'decline', 'assign'])),
});

/** Per child of the transitions list: the first-entry request started for it, if any (KU-3). */
export const ZTransitionRequests = z.object({
  items: z.array(z.object({ childId: z.string(), requestId: z.string(), status: z.enum(REQUEST_STATUSES) })),
});
export const ZTransitionRequestsQuery = z.object({ nendo: z.coerce.number().int().min(2000).max(2200) });

/** Providers newly opened in the resources directory (within `days`), to offer a training. */
export const ZNewProvidersQuery = z.object({ days: z.coerce.number().int().min(1).max(365).optional() });
export const ZNewProviders = z.object({
  days: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      openedAt: z.string(),
      services: z.array(z.string()),
      municipalityName: z.string().nullable(),
      networkOrganisationId: z.string().nullable(),
      request: z.object({ id: z.string(), status: z.enum(REQUEST_STATUSES) }).nullable(),
    }),
  ),
});

/** Organisations and municipalities a request may come from (the new-request form). */
export const ZRequestOptions = z.object({
  side: z.enum(REQUEST_SIDES),
  organisations: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  owners: z.array(ZOwner),
});
