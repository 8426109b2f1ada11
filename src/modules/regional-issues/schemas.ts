import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import { CARE_ITEM_CODES } from '../../shared/vocab/care-items';
import { ENGAGEMENT_KINDS } from '../../shared/vocab/engagements';
import {
  ISSUE_EVENT_KINDS,
  ISSUE_LEVELS,
  ISSUE_OUTCOMES,
  ISSUE_SOURCE_KINDS,
  ISSUE_STATUSES,
  PROJECT_STAGES,
  PROJECT_STATUSES,
} from '../../shared/vocab/regional-issues';
import { zDate, zVersion } from '../registry/schemas-write';

/** Requests and answers of the regional issue routes (routes-issues.ts; decision 0023). */

const zUuid = z.string().uuid();
const zLine = (max: number) => z.string().trim().max(max);
const zCode = z.string().regex(/^\d{6}$/);

export const ZIssueListQuery = z.object({
  status: z.enum([...ISSUE_STATUSES, 'all']).optional(),
  level: z.enum(ISSUE_LEVELS).optional(),
  regionId: zUuid.optional(),
  municipalityCode: zCode.optional(),
  mine: z.enum(['true', 'false']).optional(),
  q: zLine(100).optional(),
  /** The issues raised from one record of another module (its page lists them); any state unless `status` says. */
  sourceKind: z.enum(ISSUE_SOURCE_KINDS).optional(),
  sourceId: zUuid.optional(),
});

const ZRef = z.object({ id: z.string(), name: z.string() });
const ZMunicipality = z.object({ code: z.string(), name: z.string() });

export const ZIssueRow = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  level: z.enum(ISSUE_LEVELS),
  status: z.enum(ISSUE_STATUSES),
  outcome: z.enum(ISSUE_OUTCOMES).nullable(),
  region: ZRef,
  municipality: ZMunicipality.nullable(),
  careItem: z.string().nullable(),
  raisedOn: z.string(),
  ageDays: z.number().int(),
  owner: ZRef.nullable(),
  nextStep: z.string().nullable(),
  nextStepOn: z.string().nullable(),
  consultationCount: z.number().int(),
});

export const ZIssueList = z.object({ items: z.array(ZIssueRow), total: z.number().int() });

const ZIssueEvent = z.object({
  id: z.string(),
  at: z.string(),
  by: z.string(),
  byRole: z.string(),
  kind: z.enum(ISSUE_EVENT_KINDS),
  fromLevel: z.enum(ISSUE_LEVELS).nullable(),
  toLevel: z.enum(ISSUE_LEVELS).nullable(),
  note: z.string().nullable(),
});

const ZEvidenceConsultation = z.object({
  id: z.string(),
  number: z.string(),
  subject: z.string(),
  openedOn: z.string(),
  municipalityName: z.string(),
  closed: z.boolean(),
});

export const ZGapFigures = z.object({
  regionName: z.string(),
  careItem: z.string(),
  demand: z.number().int(),
  services: z.number().int(),
  vacancy: z.number().int(),
  shortfall: z.number().int(),
  demandPerService: z.number(),
});

export const ZIssueEvidence = z.object({
  /** The linked consultations the reader may see (the consultations module's scope). */
  consultations: z.array(ZEvidenceConsultation),
  /** Linked consultations the reader may not see: counted, never named. */
  hidden: z.number().int(),
  total: z.number().int(),
  /** Distinct askers among all linked consultations (a registered child, an organisation, or an asker's contact). */
  distinctAskers: z.number().int(),
  /** Supply and demand of the issue's care item in its region, within the reader's scope; null without a care item. */
  gap: ZGapFigures.nullable(),
});

export const ZIssue = ZIssueRow.extend({
  description: z.string(),
  source: z
    .object({
      kind: z.enum(ISSUE_SOURCE_KINDS),
      id: z.string(),
      /** True when the reader may open the source here; null when the source's own page decides (hearings, meetings). */
      visible: z.boolean().nullable(),
      label: z.string().nullable(),
      /** An engagement's kind and day (source kind `hearing`), when the reader may see it. */
      engagementKind: z.enum(ENGAGEMENT_KINDS).optional(),
      on: z.string().optional(),
    })
    .nullable(),
  councilOn: z.string().nullable(),
  proposalText: z.string().nullable(),
  proposedOn: z.string().nullable(),
  answerText: z.string().nullable(),
  answeredOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  raisedBy: z.string(),
  version: z.number().int(),
  evidence: ZIssueEvidence,
  history: z.array(ZIssueEvent),
  projects: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      stage: z.enum(PROJECT_STAGES),
      status: z.enum(PROJECT_STATUSES),
    }),
  ),
  allowed: z.object({
    edit: z.boolean(),
    link: z.boolean(),
    carryUp: z.boolean(),
    sendBack: z.boolean(),
    answer: z.boolean(),
    close: z.boolean(),
    reopen: z.boolean(),
    startProject: z.boolean(),
  }),
});

export const ZIssueOptions = z.object({
  canRaise: z.boolean(),
  canManage: z.boolean(),
  prefectureSteps: z.boolean(),
  regions: z.array(ZRef),
  municipalities: z.array(ZMunicipality.extend({ regionId: z.string() })),
  owners: z.array(ZRef),
});

export const ZCreateIssueRequest = z
  .object({
    title: zLine(120).min(1),
    description: multilineText(4000, 1),
    regionId: zUuid.optional(),
    municipalityCode: zCode.nullable().optional(),
    careItem: z.enum(CARE_ITEM_CODES).nullable().optional(),
    source: z
      .object({ kind: z.enum(ISSUE_SOURCE_KINDS), id: zUuid })
      .strict()
      .nullable()
      .optional(),
    consultationIds: z.array(zUuid).max(50).optional(),
    ownerUserId: zUuid.nullable().optional(),
    nextStep: zLine(200).nullable().optional(),
    nextStepOn: zDate.nullable().optional(),
  })
  .strict();

export const ZUpdateIssueRequest = z
  .object({
    version: zVersion,
    title: zLine(120).min(1).optional(),
    description: multilineText(4000, 1).optional(),
    careItem: z.enum(CARE_ITEM_CODES).nullable().optional(),
    ownerUserId: zUuid.nullable().optional(),
    nextStep: zLine(200).nullable().optional(),
    nextStepOn: zDate.nullable().optional(),
  })
  .strict();

/** One step up or back. Going to the proposal needs its text; going back needs a reason. */
export const ZMoveIssueRequest = z
  .object({
    version: zVersion,
    move: z.enum(['carry_up', 'send_back']),
    on: zDate.optional(),
    text: multilineText(4000).optional(),
  })
  .strict();

export const ZAnswerIssueRequest = z
  .object({ version: zVersion, answerText: multilineText(4000, 1), answeredOn: zDate })
  .strict();

export const ZCloseIssueRequest = z
  .object({ version: zVersion, outcome: z.enum(ISSUE_OUTCOMES), note: multilineText(2000).optional() })
  .strict();

export const ZReopenIssueRequest = z.object({ version: zVersion, note: multilineText(2000, 1) }).strict();

export const ZLinkConsultationRequest = z.object({ consultationId: zUuid }).strict();

export const ZConsultationParam = z.object({ id: z.string(), consultationId: z.string() });

export const ZCandidateQuery = z.object({ q: zLine(100).optional() });

export const ZCandidates = z.object({ items: z.array(ZEvidenceConsultation) });
