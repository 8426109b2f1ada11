import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import { REGISTRATION_STATUSES } from '../../shared/vocab/registry';
import { CONSENT_PURPOSES, DEVICE_KINDS, SEXES, SUBMITTER_KINDS } from './schemas-submit';

export { REGISTRATION_STATUSES };

/** Review side of registrations: the queue, one registration with suggested matches, and the decisions. */

/** Orders of the queue (an allow-list mapped to SQL in queries.ts). */
export const REGISTRATION_SORTS = [
  'submitted',
  'name',
  'kana',
  'birthDate',
  'municipality',
  'source',
] as const;
export type RegistrationSort = (typeof REGISTRATION_SORTS)[number];

/**
 * `?status=` (default pending), order and paging of the queue. With no order asked for, pending registrations
 * come oldest first (a queue) and decided ones newest first.
 */
export const ZListRegistrationsQuery = z.object({
  status: z.enum(REGISTRATION_STATUSES).default('pending'),
  sort: z.enum(REGISTRATION_SORTS).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

/** One row of the queue. */
export const ZRegistrationSummary = z
  .object({
    id: z.string().uuid(),
    receiptNo: z.string(),
    status: z.enum(REGISTRATION_STATUSES),
    submittedAt: z.string().openapi({ example: '2026-11-26T01:23:45.000Z' }),
    submitterKind: z.enum(SUBMITTER_KINDS),
    municipalityCode: z.string(),
    municipalityName: z.string(),
    familyName: z.string(),
    givenName: z.string(),
    familyKana: z.string(),
    givenKana: z.string(),
    birthDate: z.string(),
    /**
     * For a pending registration, the strongest suggested existing record now (score 0–100) and how many
     * records are suggested; null when none is, and for decided registrations.
     */
    bestMatch: z
      .object({ score: z.number().int(), candidates: z.number().int() })
      .nullable()
      .openapi({ example: { score: 87, candidates: 2 } }),
  })
  .openapi('RegistrationSummary');

/** One page of the queue with the total. */
export const ZListRegistrationsResponse = z
  .object({
    items: z.array(ZRegistrationSummary),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('ListRegistrationsResponse');

const ZWatch = z.enum(['high', 'mid', 'low']);

/** The form as stored (validated: ISO birth date, katakana). */
export const ZRegistrationPayload = z
  .object({
    submitterKind: z.enum(SUBMITTER_KINDS),
    submitter: z.object({
      name: z.string(),
      organisation: z.string().optional(),
      phone: z.string(),
      email: z.string().optional(),
    }),
    child: z.object({
      familyName: z.string(),
      givenName: z.string(),
      familyKana: z.string(),
      givenKana: z.string(),
      birthDate: z.string(),
      sex: z.enum(SEXES),
      municipalityCode: z.string(),
      address: z.string(),
      diagnoses: z.array(z.object({ name: z.string(), icd10: z.string().optional() })),
      careItems: z.array(z.object({ code: z.string(), watch: ZWatch.optional() })),
      devices: z.array(
        z.object({
          kind: z.enum(DEVICE_KINDS),
          needsMains: z.boolean(),
          batteryHours: z.number().optional(),
        }),
      ),
      livingSituation: z.string().optional(),
    }),
    guardians: z.array(
      z.object({
        familyName: z.string(),
        givenName: z.string(),
        familyKana: z.string().optional(),
        givenKana: z.string().optional(),
        relationship: z.string(),
        phone: z.string(),
        email: z.string().optional(),
      }),
    ),
    consents: z.object(
      Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, z.boolean()])) as Record<
        (typeof CONSENT_PURPOSES)[number],
        z.ZodBoolean
      >,
    ),
  })
  .openapi('RegistrationPayload');

/** Why a record is suggested (see match.ts). */
export const ZMatchReason = z
  .object({
    code: z.string(),
    points: z.number().int(),
    ja: z.string(),
    en: z.string(),
  })
  .openapi('MatchReason');

/** A suggested existing record with its score and reasons; `version` is what a merge sends back. */
export const ZSuggestion = z
  .object({
    child: z.object({
      id: z.string().uuid(),
      familyName: z.string(),
      givenName: z.string(),
      familyKana: z.string(),
      givenKana: z.string(),
      birthDate: z.string(),
      sex: z.enum(SEXES),
      municipalityCode: z.string(),
      municipalityName: z.string(),
      address: z.string().nullable(),
      version: z.number().int(),
    }),
    score: z.number().int().min(0).max(100),
    reasons: z.array(ZMatchReason),
  })
  .openapi('RegistrationSuggestion');

/** GET /api/registrations/{id}: the registration, suggestions while pending, what the reader may do. */
export const ZRegistrationDetail = z
  .object({
    registration: ZRegistrationSummary.omit({ bestMatch: true }).extend({
      prefectureCode: z.string(),
      reviewedAt: z.string().nullable(),
      childId: z.string().uuid().nullable(),
      reviewNote: z.string().nullable(),
      payload: ZRegistrationPayload,
    }),
    suggestions: z
      .array(ZSuggestion)
      .openapi({ description: 'Likely existing records, best first (only while pending).' }),
    can: z.object({ decide: z.boolean() }).openapi({ description: 'What the reader may do with it now.' }),
  })
  .openapi('RegistrationDetail');

/** Accept as a new child record, with an optional note kept on the registration. */
export const ZAcceptRegistrationRequest = z
  .object({ note: multilineText(1000).optional() })
  .openapi('AcceptRegistrationRequest');
/** Merge into an existing record at the version the reviewer read. */
export const ZMergeRegistrationRequest = z
  .object({
    childId: z.string().uuid(),
    version: z
      .number()
      .int()
      .min(1)
      .openapi({ description: 'The child version read; a stale one answers 409.' }),
    note: multilineText(1000).optional(),
  })
  .openapi('MergeRegistrationRequest');
/** Reject with a reason (kept on the registration and in the audit log). */
export const ZRejectRegistrationRequest = z
  .object({ reason: multilineText(1000, 1) })
  .openapi('RejectRegistrationRequest');

/** The outcome of a decision; `childId` is the record created or merged into. */
export const ZDecideRegistrationResponse = z
  .object({
    status: z.enum(REGISTRATION_STATUSES),
    childId: z.string().uuid().nullable(),
  })
  .openapi('DecideRegistrationResponse');
