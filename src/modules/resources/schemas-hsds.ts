import { z } from '@hono/zod-openapi';
import { SERVICE_TYPES } from '../../shared/vocab/resources';
import { HSDS_STATUSES } from './hsds-profile';
import { ZImportIssue } from './schemas-work';

/**
 * The HSDS 3.0 objects the export emits (GET /api/resources/export.json) — each a subset of the official
 * schema of the same name (standards/hsds-3.0/). Absent values are left out, never null. Ids are UUIDs
 * (resources/hsds-ids.ts). Japanese details are attributes of the profile's taxonomies (hsds-profile.ts).
 */

const ZUuid = z.string().uuid();
const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** HH:MM with the UTC offset, as HSDS schedule.opens_at asks: 09:00+09:00. */
const ZTimeWithZone = z.string().regex(/^\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);

export const ZHsdsPhone = z
  .object({
    id: ZUuid,
    organization_id: ZUuid.optional(),
    service_id: ZUuid.optional(),
    number: z.string(),
  })
  .openapi('HsdsPhone');

export const ZHsdsOrganization = z
  .object({
    id: ZUuid,
    name: z.string(),
    alternate_name: z.string().optional(),
    description: z.string(),
    email: z.string().optional(),
    website: z.string().optional(),
    phones: z.array(ZHsdsPhone),
  })
  .openapi('HsdsOrganization');

export const ZHsdsService = z
  .object({
    id: ZUuid,
    organization_id: ZUuid,
    name: z.string(),
    alternate_name: z.string().optional(),
    description: z.string().optional(),
    url: z.string().optional(),
    email: z.string().optional(),
    status: z.enum(HSDS_STATUSES),
    application_process: z.string().optional(),
    fees_description: z.string().optional(),
    eligibility_description: z.string().optional(),
    minimum_age: z.number().optional(),
    maximum_age: z.number().optional(),
    assured_date: ZDate.optional(),
    alert: z.string().optional(),
    last_modified: z.string().optional(),
    phones: z.array(ZHsdsPhone),
  })
  .openapi('HsdsService');

export const ZHsdsAddress = z
  .object({
    id: ZUuid,
    location_id: ZUuid,
    address_1: z.string(),
    city: z.string(),
    state_province: z.string(),
    /** Required by HSDS: an empty string when the postal code is not known. */
    postal_code: z.string(),
    country: z.literal('JP'),
    address_type: z.literal('physical'),
  })
  .openapi('HsdsAddress');

export const ZHsdsLocation = z
  .object({
    id: ZUuid,
    location_type: z.literal('physical'),
    organization_id: ZUuid.optional(),
    name: z.string().optional(),
    latitude: z.number().optional(),
    longitude: z.number().optional(),
    /** The municipality's 全国地方公共団体コード. */
    external_identifier: z.string(),
    external_identifier_type: z.string(),
    addresses: z.array(ZHsdsAddress),
  })
  .openapi('HsdsLocation');

export const ZHsdsServiceAtLocation = z
  .object({ id: ZUuid, service_id: ZUuid, location_id: ZUuid })
  .openapi('HsdsServiceAtLocation');

export const ZHsdsSchedule = z
  .object({
    id: ZUuid,
    service_id: ZUuid,
    freq: z.literal('WEEKLY'),
    byday: z.string(),
    opens_at: ZTimeWithZone.optional(),
    closes_at: ZTimeWithZone.optional(),
    /** UTC offset in hours of the times: 9 (Asia/Tokyo). */
    timezone: z.number(),
    description: z.string().optional(),
  })
  .openapi('HsdsSchedule');

export const ZHsdsServiceArea = z
  .object({
    id: ZUuid,
    service_id: ZUuid,
    name: z.string().optional(),
    /** The municipality code (also an area_municipality attribute). */
    extent: z.string(),
    extent_type: z.literal('text'),
  })
  .openapi('HsdsServiceArea');

export const ZHsdsAttribute = z
  .object({
    id: ZUuid,
    link_id: ZUuid,
    link_type: z.string(),
    link_entity: z.enum(['service', 'service_area']),
    taxonomy_term_id: ZUuid,
    value: z.string().optional(),
  })
  .openapi('HsdsAttribute');

export const ZHsdsTaxonomy = z
  .object({ id: ZUuid, name: z.string(), description: z.string(), version: z.string() })
  .openapi('HsdsTaxonomy');

export const ZHsdsTaxonomyTerm = z
  .object({
    id: ZUuid,
    code: z.string(),
    name: z.string(),
    description: z.string(),
    taxonomy: z.string(),
    taxonomy_id: ZUuid,
    language: z.string(),
  })
  .openapi('HsdsTaxonomyTerm');

/** The export: HSDS tables as arrays, with the HSDS version and our profile. */
export const ZHsdsExport = z
  .object({
    hsds_version: z.literal('3.0'),
    /** URI naming the profile (documented in docs/resources.md, "HSDS profile"). */
    profile: z.string(),
    generated_at: z.string(),
    organizations: z.array(ZHsdsOrganization),
    services: z.array(ZHsdsService),
    locations: z.array(ZHsdsLocation),
    service_at_locations: z.array(ZHsdsServiceAtLocation),
    schedules: z.array(ZHsdsSchedule),
    service_areas: z.array(ZHsdsServiceArea),
    attributes: z.array(ZHsdsAttribute),
    taxonomies: z.array(ZHsdsTaxonomy),
    taxonomy_terms: z.array(ZHsdsTaxonomyTerm),
  })
  .openapi('ResourceHsdsExport');

export type HsdsExport = z.infer<typeof ZHsdsExport>;

// ───────────────────────────── import ─────────────────────────────

/** One service of an HSDS file as the import would treat it. */
export const ZHsdsImportRow = z
  .object({
    /** 1-based position in the file's services. */
    row: z.number().int(),
    hsdsId: z.string().nullable(),
    name: z.string().nullable(),
    type: z.enum(SERVICE_TYPES).nullable(),
    address: z.string().nullable(),
    municipalityCode: z.string().nullable(),
    action: z.enum(['create', 'update', 'unchanged', 'error']),
    existingServiceId: z.string().uuid().nullable(),
  })
  .openapi('ResourceHsdsImportRow');

/**
 * POST /import/hsds/preview: what POST /import/hsds would do. `issues[].row` is the 1-based position in the
 * table named by `issues[].column` (e.g. `services.status`); row 0 is about the whole file.
 */
export const ZHsdsImportPreview = z
  .object({
    fileName: z.string().nullable(),
    /** The file's `hsds_version`, when it says one. */
    version: z.string().nullable(),
    /** Rows read per HSDS table. */
    tables: z.array(z.object({ name: z.string(), count: z.number().int() })),
    rows: z.array(ZHsdsImportRow),
    rowCount: z.number().int(),
    createCount: z.number().int(),
    updateCount: z.number().int(),
    unchangedCount: z.number().int(),
    issues: z.array(ZImportIssue),
    canImport: z.boolean(),
  })
  .openapi('ResourceHsdsImportPreview');
