import { z } from '@hono/zod-openapi';
import { ZJsonValue } from '../../server/openapi';
import { ZSystemText } from '../../server/system-text';
import {
  AFFILIATION_KINDS,
  CARE_TEAM_ROLES,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  DEVICE_KINDS,
  HANDBOOK_KINDS,
  LIFE_STAGES,
} from '../../shared/vocab/registry';
import { ZChildSummary } from './schemas';

export {
  AFFILIATION_KINDS,
  CARE_TEAM_ROLES,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  DEVICE_KINDS,
  HANDBOOK_KINDS,
  LIFE_STAGES,
};

export const WATCH_LEVELS = ['high', 'mid', 'low'] as const;
export const CHILD_ACCESS = ['full', 'former_residence'] as const;

const date = z.string().openapi({ example: '2024-04-01' });

export const ZGuardian = z
  .object({
    id: z.string().uuid(),
    familyName: z.string(),
    givenName: z.string(),
    familyKana: z.string().nullable(),
    givenKana: z.string().nullable(),
    relationship: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    isPrimary: z.boolean(),
  })
  .openapi('Guardian');

export const ZDiagnosis = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    icd10: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('Diagnosis');

export const ZPhysician = z
  .object({
    id: z.string().uuid(),
    organisationId: z.string().uuid().nullable(),
    hospitalName: z.string(),
    department: z.string().nullable(),
    physicianName: z.string().nullable(),
    isPrimary: z.boolean(),
  })
  .openapi('Physician');

export const ZChildCareItem = z
  .object({
    id: z.string().uuid(),
    code: z.string(),
    watch: z.enum(WATCH_LEVELS),
    judgedOn: date.nullable(),
    judgedBy: z.string().nullable(),
    note: z.string().nullable(),
    /** A note the system wrote (the registration the item came from), rendered in the reader's language. */
    systemNote: ZSystemText.nullable(),
  })
  .openapi('ChildCareItem');

export const ZDevice = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(DEVICE_KINDS),
    name: z.string().nullable(),
    needsMains: z.boolean(),
    batteryHours: z.number().nullable(),
    note: z.string().nullable(),
  })
  .openapi('Device');

export const ZHandbook = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(HANDBOOK_KINDS),
    grade: z.string().nullable(),
    issuedOn: date.nullable(),
  })
  .openapi('Handbook');

export const ZAffiliation = z
  .object({
    id: z.string().uuid(),
    organisationId: z.string().uuid(),
    organisationName: z.string(),
    kind: z.enum(AFFILIATION_KINDS),
    startedOn: date,
    endedOn: date.nullable(),
    detail: z.string().nullable(),
  })
  .openapi('Affiliation');

export const ZCareTeamMember = z
  .object({
    id: z.string().uuid(),
    personId: z.string().uuid(),
    name: z.string(),
    role: z.enum(CARE_TEAM_ROLES),
    isKeyCoordinator: z.boolean(),
    profession: z.string().nullable(),
    organisationName: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('CareTeamMember');

export const ZConsent = z
  .object({
    id: z.string().uuid(),
    purpose: z.enum(CONSENT_PURPOSES),
    granted: z.boolean(),
    decidedOn: date,
    method: z.enum(CONSENT_METHODS),
    withdrawnOn: date.nullable(),
    note: z.string().nullable(),
    /** A note the system wrote (the registration the decision came from). */
    systemNote: ZSystemText.nullable(),
  })
  .openapi('Consent');

export const ZResidence = z
  .object({
    municipalityCode: z.string(),
    municipalityName: z.string(),
    address: z.string().nullable(),
    fromDate: date,
    toDate: date.nullable(),
  })
  .openapi('Residence');

export const ZCareScoreLine = z
  .object({ code: z.string(), base: z.number().int(), watch: z.number().int(), rule: z.string().optional() })
  .openapi('CareScoreLine');

/**
 * One child record as the actor may see it. With access 'former_residence' (a municipality the child
 * moved away from) only identity, status and score as they were at the move, the residences up to theirs
 * and nothing after it are given: every list of care detail is empty.
 */
export const ZChildDetail = ZChildSummary.extend({
  address: z.string().nullable(),
  livingSituation: z.string().nullable(),
  statusSince: date.nullable(),
  careScore: z.number().int().nullable(),
  careTier: z.number().int().nullable(),
  careScoreBreakdown: z.array(ZCareScoreLine),
  lifeStage: z.enum(LIFE_STAGES).nullable(),
  guardians: z.array(ZGuardian),
  diagnoses: z.array(ZDiagnosis),
  physicians: z.array(ZPhysician),
  careItems: z.array(ZChildCareItem),
  devices: z.array(ZDevice),
  handbooks: z.array(ZHandbook),
  affiliations: z.array(ZAffiliation),
  /** The child's key coordinator and care team (NA-2), key coordinator first. */
  careTeam: z.array(ZCareTeamMember),
  consents: z.array(ZConsent),
  residences: z.array(ZResidence),
  access: z.enum(CHILD_ACCESS),
  allowedActions: z.object({ edit: z.boolean(), manageConsents: z.boolean(), move: z.boolean() }),
}).openapi('ChildDetail');

export type ChildDetail = z.infer<typeof ZChildDetail>;

export const ZChildHistoryEntry = z
  .object({
    id: z.number().int(),
    at: z.string().openapi({ example: '2026-06-01T09:00:00.000Z' }),
    userId: z.string().uuid().nullable(),
    userName: z.string().nullable(),
    action: z.string(),
    /** field → [before, after]; a list (guardians, care items …) is given whole (see registry/history.ts). */
    changes: z.record(
      z.string(),
      z.tuple([ZJsonValue, ZJsonValue]).openapi({ description: '[before, after]', minItems: 2, maxItems: 2 }),
    ),
    version: z.number().int(),
  })
  .openapi('ChildHistoryEntry');

export const ZGetChildHistoryResponse = z.array(ZChildHistoryEntry).openapi('GetChildHistoryResponse');
