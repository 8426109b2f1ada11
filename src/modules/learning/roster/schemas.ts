import { z } from '@hono/zod-openapi';
import { isIsoDate } from '../../../shared/dates';
import { COURSE_KINDS, PROFESSION_GROUPS, PROFESSIONS } from '../../../shared/vocab/learning';
import { COORDINATOR_ACTIVITY, SUPERVISE_EXPERTISE } from '../../../shared/vocab/learning-roster';

export const ZLang = z.enum(['ja', 'en']).default('ja');
const ZDate = z.string().refine(isIsoDate, { message: '日付は YYYY-MM-DD で / A date as YYYY-MM-DD' });
const ZExpertise = z.enum(SUPERVISE_EXPERTISE);

export const ZRosterRow = z
  .object({
    learnerUserId: z.string().uuid(),
    name: z.string(),
    firstCompletedOn: z.string(),
    nendo: z.number().int(),
    completions: z.number().int(),
    profession: z.enum(PROFESSIONS).nullable(),
    professionGroup: z.enum(PROFESSION_GROUPS).nullable(),
    workplace: z.string().nullable(),
    municipalityCode: z.string().nullable(),
    municipalityName: z.string().nullable(),
    regionId: z.string().nullable(),
    regionName: z.string().nullable(),
    activity: z.enum(COORDINATOR_ACTIVITY),
    confirmedOn: z.string().nullable(),
    note: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('CoordinatorRosterRow');

const ZRosterCount = z.object({
  key: z.string(),
  name: z.string().nullable(),
  trained: z.number().int(),
  active: z.number().int(),
});

export const ZRoster = z
  .object({
    canEdit: z.boolean(),
    rows: z.array(ZRosterRow),
    byMunicipality: z.array(ZRosterCount),
    byRegion: z.array(ZRosterCount),
    totals: z.object({
      trained: z.number().int(),
      active: z.number().int(),
      inactive: z.number().int(),
      unconfirmed: z.number().int(),
    }),
  })
  .openapi('CoordinatorRoster');

export const ZRosterStatusRequest = z
  .object({
    version: z.number().int().min(0),
    active: z.boolean(),
    confirmedOn: ZDate,
    note: z.string().max(500).nullish(),
  })
  .strict();

export const ZLearnerParam = z.object({ learnerUserId: z.string() });

export const ZPoolMember = z.object({
  id: z.string().uuid(),
  centreId: z.string().uuid(),
  personId: z.string().uuid(),
  familyName: z.string(),
  givenName: z.string(),
  familyKana: z.string().nullable(),
  givenKana: z.string().nullable(),
  profession: z.string().nullable(),
  organisationName: z.string().nullable(),
  tags: z.array(ZExpertise),
  load: z.number().int(),
  version: z.number().int(),
});

export const ZPool = z
  .object({
    centres: z.array(
      z.object({ id: z.string(), name: z.string(), kind: z.enum(['hq', 'branch']), canManage: z.boolean() }),
    ),
    members: z.array(ZPoolMember),
  })
  .openapi('SupervisePool');

export const ZPoolQuery = z.object({ centreId: z.string().uuid().optional() });

export const ZPoolAddRequest = z
  .object({
    centreId: z.string(),
    personId: z.string(),
    tags: z.array(ZExpertise).min(1).max(SUPERVISE_EXPERTISE.length),
  })
  .strict();

export const ZPoolUpdateRequest = z
  .object({
    version: z.number().int().min(1),
    tags: z.array(ZExpertise).min(1).max(SUPERVISE_EXPERTISE.length),
  })
  .strict();

export const ZProposalQuery = z.object({
  centreId: z.string().optional(),
  /** Needed expertise, comma-separated. */
  tags: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(ZExpertise).min(1)),
});

export const ZProposal = z
  .object({
    centreId: z.string().nullable(),
    uncovered: z.array(ZExpertise),
    members: z.array(
      z.object({
        personId: z.string(),
        covers: z.array(ZExpertise),
        load: z.number().int(),
        familyName: z.string(),
        givenName: z.string(),
        profession: z.string().nullable(),
        organisationName: z.string().nullable(),
        tags: z.array(ZExpertise),
      }),
    ),
  })
  .openapi('SuperviseTeamProposal');

export const ZFiguresQuery = z.object({
  nendo: z.coerce.number().int().min(2000).max(2100).optional(),
  lang: ZLang,
});

const ZTally = z.object({
  key: z.string(),
  name: z.string().nullable().optional(),
  participants: z.number().int(),
  attendees: z.number().int(),
});
const ZRate = { participants: z.number().int(), completed: z.number().int(), rate: z.number().nullable() };

export const ZTrainingFigures = z
  .object({
    nendo: z.number().int(),
    label: z.string(),
    range: z.object({ start: z.string(), end: z.string() }),
    totals: z.object({
      sessions: z.number().int(),
      attendees: z.number().int(),
      attendanceDays: z.number().int(),
      ...ZRate,
    }),
    byCourseKind: z.array(ZTally.extend({ key: z.enum(COURSE_KINDS) })),
    byProfession: z.array(ZTally.extend({ key: z.enum(PROFESSIONS), group: z.enum(PROFESSION_GROUPS) })),
    byProfessionGroup: z.array(ZTally.extend({ key: z.enum(PROFESSION_GROUPS) })),
    byRegion: z.array(ZTally),
    byCourse: z.array(
      z.object({
        courseId: z.string(),
        title: z.string(),
        kind: z.enum(COURSE_KINDS),
        sessions: z.number().int(),
        ...ZRate,
      }),
    ),
    bySession: z.array(
      z.object({
        sessionId: z.string(),
        title: z.string(),
        courseTitle: z.string(),
        kind: z.enum(COURSE_KINDS),
        firstDay: z.string(),
        ...ZRate,
      }),
    ),
    followUp: z.array(
      z.object({
        nendo: z.number().int(),
        label: z.string(),
        newlyTrainedOrganisations: z.number().int(),
        trainedOrganisations: z.number().int(),
        consultations: z.number().int(),
        askingOrganisations: z.number().int(),
      }),
    ),
  })
  .openapi('TrainingFigures');
