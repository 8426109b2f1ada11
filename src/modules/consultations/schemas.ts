import { z } from '@hono/zod-openapi';
import { ZSystemText } from '../../server/system-text';
import { multilineText } from '../../server/text-fields';
import {
  ACTION_KINDS,
  ASKER_KINDS,
  CHANNELS,
  MUNICIPAL_DIVISIONS,
  OUTCOMES,
  RECORDED_ACTION_KINDS,
  TIERS,
  TOPICS,
  URGENCIES,
} from '../../shared/vocab/consultations';
import { zDate, zOptText, zVersion } from '../registry/schemas-write';
import { CONSULTATION_ACTIONS } from './policy';

const zUuid = z.string().uuid();
/** A one-line subject (件名): what the case is about, as a queue shows it. */
const zSubject = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\n\r]*$/, '件名は1行で入力してください / The subject is one line')
  .openapi({ example: '退院後の訪問看護の探し方' });
/** What is to be done next (次の対応), in a line. */
const zNextAction = z
  .string()
  .trim()
  .max(200)
  .regex(/^[^\n\r]*$/)
  .nullable()
  .optional();
const zTopics = z.array(z.enum(TOPICS)).min(1).max(TOPICS.length);

/** A team named by what it stands for (created on first use) or by id (supervise teams). */
export const ZTeamRef = z.union([
  z.object({ teamId: zUuid }),
  z.object({ tier: z.literal('municipality'), municipalityCode: z.string().length(6) }),
  z.object({ tier: z.literal('region'), regionId: zUuid }),
  z.object({ tier: z.literal('region'), centreId: zUuid }),
  z.object({ tier: z.literal('centre') }),
]);
export type TeamRefInput = z.infer<typeof ZTeamRef>;

/** The child: a registry record, a not-yet-registered child described in words, or anonymous. */
const ZChildInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('registered'), childId: zUuid }),
  z.object({ kind: z.literal('unregistered'), description: multilineText(1000, 1) }),
  z.object({ kind: z.literal('anonymous') }),
]);

export const ZCreateConsultationRequest = z
  .object({
    municipalityCode: z.string().length(6).openapi({ example: '432016' }),
    askerKind: z.enum(ASKER_KINDS),
    askerDivision: z.enum(MUNICIPAL_DIVISIONS).nullable().optional(),
    askerContact: zOptText(500),
    /** The organisation of the network that asked (hospital, provider, school, nursery, other). */
    askerOrganisationId: zUuid.nullable().optional(),
    channel: z.enum(CHANNELS),
    child: ZChildInput,
    topics: zTopics,
    urgency: z.enum(URGENCIES),
    subject: zSubject,
    narrative: multilineText(8000, 1),
    nextAction: zNextAction,
    openedAt: z.iso.datetime({ offset: true }).optional(),
    nextActionOn: zDate.nullable().optional(),
    /** Default: the actor's own team (the first one, when it has several). */
    teamId: zUuid.optional(),
    assignedUserId: zUuid.nullable().optional(),
  })
  .strict();
export type CreateConsultation = z.infer<typeof ZCreateConsultationRequest>;

export const ZUpdateConsultationRequest = z
  .object({
    version: zVersion,
    askerKind: z.enum(ASKER_KINDS).optional(),
    askerDivision: z.enum(MUNICIPAL_DIVISIONS).nullable().optional(),
    askerContact: zOptText(500),
    askerOrganisationId: zUuid.nullable().optional(),
    channel: z.enum(CHANNELS).optional(),
    topics: zTopics.optional(),
    urgency: z.enum(URGENCIES).optional(),
    subject: zSubject.optional(),
    narrative: multilineText(8000, 1).optional(),
    nextAction: zNextAction,
    nextActionOn: zDate.nullable().optional(),
    assignedUserId: zUuid.nullable().optional(),
  })
  .strict();
export type UpdateConsultation = z.infer<typeof ZUpdateConsultationRequest>;

export const ZAddActionRequest = z
  .object({
    kind: z.enum(RECORDED_ACTION_KINDS),
    at: z.iso.datetime({ offset: true }).optional(),
    minutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .nullable()
      .optional(),
    note: multilineText(4000).nullable().optional(),
    resourceId: zUuid.nullable().optional(),
    resourceText: zOptText(500),
    /** Required for a referral: when to check that the family reached the resource. */
    followUpOn: zDate.nullable().optional(),
    /** This action is the follow-up of an earlier referral (its follow-up is then done). */
    followUpOf: zUuid.optional(),
    nextActionOn: zDate.nullable().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'referral' && !v.followUpOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['followUpOn'],
        message: '紹介にはフォローアップ日が必要です / A referral needs a follow-up date',
        params: { ja: '紹介にはフォローアップ日が必要です。', en: 'A referral needs a follow-up date.' },
      });
    }
    if (v.kind === 'referral' && !v.resourceId && !v.resourceText) {
      ctx.addIssue({
        code: 'custom',
        path: ['resourceText'],
        message: '紹介先を入力してください / Name the resource referred to',
      });
    }
  });
export type AddAction = z.infer<typeof ZAddActionRequest>;

export const ZHandoffRequest = z
  .object({
    kind: z.enum(['handoff', 'backup', 'supervise']),
    to: ZTeamRef,
    reason: multilineText(2000).nullable().optional(),
    keepAsBackup: z.boolean().optional(),
  })
  .strict();
export type HandoffRequest = z.infer<typeof ZHandoffRequest>;

export const ZHandoffDecisionRequest = z
  .object({ reason: multilineText(2000).nullable().optional() })
  .strict();

export const ZCloseRequest = z
  .object({ version: zVersion, outcome: z.enum(OUTCOMES), note: multilineText(4000).nullable().optional() })
  .strict();

export const ZHandoffParams = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' } }),
  handoffId: z.string().openapi({ param: { name: 'handoffId', in: 'path' } }),
  decision: z.enum(['accept', 'decline', 'withdraw']).openapi({ param: { name: 'decision', in: 'path' } }),
});

export const LIST_VIEWS = ['all', 'mine', 'team', 'overdue', 'handoffs-inbox'] as const;

/**
 * The columns a list may be sorted by (an allow-list: each maps to an SQL expression in queries.ts). The
 * default is urgency (至急 first), then the due date, soonest first.
 */
export const CONSULTATION_SORTS = [
  'urgency',
  'due',
  'caseNumber',
  'opened',
  'child',
  'subject',
  'assignee',
  'municipality',
  'team',
] as const;
export type ConsultationSort = (typeof CONSULTATION_SORTS)[number];

export const ZListConsultationsQuery = z.object({
  view: z.enum(LIST_VIEWS).default('all'),
  /** A case number as typed (R8-0123, 令和8-123, 0123 …): only that case (or that serial in any 年度). */
  caseNumber: z.string().trim().max(30).optional(),
  /** Who carries the case: 'me', 'none' (unassigned) or a user's id. */
  assignee: z.union([z.enum(['me', 'none']), zUuid]).optional(),
  /** The consultations of one registered child, only those whose child the reader may see (scope and consent). */
  childId: zUuid.optional(),
  sort: z.enum(CONSULTATION_SORTS).default('urgency'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  status: z.enum(['open', 'closed', 'any']).default('open'),
  topic: z.enum(TOPICS).optional(),
  urgency: z.enum(URGENCIES).optional(),
  municipality: z.string().length(6).optional(),
  askerKind: z.enum(ASKER_KINDS).optional(),
  nendo: z.coerce.number().int().min(2000).max(2100).optional(),
  teamId: zUuid.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListConsultationsQuery = z.infer<typeof ZListConsultationsQuery>;

const ZTeam = z.object({
  id: z.string(),
  tier: z.enum(TIERS),
  kind: z.enum(['tier', 'supervise']),
  name: z.string(),
});

const ZChildView = z.object({
  kind: z.enum(['registered', 'unregistered', 'anonymous']),
  /** Shown only when the actor may see the child (registry scope and consent); otherwise null. */
  childId: z.string().nullable(),
  name: z.string().nullable(),
  kana: z.string().nullable(),
  birthDate: z.string().nullable(),
  description: z.string().nullable(),
  detailsHidden: z.boolean(),
});

export const ZConsultationSummary = z.object({
  id: z.string(),
  /** R8-0123: the 年度 of the opening day and its serial in the prefecture. */
  caseNumber: z.string(),
  subject: z.string(),
  /** The child as the reader may see it: a name only within the registry scope and the guardian's consent. */
  childName: z.string().nullable(),
  childDetailsHidden: z.boolean(),
  nextAction: z.string().nullable(),
  assignedUserName: z.string().nullable(),
  municipalityCode: z.string(),
  municipalityName: z.string().nullable(),
  ownerTeam: ZTeam,
  firstTier: z.enum(TIERS),
  askerKind: z.enum(ASKER_KINDS),
  channel: z.enum(CHANNELS),
  childKind: z.enum(['registered', 'unregistered', 'anonymous']),
  topics: z.array(z.enum(TOPICS)),
  urgency: z.enum(URGENCIES),
  openedAt: z.string(),
  nextActionOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  assignedUserId: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  source: z.enum(['staff', 'public_form']),
  version: z.number().int(),
});
export type ConsultationSummary = z.infer<typeof ZConsultationSummary>;

export const ZListConsultationsResponse = z.object({
  items: z.array(ZConsultationSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const ZAction = z.object({
  id: z.string(),
  kind: z.enum(ACTION_KINDS),
  at: z.string(),
  minutes: z.number().int().nullable(),
  note: z.string().nullable(),
  byUserId: z.string().nullable(),
  byName: z.string().nullable(),
  teamId: z.string().nullable(),
  resourceId: z.string().nullable(),
  resourceText: z.string().nullable(),
  /** The directory listing's current name, when the viewer may read it (then the page links to it). */
  resourceName: z.string().nullable(),
  followUpOn: z.string().nullable(),
  followUpDoneAt: z.string().nullable(),
  followUpOverdue: z.boolean(),
});

const ZHandoff = z.object({
  id: z.string(),
  kind: z.enum(['handoff', 'backup', 'supervise']),
  fromTeam: ZTeam,
  toTeam: ZTeam,
  status: z.enum(['requested', 'accepted', 'declined', 'withdrawn']),
  reason: z.string().nullable(),
  /** A reason the system gave (the back-up kept after a hand-off), rendered in the reader's language. */
  systemReason: ZSystemText.nullable(),
  keepAsBackup: z.boolean(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  /** What the actor may do with this request. */
  actions: z.array(z.enum(['accept', 'decline', 'withdraw'])),
});

export const ZConsultationDetail = ZConsultationSummary.extend({
  askerDivision: z.enum(MUNICIPAL_DIVISIONS).nullable(),
  askerContact: z.string().nullable(),
  askerOrganisation: z.object({ id: z.string(), name: z.string() }).nullable(),
  child: ZChildView,
  narrative: z.string(),
  firstTeam: ZTeam,
  resolvedTier: z.enum(TIERS).nullable(),
  closingNote: z.string().nullable(),
  receiptNo: z.string().nullable(),
  /** Why a public request is not with its municipality's team (routed at the form, or escalated unanswered). */
  routingReason: ZSystemText.nullable(),
  /** When an unanswered public request was last escalated (null: never). */
  escalatedAt: z.string().nullable(),
  timeline: z.array(ZAction),
  handoffs: z.array(ZHandoff),
  /** Teams the case is shared with now (accepted back-up / supervise). */
  shares: z.array(ZTeam),
  allowedActions: z.array(z.enum(CONSULTATION_ACTIONS)),
  /** Whether the page offers a reply by mail: mail on and an address left on the public form (reply.ts). */
  replyByMail: z.boolean(),
  /** Members of the owning team the case can be assigned to (empty unless the actor may change the case). */
  assignees: z.array(z.object({ id: z.string(), name: z.string() })),
  /** How the actor names a referral's resource: a search of the directory, or free text (no directory access). */
  referralPicker: z.enum(['directory', 'free_text']),
});
export type ConsultationDetail = z.infer<typeof ZConsultationDetail>;
