import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import {
  APPLICATION_STATUSES,
  COURSE_KINDS,
  PROFESSION_GROUPS,
  PROFESSIONS,
  SESSION_STATUSES,
} from '../../shared/vocab/learning';
import { SELECTION_REASONS } from '../../shared/vocab/learning-selection';

const zVersion = z.number().int().min(1).openapi({ example: 1 });
const zTime = z.string().openapi({ format: 'date-time' });

/**
 * The pre-survey of a follow-up course (MI-5: follow-up training grouped by region, shaped by a pre-survey):
 * the applicant's activity as a coordinator since the course, and what they want from this one.
 */
export const ZPreSurvey = z
  .object({
    activeAsCoordinator: z.boolean(),
    casesLastYear: z.number().int().min(0).max(10_000),
    topics: multilineText(2000),
    challenges: multilineText(2000),
  })
  .openapi('TrainingPreSurvey');
export type PreSurvey = z.infer<typeof ZPreSurvey>;

export const ZApplyRequest = z
  .object({
    profession: z.enum(PROFESSIONS),
    /** The municipality the applicant works in (6 digits); its region is what selection balances on. */
    municipalityCode: z
      .string()
      .regex(/^\d{6}$/)
      .nullable(),
    workplace: z.string().trim().max(200),
    preSurvey: ZPreSurvey.nullable().optional(),
  })
  .openapi('ApplyTrainingRequest');

/** The apply form's context: the session as a learner sees it, the profile's defaults, an existing application. */
export const ZApplyContext = z
  .object({
    session: z.object({
      id: z.string(),
      title: z.string(),
      courseTitle: z.string(),
      courseKind: z.enum(COURSE_KINDS),
      status: z.enum(SESSION_STATUSES),
      place: z.string(),
      capacity: z.number().int().nullable(),
      applicationsOpenAt: zTime.nullable(),
      applicationsCloseAt: zTime.nullable(),
      firstDay: z.string().nullable(),
      acceptsApplications: z.boolean(),
      needsPreSurvey: z.boolean(),
    }),
    defaults: z.object({
      profession: z.enum(PROFESSIONS).nullable(),
      municipalityCode: z.string().nullable(),
      workplace: z.string(),
    }),
    municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
    applicationId: z.string().nullable(),
  })
  .openapi('TrainingApplyContext');

/** An application as its learner sees it: the result only once it is announced. */
export const ZMyApplication = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    sessionTitle: z.string(),
    courseTitle: z.string(),
    firstDay: z.string().nullable(),
    status: z.enum(APPLICATION_STATUSES),
    waitRank: z.number().int().nullable(),
    reason: z.enum(SELECTION_REASONS).nullable(),
    appliedAt: zTime,
    version: z.number().int(),
  })
  .openapi('MyTrainingApplication');
export const ZMyApplications = z.object({ items: z.array(ZMyApplication) }).openapi('MyTrainingApplications');

export const ZVersionBody = z.object({ version: zVersion }).openapi('VersionBody');

export const ZRunSelectionRequest = z
  .object({
    /** The selection's version as the screen read it (0 before the first run). */
    selectionVersion: z.number().int().min(0),
    /** A seed of the staff's choosing (e.g. drawn in public); a random one when absent. */
    seed: z
      .string()
      .regex(/^[0-9a-f]{16}$/)
      .optional()
      .openapi({ description: '16 hexadecimal digits' }),
  })
  .openapi('RunSelectionRequest');

export const ZOverrideRequest = z
  .object({
    outcome: z.enum(['selected', 'not_selected']),
    reason: multilineText(500, 1),
    version: zVersion,
  })
  .openapi('OverrideSeatRequest');

export const ZStaffCancelRequest = z
  .object({ reason: multilineText(500, 1), version: zVersion })
  .openapi('CancelApplicationRequest');

export const ZApplicant = z
  .object({
    id: z.string(),
    learnerName: z.string(),
    email: z.string(),
    profession: z.enum(PROFESSIONS),
    professionGroup: z.enum(PROFESSION_GROUPS),
    regionId: z.string().nullable(),
    regionName: z.string().nullable(),
    municipalityName: z.string().nullable(),
    workplace: z.string(),
    preSurvey: ZPreSurvey.nullable(),
    status: z.enum(APPLICATION_STATUSES),
    waitRank: z.number().int().nullable(),
    reason: z.enum(SELECTION_REASONS).nullable(),
    overrideReason: z.string().nullable(),
    decidedByName: z.string().nullable(),
    decidedAt: zTime.nullable(),
    /** Place in the seeded order of the last run; null when the applicant did not take part in it. */
    lotteryRank: z.number().int().nullable(),
    appliedAt: zTime,
    version: z.number().int(),
  })
  .openapi('TrainingApplicant');

export const ZSelectionRegion = z.object({
  regionId: z.string().nullable(),
  regionName: z.string().nullable(),
  applicants: z.number().int(),
  medical: z.number().int(),
  welfare: z.number().int(),
  guaranteeEligible: z.boolean(),
  regionRank: z.number().int(),
  guaranteed: z.number().int(),
  quota: z.number(),
  proportional: z.number().int(),
  selected: z.number().int(),
});

export const ZApplicantsResponse = z
  .object({
    session: z.object({
      id: z.string(),
      title: z.string(),
      courseTitle: z.string(),
      status: z.enum(SESSION_STATUSES),
      capacity: z.number().int().nullable(),
      applicationsCloseAt: zTime.nullable(),
    }),
    items: z.array(ZApplicant),
    counts: z.object({
      applied: z.number().int(),
      selected: z.number().int(),
      waiting: z.number().int(),
      notSelected: z.number().int(),
      cancelled: z.number().int(),
    }),
    selection: z
      .object({
        seed: z.string(),
        ranAt: zTime,
        ranByName: z.string(),
        announcedAt: zTime.nullable(),
        seats: z.number().int(),
        guaranteeSeatsNeeded: z.number().int(),
        guaranteeSeatsGiven: z.number().int(),
        proportionalSeats: z.number().int(),
        emptySeats: z.number().int(),
        regions: z.array(ZSelectionRegion),
        /** Re-running the rule on the stored applicants and seed gives the stored result. */
        reproducible: z.boolean(),
        version: z.number().int(),
      })
      .nullable(),
    /** What the caller may do here (the screen shows the buttons accordingly). */
    can: z.object({ run: z.boolean(), announce: z.boolean(), override: z.boolean() }),
  })
  .openapi('TrainingApplicants');
