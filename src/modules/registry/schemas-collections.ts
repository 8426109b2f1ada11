import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import { AFFILIATION_KINDS, CARE_TEAM_ROLES, DEVICE_KINDS, HANDBOOK_KINDS } from './schemas-detail';
import { zDate, zKana, zOptText, zText, zVersion } from './schemas-write';

/**
 * Request bodies of the record's lists. Each add is the row's fields plus the record's `version`; each
 * update names only the fields to change (null or blank clears an optional one).
 */

const guardianFields = {
  familyName: zText(50),
  givenName: zText(50),
  familyKana: zKana.nullable().optional(),
  givenKana: zKana.nullable().optional(),
  relationship: zText(30).openapi({ example: '母' }),
  phone: zOptText(30),
  email: z
    .string()
    .trim()
    .max(200)
    .refine(
      (v) => v === '' || /^[^\s@]+@[^\s@]+$/.test(v),
      'メールアドレスの形式ではありません / not an e-mail address',
    )
    .nullable()
    .optional(),
  address: zOptText(200),
  isPrimary: z.boolean().optional(),
};
export const ZAddGuardianRequest = z
  .object({ version: zVersion, ...guardianFields })
  .openapi('AddGuardianRequest');
export const ZUpdateGuardianRequest = z
  .object({
    version: zVersion,
    ...guardianFields,
    familyName: guardianFields.familyName.optional(),
    givenName: guardianFields.givenName.optional(),
    relationship: guardianFields.relationship.optional(),
  })
  .openapi('UpdateGuardianRequest');

/** ICD-10 as written in Japanese records: a letter, two digits, optionally a dot and 1–2 more (G80.0). */
const zIcd10 = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^([A-Z][0-9]{2}(\.[0-9A-Z]{1,2})?)?$/,
    'ICD-10 コードの形式ではありません / not an ICD-10 code (e.g. G80.0)',
  )
  .nullable()
  .optional();
export const ZAddDiagnosisRequest = z
  .object({
    version: zVersion,
    name: zText(200),
    icd10: zIcd10,
    note: multilineText(1000).nullable().optional(),
  })
  .openapi('AddDiagnosisRequest');
export const ZUpdateDiagnosisRequest = z
  .object({
    version: zVersion,
    name: zText(200).optional(),
    icd10: zIcd10,
    note: multilineText(1000).nullable().optional(),
  })
  .openapi('UpdateDiagnosisRequest');

const physicianFields = {
  organisationId: z.string().uuid().nullable().optional(),
  hospitalName: zText(200),
  department: zOptText(100),
  physicianName: zOptText(100),
  isPrimary: z.boolean().optional(),
};
export const ZAddPhysicianRequest = z
  .object({ version: zVersion, ...physicianFields })
  .openapi('AddPhysicianRequest');
export const ZUpdatePhysicianRequest = z
  .object({ version: zVersion, ...physicianFields, hospitalName: physicianFields.hospitalName.optional() })
  .openapi('UpdatePhysicianRequest');

const deviceFields = {
  kind: z.enum(DEVICE_KINDS),
  name: zOptText(200),
  /** Default by kind when absent (ventilators, concentrators, pumps … need mains power). */
  needsMains: z.boolean().optional(),
  batteryHours: z.number().min(0).max(9999).multipleOf(0.1).nullable().optional(),
  note: multilineText(1000).nullable().optional(),
};
export const ZAddDeviceRequest = z.object({ version: zVersion, ...deviceFields }).openapi('AddDeviceRequest');
export const ZUpdateDeviceRequest = z
  .object({ version: zVersion, ...deviceFields, kind: deviceFields.kind.optional() })
  .openapi('UpdateDeviceRequest');

const handbookFields = {
  kind: z.enum(HANDBOOK_KINDS),
  grade: zOptText(30).openapi({ example: '1級' }),
  issuedOn: zDate.nullable().optional(),
};
export const ZAddHandbookRequest = z
  .object({ version: zVersion, ...handbookFields })
  .openapi('AddHandbookRequest');
export const ZUpdateHandbookRequest = z
  .object({ version: zVersion, ...handbookFields, kind: handbookFields.kind.optional() })
  .openapi('UpdateHandbookRequest');

const affiliationFields = {
  organisationId: z.string().uuid(),
  kind: z.enum(AFFILIATION_KINDS),
  startedOn: zDate,
  endedOn: zDate.nullable().optional(),
  /** e.g. 小学部2年, 年中 — as the school or nursery writes it. */
  detail: zOptText(100),
};
export const ZAddAffiliationRequest = z
  .object({ version: zVersion, ...affiliationFields })
  .openapi('AddAffiliationRequest');
export const ZUpdateAffiliationRequest = z
  .object({
    version: zVersion,
    ...affiliationFields,
    organisationId: affiliationFields.organisationId.optional(),
    kind: affiliationFields.kind.optional(),
    startedOn: affiliationFields.startedOn.optional(),
  })
  .openapi('UpdateAffiliationRequest');

/** A member of the child's care team (NA-2): a person of the network, their part, and whether key coordinator. */
export const ZAddCareTeamMemberRequest = z
  .object({
    version: zVersion,
    personId: z.string().uuid(),
    role: z.enum(CARE_TEAM_ROLES),
    isKeyCoordinator: z.boolean().optional(),
    note: zOptText(500),
  })
  .openapi('AddCareTeamMemberRequest');
export const ZUpdateCareTeamMemberRequest = z
  .object({
    version: zVersion,
    role: z.enum(CARE_TEAM_ROLES).optional(),
    isKeyCoordinator: z.boolean().optional(),
    note: zOptText(500),
  })
  .openapi('UpdateCareTeamMemberRequest');
