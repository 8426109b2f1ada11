import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import {
  APPROACHES,
  ASSESSMENTS,
  CADENCE_STATES,
  CROSS_TAB_FIELDS,
  ENGAGEMENT_KINDS,
  ENGAGEMENT_STATUSES,
  GOOD_EXAMPLE_USES,
  HEARING_ITEMS,
  LIFE_ELEMENTS,
  MUNICIPAL_ACTIONS,
  MUNICIPAL_REQUESTS,
  SUPPORT_FIELDS,
  SUPPORT_OUTCOMES,
} from '../../shared/vocab/engagements';
import { DIVISIONS } from '../../shared/vocab/network';
import { zDate, zOptText, zText } from '../registry/schemas-write';

/** Requests and responses of the engagement routes (docs/municipal-support.md §2). */

const zNote = multilineText(4000).nullable().optional();
const zCode = z
  .string()
  .regex(/^\d{6}$/)
  .openapi({ example: '142051' });
const notesOf = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, zNote])) as Record<K, typeof zNote>);

export const ZHearingNotes = notesOf(HEARING_ITEMS);
export const ZAnalysisNotes = notesOf(SUPPORT_FIELDS);

const analysis = {
  lifeElement: z.enum(LIFE_ELEMENTS).nullable().optional(),
  request: z.enum(MUNICIPAL_REQUESTS).nullable().optional(),
  assessment: z.enum(ASSESSMENTS).nullable().optional(),
  approach: z.enum(APPROACHES).nullable().optional(),
  municipalAction: z.enum(MUNICIPAL_ACTIONS).nullable().optional(),
  outcome: z.enum(SUPPORT_OUTCOMES).nullable().optional(),
};

const fields = {
  municipalityCode: zCode,
  status: z.enum(ENGAGEMENT_STATUSES).default('held'),
  occurredOn: zDate,
  subject: zText(200),
  place: zOptText(200),
  attendees: zOptText(500),
  divisions: z.array(z.enum(DIVISIONS)).max(DIVISIONS.length).default([]),
  hearing: ZHearingNotes.default({}),
  notes: multilineText(8000).nullable().optional(),
  ...analysis,
  analysisNotes: ZAnalysisNotes.default({}),
};

export const ZCreateEngagementRequest = z.object({ kind: z.enum(ENGAGEMENT_KINDS), ...fields });
export type CreateEngagementRequest = z.infer<typeof ZCreateEngagementRequest>;

export const ZUpdateEngagementRequest = z.object({ version: z.number().int().min(1), ...fields });
export type UpdateEngagementRequest = z.infer<typeof ZUpdateEngagementRequest>;

export const ZGoodExampleRequest = z.object({
  version: z.number().int().min(1),
  goodExample: z.boolean(),
  uses: z.array(z.enum(GOOD_EXAMPLE_USES)).max(GOOD_EXAMPLE_USES.length).default([]),
  note: zOptText(500),
});
export type GoodExampleRequest = z.infer<typeof ZGoodExampleRequest>;

const zName = z.string().nullable();

export const ZEngagementRow = z.object({
  id: z.string(),
  kind: z.enum(ENGAGEMENT_KINDS),
  status: z.enum(ENGAGEMENT_STATUSES),
  occurredOn: z.string(),
  nendo: z.number().int(),
  subject: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  regionName: zName,
  divisions: z.array(z.enum(DIVISIONS)),
  lifeElement: z.enum(LIFE_ELEMENTS).nullable(),
  request: z.enum(MUNICIPAL_REQUESTS).nullable(),
  outcome: z.enum(SUPPORT_OUTCOMES).nullable(),
  goodExample: z.boolean(),
  goodExampleUses: z.array(z.enum(GOOD_EXAMPLE_USES)),
  goodExampleNote: zName,
  recordedByName: z.string(),
  /** True when a member of the municipality's own staff recorded it. */
  recordedByMunicipality: z.boolean(),
});
export type EngagementRow = z.infer<typeof ZEngagementRow>;

export const ZEngagementList = z.object({
  items: z.array(ZEngagementRow),
  total: z.number().int(),
  canRecord: z.boolean(),
});

export const ZEngagement = ZEngagementRow.extend({
  place: zName,
  attendees: zName,
  hearing: z.record(z.string(), z.string()),
  notes: zName,
  assessment: z.enum(ASSESSMENTS).nullable(),
  approach: z.enum(APPROACHES).nullable(),
  municipalAction: z.enum(MUNICIPAL_ACTIONS).nullable(),
  analysisNotes: z.record(z.string(), z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedByName: z.string(),
  version: z.number().int(),
  canEdit: z.boolean(),
});
export type Engagement = z.infer<typeof ZEngagement>;

export const ZListQuery = z.object({
  kind: z.enum(ENGAGEMENT_KINDS).optional(),
  status: z.enum(ENGAGEMENT_STATUSES).optional(),
  municipalityCode: zCode.optional(),
  nendo: z.coerce.number().int().min(2000).max(2100).optional(),
  goodExample: z.enum(['true']).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});
export type ListQuery = z.infer<typeof ZListQuery>;

export const ZMunicipalityParam = z.object({
  municipalityCode: z
    .string()
    .openapi({ param: { name: 'municipalityCode', in: 'path' }, example: '142051' }),
});

export const ZCadenceRequest = z.object({
  /** The cadence's version as read: 0 when the municipality has none of its own yet. */
  version: z.number().int().min(0),
  active: z.boolean(),
  minMonths: z.number().int().min(1).max(24),
  maxMonths: z.number().int().min(1).max(24),
  ownerUserId: z.string().uuid().nullable(),
  note: zOptText(500),
});
export type CadenceRequest = z.infer<typeof ZCadenceRequest>;

export const ZFourDivisionRow = z.object({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  regionName: zName,
  onCycle: z.boolean(),
  state: z.enum(CADENCE_STATES),
  minMonths: z.number().int(),
  maxMonths: z.number().int(),
  lastHeldOn: zName,
  lastDivisions: z.array(z.enum(DIVISIONS)),
  nextPlannedOn: zName,
  dueFrom: zName,
  nextDue: zName,
  daysOverdue: z.number().int(),
  /** Whose it is: the named owner, else the branch covering the region, else the HQ. */
  ownerUserId: zName,
  ownerName: zName,
  branchName: zName,
  note: zName,
  /** The cadence's version: 0 while the municipality follows the default. */
  version: z.number().int(),
});
export type FourDivisionRow = z.infer<typeof ZFourDivisionRow>;

export const ZFourDivisionList = z.object({
  items: z.array(ZFourDivisionRow),
  today: z.string(),
  canEdit: z.boolean(),
});

export const ZFourDivisionQuery = z.object({
  state: z.enum(CADENCE_STATES).optional(),
  onCycle: z.enum(['true']).optional(),
});
export const ZFourDivisionExportQuery = ZFourDivisionQuery.extend({
  lang: z.enum(['ja', 'en']).default('ja'),
});

export const ZCrossTabQuery = z.object({
  nendo: z.coerce.number().int().min(2000).max(2100).optional(),
  row: z.enum(CROSS_TAB_FIELDS).default('lifeElement'),
  col: z.enum(CROSS_TAB_FIELDS).default('outcome'),
  goodExample: z.enum(['true']).optional(),
  lang: z.enum(['ja', 'en']).default('ja'),
});
export type CrossTabQuery = z.infer<typeof ZCrossTabQuery>;

const ZAxisKey = z.object({ key: z.string(), name: zName });
export const ZCrossTab = z.object({
  nendo: z.number().int(),
  row: z.enum(CROSS_TAB_FIELDS),
  col: z.enum(CROSS_TAB_FIELDS),
  rows: z.array(ZAxisKey),
  cols: z.array(ZAxisKey),
  /** counts[i][j]: entries with the i-th row key and the j-th column key. */
  counts: z.array(z.array(z.number().int())),
  rowTotals: z.array(z.number().int()),
  colTotals: z.array(z.number().int()),
  total: z.number().int(),
});
export type CrossTab = z.infer<typeof ZCrossTab>;

export const ZEngagementOptions = z.object({
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  owners: z.array(z.object({ id: z.string(), name: z.string() })),
  canRecord: z.boolean(),
  today: z.string(),
});

export const ZEngagementSummary = z.object({
  lastEngagement: z.object({ date: z.string(), kind: z.enum(ENGAGEMENT_KINDS) }).nullable(),
  nextDue: zName,
  overdue: z.boolean(),
});

export const ZMunicipalityEngagements = z.object({
  municipality: z.object({ code: z.string(), name: z.string() }),
  summary: ZEngagementSummary,
  fourDivision: ZFourDivisionRow,
  counts: z.record(z.enum(ENGAGEMENT_KINDS), z.number().int()),
  nendo: z.number().int(),
  recent: z.array(ZEngagementRow),
  canRecord: z.boolean(),
});
