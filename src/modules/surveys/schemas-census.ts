import { z } from '@hono/zod-openapi';

/** Requests and answers of a municipal survey's count of children reviewed against the census (census-counts.ts). */

const zNendo = z.number().int().min(2000).max(2100).openapi({ example: 2025 });

export const ZCensusCountsQuery = z.object({
  /** The 年度 the figures are for; the current 年度 when left out. */
  nendo: z.coerce.number().int().min(2000).max(2100).optional(),
});

const ZReportedNow = z.object({
  count: z.number().int(),
  version: z.number().int(),
  surveyId: z.string().nullable(),
  answerId: z.string().nullable(),
  appliedAt: z.string(),
});

export const ZCensusCount = z.object({
  answerId: z.string(),
  respondent: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  submittedAt: z.string().nullable(),
  /** The answer's figure: a whole number of zero or more, else null with the reason. */
  figure: z.number().int().nullable(),
  problem: z.enum(['not_answered', 'not_whole']).nullable(),
  /** Children the 年度's run counts in the municipality; null without a linked run. */
  linked: z.number().int().nullable(),
  /** The municipality's census sources, each with its figure for the 年度 as kept now. */
  sources: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      reported: ZReportedNow.nullable(),
      /** new: no figure yet; applied: this answer's figure is the source's; differs: another figure. */
      state: z.enum(['new', 'applied', 'differs']),
    }),
  ),
  /** The linked count less the answer's figure. */
  gap: z.number().int().nullable(),
  canApply: z.boolean(),
});

export const ZCensusCounts = z
  .object({
    /** The survey's count-of-children question; null when it has none (or is anonymous). */
    question: z.object({ id: z.string(), title: z.string() }).nullable(),
    nendo: z.number().int(),
    /** The run whose counts are shown: the 年度's last published one, else its newest linked one. */
    run: z.object({ id: z.string(), status: z.string() }).nullable(),
    items: z.array(ZCensusCount),
  })
  .openapi('SurveyCensusCounts');

export const ZApplyCensusRequest = z.object({
  nendo: zNendo,
  /** The census source of the answer's municipality that receives the figure. */
  sourceId: z.string().uuid(),
  /** The source's figure's version as read; null when it had none (409 when it moved). */
  version: z.number().int().min(1).nullable(),
});
