import { z } from '@hono/zod-openapi';
import { WATCH_LEVELS, type WatchLevel } from '../../shared/care-score';

/** At most this many items per request (the table has 20 rows). */
export const MAX_CARE_ITEMS = 50;

const ZWatchLevel = z
  .enum(WATCH_LEVELS as [WatchLevel, ...WatchLevel[]])
  .openapi({ description: '見守りスコアの区分 / watch level; absent = low (0 points)', example: 'high' });

export const ZCareScoreRequest = z
  .strictObject({
    items: z
      .array(
        z.strictObject({
          code: z.string().min(1).max(64).openapi({ example: 'ventilator' }),
          watch: ZWatchLevel.optional(),
        }),
      )
      .max(MAX_CARE_ITEMS),
  })
  .openapi('CareScoreRequest', {
    example: {
      items: [
        { code: 'ventilator', watch: 'high' },
        { code: 'tracheostomy', watch: 'high' },
        { code: 'suction', watch: 'high' },
        { code: 'tube_feeding_gastric' },
      ],
    },
  });

export const ZCareScoreResponse = z
  .object({
    total: z.number().int().openapi({ example: 37 }),
    tier: z.number().int().min(0).max(3).openapi({ description: '0 = below tier 1', example: 3 }),
    breakdown: z.array(
      z.object({
        code: z.string(),
        base: z.number().int(),
        watch: z.number().int(),
        rule: z.string().optional().openapi({ description: 'the special rule that changed this line' }),
      }),
    ),
    version: z.string().openapi({ description: 'version of the table used', example: 'R3' }),
  })
  .openapi('CareScoreResponse');

const ZPoints = z.number().int();

export const ZCareItemsResponse = z
  .object({
    name: z.string(),
    version: z.string(),
    source: z.string(),
    watchLevels: z.object({ high: z.string(), mid: z.string(), low: z.string() }),
    items: z.array(
      z.object({
        no: z.number().int(),
        code: z.string(),
        group: z.string().optional(),
        ja: z.string(),
        en: z.string(),
        base: ZPoints,
        watch: z.object({ high: ZPoints.optional(), mid: ZPoints.optional(), low: ZPoints.optional() }),
        verified: z.boolean(),
      }),
    ),
    rules: z.array(z.object({ id: z.string(), ja: z.string(), en: z.string(), verified: z.boolean() })),
    tiers: z.object({
      note: z.string(),
      thresholds: z.array(z.object({ tier: z.number().int(), min: z.number().int() })),
    }),
  })
  .openapi('CareItemsResponse');
