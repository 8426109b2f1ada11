import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import { MAX_CHOICES, MAX_QUESTIONS } from '../../shared/survey';
import { ACCEPTANCES } from '../../shared/vocab/resources';
import {
  SURVEY_AUDIENCES,
  SURVEY_CHANNELS,
  SURVEY_QUESTION_TYPES,
  SURVEY_STATUSES,
} from '../../shared/vocab/surveys';
import { zVersion } from '../registry/schemas-write';

/** Requests and answers of the survey routes (decision 0027). The rules beyond shape are in shared/survey.ts. */

const zLine = (max: number) => z.string().trim().max(max);

const ZChoice = z.object({
  value: z.string().trim().min(1).max(60),
  label: z.string().trim().min(1).max(200),
});

export const ZSurveyQuestion = z
  .object({
    id: z.string().max(40),
    type: z.enum(SURVEY_QUESTION_TYPES),
    title: z.string().trim().min(1).max(500),
    help: zLine(1000).optional(),
    required: z.boolean(),
    choices: z.array(ZChoice).max(MAX_CHOICES).optional(),
    rows: z.array(ZChoice).max(MAX_CHOICES).optional(),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    showIf: z
      .object({ question: z.string().max(40), anyOf: z.array(z.string().max(60)).min(1).max(50) })
      .optional(),
    /**
     * accepted_care: a matrix whose rows are care items and columns acceptances, applied to the directory;
     * census_children: a number, applied as the municipality's census source's reported figure.
     */
    maps: z.enum(['accepted_care', 'census_children']).optional(),
  })
  .openapi('SurveyQuestion');

export const ZSurveyDefinition = z
  .object({ questions: z.array(ZSurveyQuestion).max(MAX_QUESTIONS) })
  .openapi('SurveyDefinition');

/** Questions read from an XLSForm-style sheet, with the rows that could not be read as asked. */
export const ZSheetAnswer = z.object({
  title: z.string(),
  definition: ZSurveyDefinition,
  issues: z.array(
    z.object({
      path: z.string(),
      message: z.string(),
      code: z.enum(['condition_unsupported', 'no_choice_list', 'type_unsupported']),
      row: z.number().int(),
      detail: z.string(),
    }),
  ),
});

const zClosesAt = z.iso.datetime({ offset: true }).nullable();

export const ZCreateSurveyRequest = z.object({
  title: z.string().trim().min(1).max(200),
  description: multilineText(4000).optional(),
  audience: z.enum(SURVEY_AUDIENCES),
  anonymous: z.boolean(),
  openLink: z.boolean().optional(),
  closesAt: zClosesAt.optional(),
  definition: ZSurveyDefinition,
});

export const ZUpdateSurveyRequest = z.object({
  version: zVersion,
  title: z.string().trim().min(1).max(200).optional(),
  description: multilineText(4000).optional(),
  audience: z.enum(SURVEY_AUDIENCES).optional(),
  anonymous: z.boolean().optional(),
  openLink: z.boolean().optional(),
  closesAt: zClosesAt.optional(),
  definition: ZSurveyDefinition.optional(),
});

export const ZSurveyStatusRequest = z.object({
  version: zVersion,
  status: z.enum(['open', 'closed', 'draft']),
});

export const ZSurveyListQuery = z.object({ status: z.enum([...SURVEY_STATUSES, 'all']).optional() });

export const ZSurveyRow = z.object({
  id: z.string(),
  title: z.string(),
  audience: z.enum(SURVEY_AUDIENCES),
  anonymous: z.boolean(),
  status: z.enum(SURVEY_STATUSES),
  closesAt: z.string().nullable(),
  answers: z.number().int(),
  invited: z.number().int(),
  notAnswered: z.number().int(),
});

export const ZSurveyList = z.object({ items: z.array(ZSurveyRow) });

export const ZSurvey = ZSurveyRow.extend({
  description: z.string(),
  openLink: z.boolean(),
  /** The open link's path (/public/surveys/…); null while drafted or when the open link is off. */
  openPath: z.string().nullable(),
  definition: ZSurveyDefinition,
  publishedAt: z.string().nullable(),
  version: z.number().int(),
  canManage: z.boolean(),
  /** Questions can change only while no answer has arrived. */
  definitionLocked: z.boolean(),
}).openapi('Survey');

export const ZRecipient = z.object({
  name: z.string().trim().min(1).max(200),
  municipalityCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  email: zLine(200).optional(),
  address: zLine(300).optional(),
});

export const ZInviteRequest = z.object({ recipients: z.array(ZRecipient).min(1).max(5000) });

export const ZLinksQuery = z.object({
  format: z.enum(['json', 'xlsx', 'csv']).optional(),
  lang: z.enum(['ja', 'en']).optional(),
  /** The language of the mails (with mail on); Japanese unless asked. */
  mailLang: z.enum(['ja', 'en']).optional(),
});

export const ZIssuedLink = z.object({
  invitationId: z.string(),
  name: z.string(),
  municipalityName: z.string(),
  email: z.string(),
  address: z.string(),
  url: z.string(),
  /** Queued to the recipient's address in the outbox (mail on and an address given). */
  mailed: z.boolean(),
});

export const ZIssuedLinks = z.object({
  links: z.array(ZIssuedLink),
  /** Whether the server sends mail; without it the links go out on screen, by file or letter only. */
  mailOn: z.boolean(),
  /** How many links were queued by mail. */
  mailed: z.number().int(),
});

export const ZInvitationList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      municipalityName: z.string(),
      email: z.string(),
      answered: z.boolean(),
      issuedCount: z.number().int(),
    }),
  ),
  answered: z.number().int(),
  notAnswered: z.number().int(),
});

export const ZResultsQuery = z.object({
  regionId: z.string().uuid().optional(),
  municipalityCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

const ZCount = z.object({ value: z.string(), label: z.string(), count: z.number().int() });

export const ZQuestionResult = z.object({
  id: z.string(),
  type: z.enum(SURVEY_QUESTION_TYPES),
  title: z.string(),
  answered: z.number().int(),
  /** single, multiple: per choice; matrix: per row, then per column. */
  counts: z.array(ZCount),
  /** single, multiple: per region, each choice's count in the order of `counts`. */
  byRegion: z.array(
    z.object({ regionId: z.string().nullable(), name: z.string(), counts: z.array(z.number()) }),
  ),
  matrix: z.array(z.object({ value: z.string(), label: z.string(), counts: z.array(ZCount) })),
  number: z.object({ min: z.number(), max: z.number(), mean: z.number(), median: z.number() }).nullable(),
  /** text, long_text: the newest answers (at most 200), each with its municipality. */
  texts: z.array(z.object({ text: z.string(), municipalityName: z.string() })),
});

export const ZSurveyResults = z.object({
  total: z.number().int(),
  byRegion: z.array(z.object({ regionId: z.string().nullable(), name: z.string(), count: z.number().int() })),
  byMunicipality: z.array(
    z.object({
      code: z.string().nullable(),
      name: z.string(),
      regionName: z.string(),
      count: z.number().int(),
    }),
  ),
  byChannel: z.array(z.object({ channel: z.enum(SURVEY_CHANNELS), count: z.number().int() })),
  questions: z.array(ZQuestionResult),
});

/** One page of a survey's answers, one by one (answers-list.ts), within the results' filter. */
export const ZAnswersQuery = ZResultsQuery.extend({
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(50).default(1),
});

export const ZAnswerPage = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  items: z.array(
    z.object({
      /** Its place in the order shown (by day; a named survey's answers then by time). */
      number: z.number().int(),
      submittedOn: z.string(),
      /** Named surveys only; an anonymous survey keeps no time. */
      submittedAt: z.string().nullable(),
      channel: z.enum(SURVEY_CHANNELS),
      regionName: z.string().nullable(),
      municipalityName: z.string().nullable(),
      /** The personal link's label (the recipient's name) on a named survey; never on an anonymous one. */
      respondent: z.string().nullable(),
      answers: z.record(
        z.string(),
        z.union([z.string(), z.array(z.string()), z.number(), z.record(z.string(), z.string())]),
      ),
    }),
  ),
});

export const ZExportQuery = z.object({
  /** .xlsx unless csv is asked (optional, so that a request without a session answers 401 first). */
  format: z.enum(['xlsx', 'csv']).optional(),
  lang: z.enum(['ja', 'en']).optional(),
});

// Public answering.

export const ZTokenParam = z.object({ token: z.string().min(16).max(64) });

export const ZPublicSurvey = z.object({
  title: z.string(),
  description: z.string(),
  anonymous: z.boolean(),
  audience: z.enum(SURVEY_AUDIENCES),
  closesAt: z.string().nullable(),
  /** open: answer now; closed: past its closing; used: this personal link has answered. */
  state: z.enum(['open', 'closed', 'used']),
  personal: z.boolean(),
  /** The open link asks where the answerer lives; a personal link knows it already. */
  asksMunicipality: z.boolean(),
  prefectureCode: z.string(),
  definition: ZSurveyDefinition,
});

export const ZSubmitAnswerRequest = z.object({
  answers: z.record(
    z.string().max(40),
    z.union([
      multilineText(4000),
      z.array(z.string().max(60)).max(MAX_CHOICES),
      z.number().finite(),
      z.record(z.string().max(60), z.string().max(60)),
    ]),
  ),
  municipalityCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

export const ZSubmitAnswerResponse = z.object({ received: z.literal(true) });

/** Personal links for the directory's active listings (a provider survey; NA-4), filtered. */
export const ZDirectoryInviteRequest = z.object({
  municipalityCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  type: z.string().max(60).optional(),
  serviceIds: z.array(z.string().uuid()).min(1).max(5000).optional(),
});

const ZAcceptance = z.enum(ACCEPTANCES);

export const ZCareProposal = z.object({
  answerId: z.string(),
  respondent: z.string(),
  submittedAt: z.string().nullable(),
  service: z.object({
    id: z.string(),
    name: z.string(),
    municipalityName: z.string(),
    version: z.number().int(),
  }),
  /** What the answer would change on the listing now. */
  changes: z.array(z.object({ code: z.string(), from: ZAcceptance.nullable(), to: ZAcceptance })),
  /** What the answer leaves as it is. */
  unchanged: z.array(z.object({ code: z.string(), acceptance: ZAcceptance })),
  /** What was applied from this answer, by whom is in the listing's audit. */
  applied: z.array(z.object({ code: z.string(), acceptance: ZAcceptance, appliedAt: z.string() })),
  canApply: z.boolean(),
});

export const ZCareProposals = z
  .object({
    /** The survey's accepted-care question; null when it has none (or is anonymous). */
    question: z.object({ id: z.string(), title: z.string() }).nullable(),
    items: z.array(ZCareProposal),
  })
  .openapi('SurveyCareProposals');

export const ZApplyCareRequest = z.object({
  /** The listing's version as read (409 when it moved). */
  serviceVersion: z.number().int(),
  /** The care items to apply (one, some or all of the proposed changes). */
  codes: z.array(z.string().max(60)).min(1).max(60),
});

export const ZAnswerIdParam = z.object({ id: z.string(), answerId: z.string() });
