import { z } from '@hono/zod-openapi';
import { REPORT_SECTIONS } from '../../shared/vocab/activity-report';

export const ZReportQuery = z.object({
  fiscalYear: z.coerce.number().int().min(2000).max(2100),
  centreId: z.string().uuid().optional(),
  format: z.enum(['json', 'xlsx']).default('json'),
  lang: z.enum(['ja', 'en']).default('ja'),
});

const ZLabel = z.object({ ja: z.string(), en: z.string() });

export const ZReportSection = z.object({
  key: z.enum(REPORT_SECTIONS),
  title: ZLabel,
  note: ZLabel,
  available: z.boolean(),
  figures: z.array(
    z.object({
      key: z.string(),
      label: ZLabel,
      value: z.number().nullable(),
      format: z.enum(['count', 'percent', 'hours']),
    }),
  ),
  tables: z.array(
    z.object({
      key: z.string(),
      title: ZLabel,
      rows: z.array(z.object({ key: z.string(), label: ZLabel, count: z.number().int() })),
    }),
  ),
});

export const ZActivityReport = z
  .object({
    fiscalYear: z.number().int(),
    label: z.object({ wareki: z.string(), seireki: z.string(), en: z.string() }),
    range: z.object({ start: z.string(), end: z.string() }),
    prefecture: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }),
    area: z.object({
      kind: z.enum(['prefecture', 'branch', 'region']),
      id: z.string().nullable(),
      name: z.string().nullable(),
      nameEn: z.string().nullable(),
    }),
    generatedAt: z.string(),
    sections: z.array(ZReportSection),
  })
  .openapi('ActivityReport');

export type ActivityReportOut = z.infer<typeof ZActivityReport>;
