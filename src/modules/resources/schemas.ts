import { z } from '@hono/zod-openapi';
import { CARE_ITEMS } from '../../shared/care-score';

/**
 * The resources (社会資源) API contract: the directory (HSDS 3.x-shaped), the provider confirmation link, yearly
 * re-confirmation rounds, open-data import, exports, the public search and the supply/demand gaps.
 * Stable: fields are added, never renamed or removed.
 *
 * Staff API under /api/resources, public API (no sign-in, rate-limited) under /api/public/resources.
 */

/** Service types (a fixed vocabulary; labels in SERVICE_TYPE_LABELS). */
export const SERVICE_TYPES = [
  'child_development_support',
  'after_school_day_service',
  'home_based_development_support',
  'nursery_visit_support',
  'medical_short_stay',
  'welfare_short_stay',
  'medical_residential',
  'home_visit_nursing',
  'home_visit_care',
  'hospital',
  'clinic',
  'pharmacy',
  'nursery',
  'kindergarten',
  'school',
  'special_needs_school',
  'consultation_support',
  'other',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const SERVICE_TYPE_LABELS = {
  child_development_support: { ja: '児童発達支援', en: 'Child development support' },
  after_school_day_service: { ja: '放課後等デイサービス', en: 'After-school day service' },
  home_based_development_support: { ja: '居宅訪問型児童発達支援', en: 'Home-based development support' },
  nursery_visit_support: { ja: '保育所等訪問支援', en: 'Nursery visit support' },
  medical_short_stay: { ja: '医療型短期入所', en: 'Medical short stay' },
  welfare_short_stay: { ja: '福祉型短期入所', en: 'Welfare short stay' },
  medical_residential: { ja: '医療型障害児入所施設', en: 'Medical residential facility' },
  home_visit_nursing: { ja: '訪問看護', en: 'Home-visit nursing' },
  home_visit_care: { ja: '居宅介護', en: 'Home-visit care' },
  hospital: { ja: '病院', en: 'Hospital' },
  clinic: { ja: '診療所', en: 'Clinic' },
  pharmacy: { ja: '薬局', en: 'Pharmacy' },
  nursery: { ja: '保育所', en: 'Nursery' },
  kindergarten: { ja: '幼稚園・認定こども園', en: 'Kindergarten / centre for early childhood' },
  school: { ja: '学校', en: 'School' },
  special_needs_school: { ja: '特別支援学校', en: 'Special needs school' },
  consultation_support: { ja: '相談支援事業所', en: 'Consultation support office' },
  other: { ja: 'その他', en: 'Other' },
} as const satisfies Record<ServiceType, { ja: string; en: string }>;

/** HSDS service.status. */
export const SERVICE_STATUSES = ['active', 'inactive', 'temporarily_closed', 'defunct'] as const;

/** Per care item: accepted, accepted with conditions (free text), not accepted. Absent = unknown. */
export const ACCEPTANCES = ['accepted', 'accepted_with_conditions', 'not_accepted'] as const;
export type Acceptance = (typeof ACCEPTANCES)[number];

/** Days of the week as in iCal BYDAY (HSDS schedule.byday). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** Qualitative bottleneck kinds (NA-4/NA-5). */
export const BOTTLENECK_KINDS = [
  'no_bathing',
  'no_transport',
  'no_night_nurse',
  'no_short_stay_bed',
  'age_limit',
  'waiting_list',
  'other',
] as const;

export const BOTTLENECK_KIND_LABELS = {
  no_bathing: { ja: '入浴の受け入れがない', en: 'No bathing' },
  no_transport: { ja: '送迎がない', en: 'No transport' },
  no_night_nurse: { ja: '夜間の看護師がいない', en: 'No nurse at night' },
  no_short_stay_bed: { ja: '短期入所の空床がない', en: 'No short-stay bed' },
  age_limit: { ja: '年齢制限', en: 'Age limit' },
  waiting_list: { ja: '待機がある', en: 'Waiting list' },
  other: { ja: 'その他', en: 'Other' },
} as const satisfies Record<(typeof BOTTLENECK_KINDS)[number], { ja: string; en: string }>;

/** How a listing was last confirmed. */
export const CONFIRMATION_KINDS = ['user', 'provider_link', 'import'] as const;

/** A listing not confirmed for this many months is `stale` (flagged, ranked lower in public search). */
export const STALE_AFTER_MONTHS = 12;

export const CARE_ITEM_CODES = CARE_ITEMS.map((i) => i.code) as [string, ...string[]];

const ZTimestamp = z.string().openapi({ example: '2026-11-26T01:23:45.000Z' });
const ZMunicipalityCode = z
  .string()
  .regex(/^\d{6}$/)
  .openapi({ example: '141003' });
const ZTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
  .openapi({ example: '09:00' });

/** What a service accepts for one care item. `conditions` only with accepted_with_conditions. */
export const ZCareAcceptance = z
  .object({
    code: z.enum(CARE_ITEM_CODES),
    acceptance: z.enum(ACCEPTANCES),
    conditions: z.string().trim().max(500).nullable().optional(),
  })
  .openapi('ResourceCareAcceptance');

/** HSDS schedule, simplified: weekly opening days and hours (opensAt/closesAt local time). */
export const ZSchedule = z
  .object({
    byday: z.array(z.enum(WEEKDAYS)).min(1).max(7),
    opensAt: ZTime.nullable().optional(),
    closesAt: ZTime.nullable().optional(),
    note: z.string().trim().max(200).nullable().optional(),
  })
  .openapi('ResourceSchedule');

/** HSDS location (physical): address, municipality and coordinates. */
export const ZLocationInput = z.object({
  name: z.string().trim().max(200).nullable().optional(),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{3}-?\d{4}$/)
    .nullable()
    .optional(),
  address: z.string().trim().max(300),
  /** When omitted, resolved from the address (census/read/municipality.ts); unresolvable → 400. */
  municipalityCode: ZMunicipalityCode.nullable().optional(),
  latitude: z.number().min(20).max(46).nullable().optional(),
  longitude: z.number().min(122).max(154).nullable().optional(),
});

export const ZLocation = z
  .object({
    id: z.string().uuid(),
    name: z.string().nullable(),
    postalCode: z.string().nullable(),
    address: z.string(),
    municipalityCode: z.string(),
    municipalityName: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
  })
  .openapi('ResourceLocation');

export const ZServiceArea = z
  .object({ municipalityCode: z.string(), municipalityName: z.string().nullable() })
  .openapi('ResourceServiceArea');

export const ZConfirmation = z
  .object({
    at: ZTimestamp,
    kind: z.enum(CONFIRMATION_KINDS),
    /** The user's display name, or the organisation's name for a provider link, or the import file name. */
    by: z.string().nullable(),
  })
  .openapi('ResourceConfirmation');

// ───────────────────────────── organizations ─────────────────────────────

export const ZOrganizationInput = z.object({
  name: z.string().trim().min(1).max(200),
  kana: z.string().trim().max(200).nullable().optional(),
  description: z.string().trim().max(2000).nullable().optional(),
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
  description: z.string().trim().max(4000).nullable().optional(),
  /** How to start using the service (HSDS application_process). */
  howToApply: z.string().trim().max(2000).nullable().optional(),
  eligibilityDescription: z.string().trim().max(2000).nullable().optional(),
  feesDescription: z.string().trim().max(1000).nullable().optional(),
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

// ───────────────────────────── provider confirmation (public) ─────────────────────────────

/** GET /api/public/resources/confirm/{token}: the listing the link is for (the token stays valid). */
export const ZConfirmView = z
  .object({
    service: ZService.omit({ allowed: true }),
    expiresAt: ZTimestamp,
  })
  .openapi('ResourceConfirmView');

/** PUT /api/public/resources/confirm/{token}: confirm as is (no `changes`) or with corrections. Single use. */
export const ZConfirmByLink = z.object({
  changes: ZServiceProviderEdit.optional(),
  /** Who answered (free text, kept in the audit log). */
  confirmedBy: z.string().trim().max(100).nullable().optional(),
});

export const ZConfirmByLinkResponse = z.object({
  serviceId: z.string().uuid(),
  confirmedAt: ZTimestamp,
  changed: z.boolean(),
});

// ───────────────────────────── re-confirmation rounds ─────────────────────────────

export const ZCreateRound = z.object({ nendo: z.number().int().min(2000).max(2100) });

export const ZRound = z
  .object({
    id: z.string().uuid(),
    nendo: z.number().int(),
    createdAt: ZTimestamp,
    serviceCount: z.number().int(),
    confirmedCount: z.number().int(),
  })
  .openapi('ResourceRound');

export const ZRoundItem = z
  .object({
    serviceId: z.string().uuid(),
    serviceName: z.string(),
    organizationName: z.string(),
    type: z.enum(SERVICE_TYPES),
    municipalityCode: z.string(),
    municipalityName: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    confirmedAt: ZTimestamp.nullable(),
    linkExpiresAt: ZTimestamp.nullable(),
  })
  .openapi('ResourceRoundItem');

export const ZRoundDetail = ZRound.extend({ items: z.array(ZRoundItem) }).openapi('ResourceRoundDetail');

/** POST /rounds creates the round and a link per active service: the links are shown this once. */
export const ZCreateRoundResponse = z.object({ round: ZRound, links: z.array(ZProviderLink) });

/** POST /rounds/{id}/reminders: fresh links for every service not confirmed yet (older links die). */
export const ZRemindersResponse = z.object({ round: ZRound, links: z.array(ZProviderLink) });

// ───────────────────────────── open-data import ─────────────────────────────

/**
 * POST /import/preview and POST /import: the request body is the CSV file itself (Content-Type text/csv or
 * application/octet-stream; UTF-8, UTF-8 with BOM or CP932), `?fileName=` optional. Import is all or nothing.
 */
export const ZImportQuery = z.object({ fileName: z.string().trim().max(200).optional() });

export const ZImportIssue = z
  .object({
    /** 1-based data row (header = row 0 for whole-file problems). */
    row: z.number().int(),
    column: z.string().nullable(),
    ja: z.string(),
    en: z.string(),
  })
  .openapi('ResourceImportIssue');

export const ZImportRow = z
  .object({
    row: z.number().int(),
    officeNumber: z.string().nullable(),
    name: z.string().nullable(),
    type: z.enum(SERVICE_TYPES).nullable(),
    address: z.string().nullable(),
    municipalityCode: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    /** What import would do with the row. */
    action: z.enum(['create', 'update', 'unchanged', 'error']),
    existingServiceId: z.string().uuid().nullable(),
  })
  .openapi('ResourceImportRow');

export const ZImportPreview = z
  .object({
    fileName: z.string().nullable(),
    encoding: z.string(),
    /** Header → recognised field (null = ignored). */
    columns: z.array(z.object({ header: z.string(), field: z.string().nullable() })),
    rows: z.array(ZImportRow),
    rowCount: z.number().int(),
    createCount: z.number().int(),
    updateCount: z.number().int(),
    unchangedCount: z.number().int(),
    issues: z.array(ZImportIssue),
    canImport: z.boolean(),
  })
  .openapi('ResourceImportPreview');

export const ZImportResult = z
  .object({
    fileName: z.string().nullable(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  })
  .openapi('ResourceImportResult');

// ───────────────────────────── public search ─────────────────────────────

export const ZPublicSearchQuery = z.object({
  /** Prefecture (2 digits); optional when a municipality or address names it. */
  prefecture: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  municipalityCode: ZMunicipalityCode.optional(),
  /** Address text, resolved to a municipality; an unresolvable address answers 400. */
  address: z.string().trim().max(200).optional(),
  type: z.enum(SERVICE_TYPES).optional(),
  /** Care items needed: every one must be accepted (with or without conditions). Repeat or comma-separate. */
  careItem: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) =>
      v === undefined
        ? []
        : (Array.isArray(v) ? v : [v])
            .flatMap((s) => s.split(','))
            .map((s) => s.trim())
            .filter(Boolean),
    )
    .pipe(z.array(z.enum(CARE_ITEM_CODES)).max(10))
    .openapi({ type: 'array', items: { type: 'string' } }),
  /** The child's age in years. */
  age: z.coerce.number().int().min(0).max(120).optional(),
  /** Free text in Japanese (kanji, kana in either width). */
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ZPublicServiceSummary = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    organizationName: z.string(),
    type: z.enum(SERVICE_TYPES),
    address: z.string(),
    municipalityCode: z.string(),
    municipalityName: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
    transport: z.boolean().nullable(),
    bathing: z.boolean().nullable(),
    vacancy: z.number().int().nullable(),
    /** What it accepts (accepted / with conditions / not accepted; unknown items are absent). */
    careItems: z.array(ZCareAcceptance),
    howToApply: z.string().nullable(),
    phone: z.string().nullable(),
    lastConfirmedAt: ZTimestamp.nullable(),
    stale: z.boolean(),
  })
  .openapi('PublicResourceSummary');

export const ZPublicSearchResponse = z
  .object({
    items: z.array(ZPublicServiceSummary),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** The municipality the search used (given or resolved from the address). */
    municipality: z.object({ code: z.string(), name: z.string().nullable() }).nullable(),
  })
  .openapi('PublicResourceSearch');

export const ZPublicService = ZService.omit({
  allowed: true,
  version: true,
  email: true,
  prefectureCode: true,
  officeNumber: true,
}).openapi('PublicResource');

/** GET /api/public/resources/options: vocabularies for the search form. */
export const ZPublicOptions = z
  .object({
    serviceTypes: z.array(z.object({ code: z.enum(SERVICE_TYPES), ja: z.string(), en: z.string() })),
    careItems: z.array(z.object({ code: z.string(), ja: z.string(), en: z.string() })),
    staleAfterMonths: z.number().int(),
  })
  .openapi('PublicResourceOptions');

// ───────────────────────────── gaps and bottlenecks ─────────────────────────────

export const ZGapsQuery = z.object({ regionId: z.string().uuid().optional() });

/** One care item in one area: demand (children needing it, by life stage) against supply. */
export const ZGapCell = z
  .object({
    careItem: z.string(),
    demand: z.number().int(),
    /** Children by life stage (src/shared/age.ts lifeStage today): infant, preschool, elementary … */
    demandByStage: z.record(z.string(), z.number().int()),
    /** Active services accepting it (with or without conditions) located in or serving the area. */
    services: z.number().int(),
    capacity: z.number().int(),
    vacancy: z.number().int(),
    /** demand / max(services, 1) … see shortageRule. */
    demandPerService: z.number(),
    /** demand − vacancy (positive = more children than free places). */
    shortfall: z.number().int(),
  })
  .openapi('ResourceGapCell');

export const ZGapArea = z
  .object({
    kind: z.enum(['region', 'municipality']),
    /** region id or municipality code */
    id: z.string(),
    name: z.string(),
    regionId: z.string().uuid().nullable(),
    cells: z.array(ZGapCell),
  })
  .openapi('ResourceGapArea');

export const ZBottleneck = z
  .object({
    id: z.string().uuid(),
    regionId: z.string().uuid(),
    regionName: z.string(),
    careItem: z.string().nullable(),
    kind: z.enum(BOTTLENECK_KINDS),
    note: z.string().nullable(),
    createdAt: ZTimestamp,
    createdBy: z.string().nullable(),
    allowed: z.object({ delete: z.boolean() }),
  })
  .openapi('ResourceBottleneck');

export const ZShortage = z
  .object({
    regionId: z.string().uuid(),
    regionName: z.string(),
    careItem: z.string(),
    demand: z.number().int(),
    services: z.number().int(),
    vacancy: z.number().int(),
    demandPerService: z.number(),
    shortfall: z.number().int(),
    rank: z.number().int(),
  })
  .openapi('ResourceShortage');

export const ZGapsResponse = z
  .object({
    /** Care items with any demand or supply, in care-items.json order. */
    careItems: z.array(z.object({ code: z.string(), ja: z.string(), en: z.string() })),
    lifeStages: z.array(z.string()),
    regions: z.array(ZGapArea),
    municipalities: z.array(ZGapArea),
    /** Region × care item pairs with demand, worst first (see shortageRule). */
    shortages: z.array(ZShortage),
    bottlenecks: z.array(ZBottleneck),
    shortageRule: z.object({ ja: z.string(), en: z.string() }),
    /** Children outside the caller's scope are not counted (e.g. withheld consent for municipal staff). */
    generatedAt: ZTimestamp,
  })
  .openapi('ResourceGaps');

export const ZBottlenecksQuery = z.object({ regionId: z.string().uuid().optional() });

export const ZCreateBottleneck = z.object({
  regionId: z.string().uuid(),
  careItem: z.enum(CARE_ITEM_CODES).nullable().optional(),
  kind: z.enum(BOTTLENECK_KINDS),
  note: z.string().trim().max(1000).nullable().optional(),
});

export const ZBottleneckList = z.object({ items: z.array(ZBottleneck) });

// ───────────────────────────── export ─────────────────────────────

export const ZExportQuery = z.object({
  municipalityCode: ZMunicipalityCode.optional(),
  type: z.enum(SERVICE_TYPES).optional(),
});

/** HSDS 3.x-shaped export (GET /export.json). Arrays of HSDS objects; ids are ours. */
export const ZHsdsExport = z
  .object({
    hsds_version: z.string(),
    generated_at: z.string(),
    organizations: z.array(z.record(z.string(), z.unknown())),
    services: z.array(z.record(z.string(), z.unknown())),
    locations: z.array(z.record(z.string(), z.unknown())),
    service_at_locations: z.array(z.record(z.string(), z.unknown())),
    schedules: z.array(z.record(z.string(), z.unknown())),
    service_areas: z.array(z.record(z.string(), z.unknown())),
    attributes: z.array(z.record(z.string(), z.unknown())),
    service_capacities: z.array(z.record(z.string(), z.unknown())),
  })
  .openapi('ResourceHsdsExport');

export type ServiceOut = z.infer<typeof ZService>;
export type ServiceInput = z.infer<typeof ZServiceInput>;
export type ProviderEdit = z.infer<typeof ZServiceProviderEdit>;
export type CareAcceptance = z.infer<typeof ZCareAcceptance>;
export type Schedule = z.infer<typeof ZSchedule>;
