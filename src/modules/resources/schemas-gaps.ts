import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import { CARE_ITEM_CODES } from '../../shared/vocab/care-items';
import { BOTTLENECK_KINDS } from '../../shared/vocab/resources';
import { ZTimestamp } from './schemas-common';

/** Supply/demand gaps and qualitative bottlenecks (/api/resources/gaps, /api/resources/bottlenecks). */

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
  note: multilineText(1000).nullable().optional(),
});

export const ZBottleneckList = z.object({ items: z.array(ZBottleneck) });
