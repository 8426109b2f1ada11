import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import { isIsoDate } from '../../shared/dates';
import { ENGAGEMENT_KINDS } from '../../shared/vocab/engagements';
import {
  ALL_MATURITY_OPTIONS,
  ALL_MATURITY_STATUSES,
  FACT_SOURCES,
  MATURITY_BANDS,
  MATURITY_ITEMS,
} from '../../shared/vocab/municipalities';
import { DIVISIONS } from '../../shared/vocab/network';

const ZDate = z.string().refine(isIsoDate, { message: '日付は YYYY-MM-DD で / A date as YYYY-MM-DD' });
const ZItem = z.enum(MATURITY_ITEMS);
const ZStatus = z.enum(ALL_MATURITY_STATUSES as unknown as [string, ...string[]]);
const ZBand = z.enum(MATURITY_BANDS);

export const ZCodeParam = z.object({
  code: z.string().openapi({ param: { name: 'code', in: 'path' }, example: '142051' }),
});
export const ZItemParam = ZCodeParam.extend({
  item: z.string().openapi({ param: { name: 'item', in: 'path' }, example: 'coordinator' }),
});
export const ZDivisionParam = ZCodeParam.extend({
  division: z.string().openapi({ param: { name: 'division', in: 'path' }, example: 'education' }),
});
export const ZNendoQuery = z.object({ nendo: z.coerce.number().int().min(2000).max(2200).optional() });
export const ZOverviewExportQuery = ZNendoQuery.extend({ lang: z.enum(['ja', 'en']).default('ja') });
export const ZHistoryQuery = z.object({
  subject: z.enum(['maturity', 'contact']).optional(),
  item: z.string().max(40).optional(),
});

/** Who changed something, as the page names them. */
const ZChangedBy = z.object({ name: z.string(), role: z.string() });

export const ZMaturityValue = z
  .object({
    item: ZItem,
    status: z.string(),
    options: z.array(z.string()),
    note: z.string().nullable(),
    source: z.enum(FACT_SOURCES),
    sourceNote: z.string().nullable(),
    asOf: z.string(),
    updatedAt: z.string(),
    updatedBy: ZChangedBy,
    version: z.number().int(),
  })
  .openapi('MunicipalMaturityValue');

export const ZContact = z
  .object({
    division: z.enum(DIVISIONS),
    sectionName: z.string(),
    personName: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    note: z.string().nullable(),
    source: z.enum(FACT_SOURCES),
    sourceNote: z.string().nullable(),
    asOf: z.string(),
    updatedAt: z.string(),
    updatedBy: ZChangedBy,
    version: z.number().int(),
  })
  .openapi('MunicipalContact');

/** A municipality's maturity in one 年度: each item's status then (null: not recorded) and the band. */
export const ZMaturityYear = z.object({
  nendo: z.number().int(),
  items: z.record(z.string(), z.string().nullable()),
  inPlace: z.number().int(),
  underWay: z.number().int(),
  recorded: z.number().int(),
  band: ZBand,
});

const ZMunicipality = z.object({
  code: z.string(),
  name: z.string(),
  kana: z.string(),
  kind: z.string(),
  regionId: z.string().nullable(),
  regionName: z.string().nullable(),
  regionNameEn: z.string().nullable(),
});

export const ZOverview = z
  .object({
    nendo: z.number().int(),
    /** The 年度 shown side by side, oldest first (the previous and the asked one). */
    nendos: z.array(z.number().int()),
    canEdit: z.boolean(),
    rows: z.array(ZMunicipality.extend({ years: z.array(ZMaturityYear) })),
    /** Per 年度: how many municipalities are at each status of each item, and in each band (KA-5's counts). */
    totals: z.array(
      z.object({
        nendo: z.number().int(),
        byItem: z.array(z.object({ item: ZItem, counts: z.record(z.string(), z.number().int()) })),
        byBand: z.record(z.string(), z.number().int()),
      }),
    ),
  })
  .openapi('MunicipalOverview');

export const ZPage = z
  .object({
    municipality: ZMunicipality,
    canEdit: z.boolean(),
    nendo: z.number().int(),
    summary: z.object({ current: ZMaturityYear, previous: ZMaturityYear }),
    maturity: z.array(z.object({ item: ZItem, current: ZMaturityValue.nullable() })),
    contacts: z.array(z.object({ division: z.enum(DIVISIONS), current: ZContact.nullable() })),
    /** The last engagement and the next four-division meeting due (engagements module); null without access. */
    engagement: z
      .object({
        lastEngagement: z.object({ date: z.string(), kind: z.enum(ENGAGEMENT_KINDS) }).nullable(),
        nextDue: z.string().nullable(),
        overdue: z.boolean(),
      })
      .nullable(),
  })
  .openapi('MunicipalPage');

const ZCount = z.object({ key: z.string(), count: z.number().int() });

export const ZFigures = z
  .object({
    nendo: z.number().int(),
    children: z
      .object({
        total: z.number().int(),
        byLifeStage: z.array(ZCount),
        byCareItem: z.array(ZCount),
        /** Children of the municipality the reader may not see for want of the guardian's consent (count only). */
        withheld: z.number().int(),
      })
      .nullable(),
    consultations: z
      .object({
        years: z.array(
          z.object({
            nendo: z.number().int(),
            total: z.number().int(),
            municipalFirst: z.number().int(),
            share: z.number().nullable(),
          }),
        ),
      })
      .nullable(),
    gaps: z
      .object({
        items: z.array(
          z.object({ careItem: z.string(), demand: z.number().int(), services: z.number().int() }),
        ),
        bottlenecks: z.array(
          z.object({
            kind: z.string(),
            careItem: z.string().nullable(),
            note: z.string().nullable(),
            createdAt: z.string(),
          }),
        ),
      })
      .nullable(),
    coordinators: z.object({ trained: z.number().int(), active: z.number().int() }),
    census: z
      .object({ nendo: z.number().int(), missing: z.number().int(), conflicts: z.number().int() })
      .nullable(),
    /** Disaster readiness of the municipality's electricity-dependent children (disaster/coverage.ts), counts only. */
    disaster: z.object({
      electricityDependent: z.number().int(),
      agreedPlan: z.number().int(),
      onMeibo: z.number().int(),
      consented: z.number().int(),
      lastReviewedOn: z.string().nullable(),
    }),
    /** When the figures were counted: each server keeps them for a minute (figures-cache.ts). */
    asOf: z.string().datetime({ offset: true }),
  })
  .openapi('MunicipalFigures');

export const ZHistoryEntry = z
  .object({
    id: z.number().int(),
    subject: z.enum(['maturity', 'contact']),
    item: z.string(),
    status: z.string().nullable(),
    options: z.array(z.string()),
    contact: z
      .object({
        sectionName: z.string(),
        personName: z.string().nullable(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
      })
      .nullable(),
    note: z.string().nullable(),
    source: z.enum(FACT_SOURCES),
    sourceNote: z.string().nullable(),
    asOf: z.string(),
    version: z.number().int(),
    changedAt: z.string(),
    changedBy: ZChangedBy,
  })
  .openapi('MunicipalHistoryEntry');
export const ZHistory = z.object({ entries: z.array(ZHistoryEntry) }).openapi('MunicipalHistory');

const ZSource = {
  source: z.enum(FACT_SOURCES),
  sourceNote: z.string().trim().max(200).nullable().optional(),
  asOf: ZDate,
  /** The version read: 0 when nothing was recorded yet. */
  version: z.number().int().min(0),
};

export const ZMaturityUpdate = z
  .object({
    status: ZStatus,
    options: z
      .array(z.enum(ALL_MATURITY_OPTIONS as unknown as [string, ...string[]]))
      .max(10)
      .default([]),
    note: multilineText(1000).nullable().optional(),
    ...ZSource,
  })
  .openapi('MunicipalMaturityUpdate');

export const ZContactUpdate = z
  .object({
    sectionName: z.string().trim().min(1).max(100),
    personName: z.string().trim().max(100).nullable().optional(),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^[0-9０-９+\-－()（） 内線ext.]*$/u, {
        message: '電話番号は数字とハイフンで / Digits and hyphens only',
      })
      .nullable()
      .optional(),
    email: z.string().trim().email().max(200).nullable().optional().or(z.literal('')),
    note: multilineText(1000).nullable().optional(),
    ...ZSource,
  })
  .openapi('MunicipalContactUpdate');
