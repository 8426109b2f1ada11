import { z } from '@hono/zod-openapi';
import { CENSUS_FIELDS, SOURCE_TYPES } from '../../shared/vocab/census';

/**
 * The census API's contract (also the OpenAPI document and the web client's types). Sources and imports are
 * served by routes-imports.ts, linkage runs, review and results by routes-runs.ts.
 */

export { CENSUS_FIELDS, SOURCE_TYPES };

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;

const ZBilingual = z.object({ code: z.string(), ja: z.string(), en: z.string() });
const ZTimestamp = z.string().openapi({ example: '2026-11-26T01:23:45.000Z' });

/** A background job as the screens poll it (GET /api/census/jobs/{id}). */
export const ZJob = z
  .object({
    id: z.string().uuid(),
    kind: z.string(),
    status: z.enum(JOB_STATUSES),
    /** 0–1 */
    progress: z.number(),
    /** 'reading' | 'writing' | 'loading' | 'linking' | 'reviewing' … translated by the screens. */
    phase: z.string().nullable(),
    error: ZBilingual.nullable(),
    createdAt: ZTimestamp,
    startedAt: ZTimestamp.nullable(),
    finishedAt: ZTimestamp.nullable(),
  })
  .openapi('CensusJob');

/** `?nendo=` of lists and runs: the 年度 (April–March) by its starting year. */
export const ZNendoQuery = z.object({ nendo: z.coerce.number().int().min(2000).max(2100) });

/** Header (normalised) → field or null (ignored). */
export const ZMapping = z.record(z.string(), z.enum(CENSUS_FIELDS).nullable());

export const ZSource = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    sourceType: z.enum(SOURCE_TYPES),
    municipalityCode: z.string().nullable(),
    municipalityName: z.string().nullable(),
    mapping: ZMapping,
    version: z.number().int(),
  })
  .openapi('CensusSource');

export const ZCreateSource = z.object({
  name: z.string().trim().min(1).max(100),
  sourceType: z.enum(SOURCE_TYPES),
  municipalityCode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable()
    .optional(),
});

export const ZUpdateSourceMapping = z.object({ mapping: ZMapping, version: z.number().int() });

/** A row problem (row 0 = the whole file). `severity: 'error'` blocks the import; warnings are kept. */
export const ZRowIssue = z
  .object({
    row: z.number().int(),
    column: z.string().nullable(),
    severity: z.enum(['error', 'warning']),
    ja: z.string(),
    en: z.string(),
  })
  .openapi('CensusRowIssue');

/** One normalised record (preview rows, review pairs, discrepancy lists). */
export const ZCensusRow = z
  .object({
    row: z.number().int(),
    name: z.string().nullable(),
    kana: z.string().nullable(),
    birthDate: z.string().nullable(),
    sex: z.enum(['female', 'male']).nullable(),
    address: z.string().nullable(),
    municipalityCode: z.string().nullable(),
    municipalityName: z.string().nullable(),
    school: z.string().nullable(),
    grade: z.string().nullable(),
    careItems: z.array(z.string()),
    /** 訪問教育 / 夜間ケア as the list says (ME-3); null when it does not say */
    homeVisitEducation: z.boolean().nullable(),
    nightCare: z.boolean().nullable(),
  })
  .openapi('CensusRow');

/** POST /imports/preview: nothing is stored. */
export const ZImportPreview = z
  .object({
    fileName: z.string(),
    encoding: z.string().nullable(),
    sha256: z.string(),
    columns: z.array(
      z.object({
        header: z.string(),
        /** normalised header: the key of the mapping */
        key: z.string(),
        field: z.enum(CENSUS_FIELDS).nullable(),
        samples: z.array(z.string()),
      }),
    ),
    rows: z.array(ZCensusRow),
    rowCount: z.number().int(),
    issues: z.array(ZRowIssue),
    errorCount: z.number().int(),
    warningCount: z.number().int(),
    /** true when no error blocks the import */
    canImport: z.boolean(),
    /** data rows with an error: left out by an import of the good rows only */
    rejectedRowCount: z.number().int(),
    /** rows an import of the good rows only would take */
    goodRowCount: z.number().int(),
    /** the file reads and at least one row is good */
    canImportGoodRows: z.boolean(),
    /** An import of the same bytes for this source and 年度 already exists. */
    duplicateOf: z.string().uuid().nullable(),
  })
  .openapi('CensusImportPreview');

export const IMPORT_STATUSES = ['queued', 'running', 'imported', 'failed'] as const;

export const ZImportSummary = z
  .object({
    id: z.string().uuid(),
    nendo: z.number().int(),
    sourceId: z.string().uuid(),
    sourceName: z.string(),
    sourceType: z.enum(SOURCE_TYPES),
    fileName: z.string(),
    status: z.enum(IMPORT_STATUSES),
    rowCount: z.number().int().nullable(),
    issueCount: z.number().int().nullable(),
    /** rows left out because they had errors (an import of the good rows only); null when none was */
    rejectedCount: z.number().int().nullable(),
    createdAt: ZTimestamp,
    supersededAt: ZTimestamp.nullable(),
    job: ZJob.nullable(),
  })
  .openapi('CensusImport');

export const ZImportDetail = ZImportSummary.extend({ issues: z.array(ZRowIssue) }).openapi(
  'CensusImportDetail',
);

/** POST /imports answers 202 with the import; `created: false` when the same file was imported before. */
export const ZCreateImportResponse = z.object({ import: ZImportSummary, created: z.boolean() });

/** How the records became the children counted (breakdown.ts); the run list and the results show it alike. */
export const ZCountBreakdown = z
  .object({
    listRecords: z.number().int(),
    registryRecords: z.number().int(),
    records: z.number().int(),
    merged: z.number().int(),
    people: z.number().int(),
    excluded: z.object({
      deceased: z.number().int(),
      movedOut: z.number().int(),
      adultServices: z.number().int(),
    }),
    children: z.number().int(),
  })
  .openapi('CensusCountBreakdown');

export const RUN_STATUSES = ['queued', 'running', 'linked', 'failed', 'published'] as const;

export const ZRunSummary = z
  .object({
    id: z.string().uuid(),
    nendo: z.number().int(),
    status: z.enum(RUN_STATUSES),
    recordCount: z.number().int().nullable(),
    clusterCount: z.number().int().nullable(),
    /** null until the run is linked (and for runs linked before breakdowns were kept) */
    breakdown: ZCountBreakdown.nullable(),
    pendingReviews: z.number().int(),
    decidedReviews: z.number().int(),
    createdAt: ZTimestamp,
    publishedAt: ZTimestamp.nullable(),
    pushedAt: ZTimestamp.nullable(),
    job: ZJob.nullable(),
  })
  .openapi('CensusRun');

export const ZCreateRun = z.object({ nendo: z.number().int().min(2000).max(2100) });

/** A member of a run: a list's record, or a registry child taking part as one more list. */
export const ZMember = ZCensusRow.extend({
  idx: z.number().int(),
  kind: z.enum(['record', 'registry']),
  sourceName: z.string(),
  sourceType: z.enum([...SOURCE_TYPES, 'registry']),
  fileName: z.string().nullable(),
  childId: z.string().uuid().nullable(),
}).openapi('CensusMember');

export const ZExplanation = z
  .object({
    prior: z.number(),
    total: z.number(),
    fields: z.array(
      z.object({
        field: z.string(),
        level: z.string(),
        m: z.number().nullable(),
        u: z.number().nullable(),
        bits: z.number(),
      }),
    ),
    /** Name-frequency adjustments; `note` in English, `noteJa` in Japanese. */
    adjustments: z.array(
      z.object({ field: z.string(), bits: z.number(), note: z.string(), noteJa: z.string().optional() }),
    ),
  })
  .openapi('CensusExplanation');

export const ZReviewPair = z
  .object({
    id: z.string().uuid(),
    weight: z.number(),
    status: z.enum(['pending', 'same', 'different']),
    reused: z.boolean(),
    guard: z.enum(['twin', 'names']).nullable(),
    a: ZMember,
    b: ZMember,
    explanation: ZExplanation,
  })
  .openapi('CensusReviewPair');

export const ZReviewQuery = z.object({
  status: z.enum(['pending', 'decided']).default('pending'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ZReviewList = z.object({
  items: z.array(ZReviewPair),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZDecidePair = z.object({ decision: z.enum(['same', 'different']) });

export const ZDecideResponse = z.object({ pair: ZReviewPair, run: ZRunSummary });

const ZCount = z.object({ key: z.string(), label: z.string(), labelEn: z.string(), count: z.number().int() });

/** A municipality's reported figure for the 年度 (reported.ts) beside the children the run counts there. */
export const ZReportedCount = z.object({
  municipalityCode: z.string(),
  label: z.string(),
  labelEn: z.string(),
  linked: z.number().int(),
  reported: z.number().int(),
  /** linked − reported: the gap the feedback to the municipality explains (ME-3) */
  gap: z.number().int(),
  sources: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      count: z.number().int(),
      surveyId: z.string().nullable(),
      appliedAt: z.string(),
    }),
  ),
});

export const ZRunResults = z
  .object({
    runId: z.string().uuid(),
    nendo: z.number().int(),
    children: z.number().int(),
    records: z.number().int(),
    breakdown: ZCountBreakdown,
    /** children whose lists say 訪問教育 / 夜間ケア (ME-3) */
    homeVisitEducation: z.number().int(),
    nightCare: z.number().int(),
    byMunicipality: z.array(ZCount),
    byRegion: z.array(ZCount),
    /** age bands on 1 April of the 年度: 0–2, 3–5 (未就学), 6–11, 12–14, 15–17, 18+ */
    byAgeBand: z.array(ZCount),
    byCareItem: z.array(ZCount),
    bySchoolType: z.array(ZCount),
    /** which combination of source types found each child, e.g. key 'education_board+maternal_child_health' */
    bySources: z.array(ZCount),
    change: z
      .object({
        previousRunId: z.string().uuid(),
        previousNendo: z.number().int(),
        continuing: z.number().int(),
        new: z.number().int(),
        moved: z.number().int(),
        agedOut: z.number().int(),
        deceased: z.number().int(),
        notFound: z.number().int(),
      })
      .nullable(),
    /** municipalities whose census sources report a figure of their own for the 年度 (from a municipal survey) */
    reported: z.array(ZReportedCount).optional(),
  })
  .openapi('CensusResults');

export const DISCREPANCY_KINDS = ['missing', 'birth_date', 'sex', 'residence'] as const;

export const ZDiscrepancy = z
  .object({
    kind: z.enum(DISCREPANCY_KINDS),
    cluster: z.number().int(),
    /** the municipality's own record (null for 'missing') */
    own: ZMember.nullable(),
    others: z.array(ZMember),
  })
  .openapi('CensusDiscrepancy');

export const ZDiscrepancySummary = z.object({
  municipalities: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      missing: z.number().int(),
      conflicts: z.number().int(),
    }),
  ),
});

export const ZDiscrepancyList = z.object({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  items: z.array(ZDiscrepancy),
});

export const ZPushResponse = z.object({
  created: z.number().int(),
  confirmed: z.number().int(),
  skipped: z.array(z.object({ cluster: z.number().int(), ja: z.string(), en: z.string() })),
  run: ZRunSummary,
});
