import { z } from '@hono/zod-openapi';
import { PROFESSION_GROUPS, PROFESSIONS } from '../../shared/vocab/learning';
import { INVITE_ROW_OUTCOMES, SIGN_UP_STATUSES } from '../../shared/vocab/learning-learners';
import { LIST_FIELDS, ROW_ISSUES } from './learners-invite-rows';

const ZName = z.string().trim().min(1).max(100);
const ZEmail = z.string().trim().toLowerCase().email().max(254);
const ZMunicipalityCode = z.string().regex(/^\d{6}$/);

/** Where a learner works: an organisation of the network, or its name as free text (exactly one). */
const ZWorkplaceRequest = z
  .object({
    organisationId: z.string().uuid().nullable().optional(),
    name: z.string().trim().max(200).nullable().optional(),
  })
  .refine((w) => Boolean(w.organisationId) !== Boolean(w.name), {
    message: 'Pick an organisation or write its name / 勤務先を選ぶか名称を入力してください',
  })
  .openapi('LearnerWorkplaceRequest');

export const ZSignUpRequest = z
  .object({
    displayName: ZName,
    email: ZEmail,
    password: z.string().max(1000),
    profession: z.enum(PROFESSIONS),
    workplace: ZWorkplaceRequest,
    municipalityCode: ZMunicipalityCode,
    /** The language of the form: the confirmation mail's (mail on). */
    locale: z.enum(['ja', 'en']).optional(),
    /** Hidden from people; a bot that fills it gets the usual answer and nothing is stored. */
    website: z.string().max(200).optional(),
  })
  .openapi('LearnerSignUpRequest');
export type SignUpInput = z.infer<typeof ZSignUpRequest>;

export const ZSignUpResponse = z
  .object({
    received: z.literal(true),
    confirmation: z.enum(['centre', 'email']).openapi({
      description:
        'Who confirms the sign-up: `email` — a link is mailed to the address (mail on); `centre` — the centre approves it (mail off).',
    }),
  })
  .openapi('LearnerSignUpResponse');

/** The token of a mailed confirmation link (`/learning/sign-up/confirm#token=…`). */
export const ZConfirmSignUpRequest = z
  .object({ token: z.string().min(1).max(200) })
  .strict()
  .openapi('LearnerSignUpConfirmRequest');
export const ZConfirmSignUpResponse = z
  .object({ confirmed: z.literal(true) })
  .openapi('LearnerSignUpConfirmResponse');

export const ZSignUpOptions = z
  .object({
    prefectures: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })),
    municipalities: z.array(z.object({ code: z.string(), name: z.string(), prefectureCode: z.string() })),
  })
  .openapi('LearnerSignUpOptions');

export const ZWorkplaceQuery = z.object({
  prefecture: z.string().regex(/^\d{2}$/),
  q: z.string().trim().min(1).max(100),
});
export const ZWorkplaceList = z
  .object({
    items: z.array(
      z.object({ id: z.string().uuid(), name: z.string(), municipalityName: z.string().nullable() }),
    ),
  })
  .openapi('LearnerWorkplaceList');

const ZWorkplace = z.object({
  organisationId: z.string().uuid().nullable(),
  organisationName: z.string().nullable(),
  name: z.string().nullable(),
});

export const ZLearnerProfile = z
  .object({
    displayName: z.string(),
    email: z.string(),
    profile: z
      .object({
        profession: z.enum(PROFESSIONS),
        professionGroup: z.enum(PROFESSION_GROUPS),
        workplace: ZWorkplace,
        municipalityCode: z.string().nullable(),
        municipalityName: z.string().nullable(),
        version: z.number().int(),
        updatedAt: z.string(),
      })
      .nullable()
      .openapi({
        description: 'null until the learner has filled in the profile (an account made by hand).',
      }),
  })
  .openapi('LearnerProfile');

export const ZUpdateProfileRequest = z
  .object({
    /** The profile's version as read; omitted only when there is no profile yet. */
    version: z.number().int().min(1).optional(),
    displayName: ZName,
    profession: z.enum(PROFESSIONS),
    workplace: ZWorkplaceRequest,
    municipalityCode: ZMunicipalityCode,
  })
  .openapi('UpdateLearnerProfileRequest');
export type UpdateProfileInput = z.infer<typeof ZUpdateProfileRequest>;

export const ZSignUpListQuery = z.object({ status: z.enum(SIGN_UP_STATUSES).default('pending') });
export const ZSignUpRow = z
  .object({
    id: z.string().uuid(),
    displayName: z.string(),
    email: z.string(),
    profession: z.enum(PROFESSIONS),
    professionGroup: z.enum(PROFESSION_GROUPS),
    workplace: ZWorkplace,
    municipalityCode: z.string(),
    municipalityName: z.string().nullable(),
    status: z.enum(SIGN_UP_STATUSES),
    /** Another account or sign-up already uses the address (approving is then refused). */
    emailTaken: z.boolean(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    decidedByName: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('LearnerSignUp');
export const ZSignUpList = z
  .object({ items: z.array(ZSignUpRow), pendingCount: z.number().int() })
  .openapi('LearnerSignUpList');
export const ZDecideSignUpRequest = z
  .object({ version: z.number().int().min(1) })
  .openapi('DecideSignUpRequest');

export const ZInviteQuery = z.object({ fileName: z.string().max(255).optional() });
export const ZInviteRow = z
  .object({
    line: z.number().int(),
    name: z.string(),
    email: z.string(),
    profession: z.enum(PROFESSIONS).nullable(),
    workplace: ZWorkplace,
    municipalityCode: z.string().nullable(),
    outcome: z.enum(INVITE_ROW_OUTCOMES),
    issues: z.array(z.object({ field: z.enum(LIST_FIELDS), code: z.enum(ROW_ISSUES) })),
    /** After the invitation: the one-time link to hand over (shown once). */
    invitationUrl: z.string().nullable(),
  })
  .openapi('LearnerInviteRow');
export const ZInvitePlan = z
  .object({
    rows: z.array(ZInviteRow),
    counts: z.object({
      create: z.number().int(),
      invite_again: z.number().int(),
      exists: z.number().int(),
      error: z.number().int(),
    }),
  })
  .openapi('LearnerInvitePlan');

export const ZMyLearning = z
  .object({
    applications: z.array(
      z.object({
        id: z.string().uuid(),
        sessionId: z.string().uuid(),
        sessionTitle: z.string(),
        courseTitle: z.string(),
        courseKind: z.string(),
        sessionStatus: z.string(),
        status: z.string(),
        waitRank: z.number().int().nullable(),
        firstDay: z.string().nullable(),
        appliedAt: z.string(),
      }),
    ),
    upcoming: z.array(
      z.object({
        sessionId: z.string().uuid(),
        sessionTitle: z.string(),
        courseTitle: z.string(),
        delivery: z.string(),
        place: z.string(),
        seq: z.number().int(),
        heldOn: z.string(),
        startsAt: z.string().nullable(),
        endsAt: z.string().nullable(),
      }),
    ),
    completions: z.object({ count: z.number().int(), latestOn: z.string().nullable() }),
  })
  .openapi('MyLearning');
