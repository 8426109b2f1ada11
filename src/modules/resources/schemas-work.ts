import { z } from '@hono/zod-openapi';
import { SERVICE_TYPES } from '../../shared/vocab/resources';
import { ZMunicipalityCode, ZTimestamp } from './schemas-common';
import { ZProviderLink } from './schemas-service';

/** Staff work contract (/api/resources): re-confirmation rounds, open-data import, exports. */

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
    /** The listing's last confirmation of any kind (before or during the round). */
    lastConfirmedAt: ZTimestamp.nullable(),
  })
  .openapi('ResourceRoundItem');

/** Orders of a round's listings (an allow-list mapped to SQL in rounds.ts). */
export const ROUND_ITEM_SORTS = [
  'name',
  'organization',
  'type',
  'municipality',
  'confirmed',
  'linkExpires',
  'lastConfirmed',
] as const;
export type RoundItemSort = (typeof ROUND_ITEM_SORTS)[number];

/** GET /rounds/{id}: the order of the listings (default: municipality, then name). */
export const ZRoundDetailQuery = z.object({
  sort: z.enum(ROUND_ITEM_SORTS).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
});

export const ZRoundDetail = ZRound.extend({ items: z.array(ZRoundItem) }).openapi('ResourceRoundDetail');

/** POST /rounds creates the round and a link per active service: the links are shown this once. */
export const ZCreateRoundResponse = z.object({ round: ZRound, links: z.array(ZProviderLink) });

/**
 * How POST /rounds and POST /rounds/{id}/reminders answer the links: JSON (default), or a file for mail merge —
 * .xlsx, or CSV in CP932 (Shift_JIS) — with headings in `lang`.
 */
export const ZIssueLinksQuery = z.object({
  format: z.enum(['json', 'xlsx', 'csv']).default('json'),
  lang: z.enum(['ja', 'en']).default('ja'),
});

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

// ───────────────────────────── export ─────────────────────────────

export const ZExportQuery = z.object({
  municipalityCode: ZMunicipalityCode.optional(),
  type: z.enum(SERVICE_TYPES).optional(),
});
