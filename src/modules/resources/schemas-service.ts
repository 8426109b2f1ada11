import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import { CARE_ITEM_CODES } from '../../shared/vocab/care-items';
import { DISASTER_SUPPORTS } from '../../shared/vocab/disaster-events';
import { SERVICE_LIST_SORTS, SERVICE_STATUSES, SERVICE_TYPES } from '../../shared/vocab/resources';
import {
  ZCareAcceptance,
  ZConfirmation,
  ZLocation,
  ZLocationInput,
  ZMunicipalityCode,
  ZSchedule,
  ZServiceArea,
  ZTimestamp,
} from './schemas-common';

/** Staff directory contract (/api/resources): organizations, services, provider links. */

// ───────────────────────────── organizations ─────────────────────────────

export const ZOrganizationInput = z.object({
  name: z.string().trim().min(1).max(200),
  kana: z.string().trim().max(200).nullable().optional(),
  description: multilineText(2000).nullable().optional(),
  website: z.string().trim().url().max(500).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  email: z.string().trim().email().max(200).nullable().optional(),
  /** Link to the network's organisation (network/organisations): its provider_staff may confirm and correct. */
  networkOrganisationId: z.string().uuid().nullable().optional(),
});

export const ZOrganization = z
  .object({
    id: z.string().uuid(),
    prefectureCode: z.string(),
    name: z.string(),
    kana: z.string().nullable(),
    description: z.string().nullable(),
    website: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    networkOrganisationId: z.string().uuid().nullable(),
    networkOrganisationName: z.string().nullable(),
    serviceCount: z.number().int(),
    version: z.number().int(),
  })
  .openapi('ResourceOrganization');

export const ZCreateOrganization = ZOrganizationInput;
export const ZUpdateOrganization = ZOrganizationInput.extend({ version: z.number().int() });

export const ZListOrganizationsQuery = z.object({
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZOrganizationList = z.object({
  items: z.array(ZOrganization),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

// ───────────────────────────── services ─────────────────────────────

/** The fields a provider may correct (through sign-in or its link). */
export const ZServiceProviderEdit = z.object({
  description: multilineText(4000).nullable().optional(),
  /** How to start using the service (HSDS application_process). */
  howToApply: multilineText(2000).nullable().optional(),
  eligibilityDescription: multilineText(2000).nullable().optional(),
  feesDescription: multilineText(1000).nullable().optional(),
  /** Ages served in years, inclusive (HSDS minimum_age / maximum_age). */
  minAge: z.number().int().min(0).max(120).nullable().optional(),
  maxAge: z.number().int().min(0).max(120).nullable().optional(),
  /** HSDS 3.1 service_capacity (unit: persons per day, or beds for short stay). */
  capacity: z.number().int().min(0).max(100_000).nullable().optional(),
  vacancy: z.number().int().min(0).max(100_000).nullable().optional(),
  transport: z.boolean().nullable().optional(),
  transportNote: z.string().trim().max(500).nullable().optional(),
  bathing: z.boolean().nullable().optional(),
  bathingNote: z.string().trim().max(500).nullable().optional(),
  /** What the listing offers in a disaster (docs/disaster.md §6). */
  disasterSupport: z.array(z.enum(DISASTER_SUPPORTS)).max(3).optional(),
  disasterNote: z.string().trim().max(500).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  email: z.string().trim().email().max(200).nullable().optional(),
  website: z.string().trim().url().max(500).nullable().optional(),
  schedules: z.array(ZSchedule).max(14).optional(),
  /** One entry per care item; items left out are unknown. A repeated code answers 400. */
  careItems: z.array(ZCareAcceptance).max(60).optional(),
  /** Municipalities served besides the location's (HSDS service_area). */
  serviceAreaCodes: z.array(ZMunicipalityCode).max(100).optional(),
  status: z.enum(SERVICE_STATUSES).optional(),
});

/** Everything staff set (create / update). */
export const ZServiceInput = ZServiceProviderEdit.extend({
  organizationId: z.string().uuid(),
  name: z.string().trim().min(1).max(200),
  kana: z.string().trim().max(200).nullable().optional(),
  type: z.enum(SERVICE_TYPES),
  /** 事業所番号 (welfare office number, 10 digits) — with `type`, the key of open-data import. */
  officeNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{1,20}$/)
    .nullable()
    .optional(),
  location: ZLocationInput,
});

export const ZCreateService = ZServiceInput;
export const ZUpdateService = ZServiceInput.extend({ version: z.number().int() });

/** What the caller may do with this listing (the UI shows buttons from it). */
export const ZServiceAllowed = z.object({
  edit: z.boolean(),
  confirm: z.boolean(),
  issueLink: z.boolean(),
});

export const ZService = z
  .object({
    id: z.string().uuid(),
    prefectureCode: z.string(),
    organizationId: z.string().uuid(),
    organizationName: z.string(),
    name: z.string(),
    kana: z.string().nullable(),
    type: z.enum(SERVICE_TYPES),
    status: z.enum(SERVICE_STATUSES),
    officeNumber: z.string().nullable(),
    description: z.string().nullable(),
    howToApply: z.string().nullable(),
    eligibilityDescription: z.string().nullable(),
    feesDescription: z.string().nullable(),
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
    capacity: z.number().int().nullable(),
    vacancy: z.number().int().nullable(),
    capacityUpdatedAt: ZTimestamp.nullable(),
    transport: z.boolean().nullable(),
    transportNote: z.string().nullable(),
    bathing: z.boolean().nullable(),
    bathingNote: z.string().nullable(),
    disasterSupport: z.array(z.enum(DISASTER_SUPPORTS)),
    disasterNote: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    location: ZLocation,
    serviceAreas: z.array(ZServiceArea),
    schedules: z.array(ZSchedule),
    careItems: z.array(ZCareAcceptance),
    lastConfirmed: ZConfirmation.nullable(),
    /** Not confirmed for STALE_AFTER_MONTHS months (or never). */
    stale: z.boolean(),
    version: z.number().int(),
    createdAt: ZTimestamp,
    updatedAt: ZTimestamp,
    allowed: ZServiceAllowed,
  })
  .openapi('ResourceService');

export const ZServiceSummary = z
  .object({
    id: z.string().uuid(),
    organizationId: z.string().uuid(),
    organizationName: z.string(),
    name: z.string(),
    type: z.enum(SERVICE_TYPES),
    status: z.enum(SERVICE_STATUSES),
    officeNumber: z.string().nullable(),
    municipalityCode: z.string(),
    municipalityName: z.string().nullable(),
    address: z.string(),
    /** Codes accepted (with or without conditions). */
    accepts: z.array(z.string()),
    capacity: z.number().int().nullable(),
    vacancy: z.number().int().nullable(),
    lastConfirmedAt: ZTimestamp.nullable(),
    stale: z.boolean(),
    version: z.number().int(),
  })
  .openapi('ResourceServiceSummary');

export const ZListServicesQuery = z.object({
  q: z.string().trim().max(100).optional(),
  type: z.enum(SERVICE_TYPES).optional(),
  municipalityCode: ZMunicipalityCode.optional(),
  regionId: z.string().uuid().optional(),
  organizationId: z.string().uuid().optional(),
  careItem: z.enum(CARE_ITEM_CODES).optional(),
  stale: z.enum(['true', 'false']).optional(),
  status: z.enum(SERVICE_STATUSES).optional(),
  sort: z.enum(SERVICE_LIST_SORTS).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZServiceList = z.object({
  items: z.array(ZServiceSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** POST /services/{id}/confirm: staff (or the provider signed in) confirm the listing as it is. */
export const ZConfirmService = z.object({ version: z.number().int() });

/** A one-time provider link (POST /services/{id}/link). The token is shown once; only its hash is kept. */
export const ZProviderLink = z
  .object({
    serviceId: z.string().uuid(),
    serviceName: z.string(),
    /** Path of the public confirmation page: /public/resources/confirm#token=<token> (the fragment stays out of logs). */
    url: z.string(),
    token: z.string(),
    expiresAt: ZTimestamp,
  })
  .openapi('ResourceProviderLink');

export type ServiceOut = z.infer<typeof ZService>;
export type ServiceInput = z.infer<typeof ZServiceInput>;
export type ProviderEdit = z.infer<typeof ZServiceProviderEdit>;
