/**
 * Response schemas of the board routes (caseload, figures, the hub) and of GET /teams (routes-teams.ts).
 * Exact: they are the presenters; schemas-board.db.test.ts checks that the answers carry these fields only.
 */
import { z } from '@hono/zod-openapi';
import { ASKER_KINDS, OUTCOMES, TIERS, TOPICS } from '../../shared/vocab/consultations';

const ZTeamView = z.object({
  id: z.string(),
  tier: z.enum(TIERS),
  kind: z.enum(['tier', 'supervise']),
  name: z.string(),
});

/** GET /teams: the actor's teams and where a case can be sent. */
export const ZTeamsResponse = z
  .object({
    mine: z.array(ZTeamView),
    municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
    regions: z.array(z.object({ id: z.string(), name: z.string() })),
    branches: z.array(z.object({ id: z.string(), name: z.string() })),
    superviseTeams: z.array(z.object({ id: z.string(), name: z.string(), tier: z.enum(TIERS) })),
  })
  .openapi('ConsultationTeams');

const ZLoadCounts = {
  open: z.number().int(),
  overdue: z.number().int(),
  newThisMonth: z.number().int(),
  /** Distinct registered children of the open cases (MI-8: a caseload is children carried as well as cases). */
  children: z.number().int(),
};

/** The concentration rule with its version and its explanation in both languages. */
export const ZConcentrationRule = z.object({
  topShare: z.number(),
  maxShare: z.number(),
  minCases: z.number().int(),
  /** A public request nobody has touched for this many working days is escalated (docs/consultations.md §2). */
  escalateAfterWorkingDays: z.number().int(),
  version: z.number().int(),
  explanation: z.object({ ja: z.string(), en: z.string() }),
});

/** PUT /caseload/rule answers the rule as stored (without the explanation). */
export const ZStoredRule = ZConcentrationRule.omit({ explanation: true });

/** GET /caseload: per person, per team, per region with the MI-8 concentration measure. */
export const ZCaseloadResponse = z
  .object({
    today: z.string(),
    people: z.array(
      z.object({
        userId: z.string().nullable(),
        name: z.string().nullable(),
        ...ZLoadCounts,
        /** Children the person is key coordinator of (NA-2), among the children the reader may see. */
        keyChildren: z.number().int(),
      }),
    ),
    teams: z.array(z.object({ teamId: z.string(), name: z.string(), tier: z.enum(TIERS), ...ZLoadCounts })),
    regions: z.array(
      z.object({
        regionId: z.string(),
        name: z.string(),
        people: z.number().int(),
        openCases: z.number().int(),
        topCount: z.number().int(),
        topPersonIds: z.array(z.string()),
        topCases: z.number().int(),
        share: z.number(),
        warn: z.boolean(),
        skipped: z.enum(['too_few_cases', 'too_few_people']).nullable(),
      }),
    ),
    rule: ZConcentrationRule,
  })
  .openapi('ConsultationCaseload');

const ZCount = z.object({ key: z.string(), count: z.number().int() });

/** GET /figures: counts of one 年度, hand-off times and the municipal first-contact share year on year. */
export const ZFiguresResponse = z
  .object({
    nendo: z.number().int(),
    label: z.string(),
    range: z.object({ start: z.string(), end: z.string() }),
    total: z.number().int(),
    /** Public requests of the 年度, those the form sent to a region or the centre, and those escalated unanswered. */
    firstContact: z.object({
      publicRequests: z.number().int(),
      routedToRegion: z.number().int(),
      routedToCentre: z.number().int(),
      escalated: z.number().int(),
    }),
    byFirstTier: z.array(ZCount),
    byResolvedTier: z.array(ZCount),
    byAskerKind: z.array(ZCount),
    byTopic: z.array(ZCount),
    byMunicipality: z.array(ZCount.extend({ name: z.string().nullable() })),
    byMonth: z.array(ZCount),
    handoffHours: z.object({
      count: z.number().int(),
      median: z.number().nullable(),
      p90: z.number().nullable(),
    }),
    municipalFirstContactShare: z.array(
      z.object({
        nendo: z.number().int(),
        label: z.string(),
        total: z.number().int(),
        municipal: z.number().int(),
        share: z.number().nullable(),
      }),
    ),
  })
  .openapi('ConsultationFigures');

/** GET /{id}/similar: similar past consultations and who resolved them (the child's name only when visible). */
export const ZSimilarResponse = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        score: z.number(),
        similarity: z.number(),
        topics: z.array(z.enum(TOPICS)),
        narrative: z.string(),
        municipalityCode: z.string(),
        municipalityName: z.string().nullable(),
        askerKind: z.enum(ASKER_KINDS),
        openedOn: z.string(),
        closedOn: z.string().nullable(),
        outcome: z.enum(OUTCOMES).nullable(),
        resolvedTier: z.enum(TIERS).nullable(),
        resolvedTeamId: z.string().nullable(),
        resolvedTeamName: z.string().nullable(),
        resolvedByUserId: z.string().nullable(),
        resolvedByName: z.string().nullable(),
        childKind: z.enum(['registered', 'unregistered', 'anonymous']),
        childVisible: z.boolean(),
        childName: z.string().nullable(),
      }),
    ),
  })
  .openapi('ConsultationSimilar');
