import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import { CARE_ITEM_CODES } from '../../shared/vocab/care-items';
import { LIFE_STAGES } from '../../shared/vocab/registry';
import { BOTTLENECK_KINDS, GAP_LEVELS, GAP_NEEDS } from '../../shared/vocab/resources';
import { ZTimestamp } from './schemas-common';

/** Supply/demand gaps and qualitative bottlenecks (/api/resources/gaps, /api/resources/bottlenecks). */

// ───────────────────────────── gaps and bottlenecks ─────────────────────────────

export const ZGapsQuery = z.object({ regionId: z.string().uuid().optional() });

const ZGapLevel = z.enum(GAP_LEVELS);

/** One life stage of a cell: its children against the services counted for them (gap-rule.ts). */
export const ZStageGap = z
  .object({
    stage: z.enum(LIFE_STAGES),
    demand: z.number().int(),
    services: z.number().int(),
    /** The largest of its needs' shortages. */
    shortage: z.number().int(),
    /** Each need (day, visit, short stay) on its own: services counted, places given, children beyond them. */
    needs: z.array(
      z.object({
        need: z.enum(GAP_NEEDS),
        services: z.number().int(),
        places: z.number().int(),
        shortage: z.number().int(),
      }),
    ),
    /** Counted services by type, most first: who counts. */
    byType: z.array(z.object({ type: z.string(), services: z.number().int() })),
  })
  .openapi('ResourceStageGap');

/** One care item in one area: demand (children needing it, by life stage) against supply by the one rule. */
export const ZGapCell = z
  .object({
    careItem: z.string(),
    demand: z.number().int(),
    /** Children by life stage (src/shared/age.ts lifeStage today): infant, preschool, elementary … */
    demandByStage: z.record(z.string(), z.number().int()),
    /** Counted services (gap-rule.ts) for the stages of the children counted; for any stage without children. */
    services: z.number().int(),
    /** 定員 and 空き of those services where known; capacityUnknown of them state no 定員. */
    capacity: z.number().int(),
    vacancy: z.number().int(),
    capacityUnknown: z.number().int(),
    places: z.number().int(),
    /** Children beyond what the counted services can carry, stage by stage; never negative. */
    shortage: z.number().int(),
    /** Children of a stage with no counted service at all. */
    uncovered: z.number().int(),
    level: ZGapLevel,
    /** The stages with children, each with who counts. */
    stages: z.array(ZStageGap),
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
    places: z.number().int(),
    shortage: z.number().int(),
    uncovered: z.number().int(),
    level: ZGapLevel,
    rank: z.number().int(),
  })
  .openapi('ResourceShortage');

/** MI-4: per life stage, services anyone can use against those accepting each care item. */
export const ZLifeStageSupply = z
  .object({
    /** 'all' for the prefecture, else the region's id. */
    id: z.string(),
    name: z.string(),
    stages: z.array(
      z.object({
        stage: z.enum(LIFE_STAGES),
        /** Children of the stage with any care item (distinct). */
        children: z.number().int(),
        /** Counted services open to the stage's ages, whatever they accept. */
        all: z.number().int(),
        /** Of those, accepting at least one care item. */
        anyCare: z.number().int(),
        /** Of those, accepting each care item. */
        accepting: z.record(z.string(), z.number().int()),
        types: z.array(
          z.object({
            type: z.string(),
            all: z.number().int(),
            anyCare: z.number().int(),
            accepting: z.record(z.string(), z.number().int()),
          }),
        ),
      }),
    ),
  })
  .openapi('ResourceLifeStageSupply');

export const ZGapsResponse = z
  .object({
    /** Care items with any demand or supply, in care-items.json order. */
    careItems: z.array(z.object({ code: z.string(), ja: z.string(), en: z.string() })),
    lifeStages: z.array(z.string()),
    regions: z.array(ZGapArea),
    municipalities: z.array(ZGapArea),
    /** Region × care item pairs with a shortage, largest first (see shortageRule). */
    shortages: z.array(ZShortage),
    /** Region × care item pairs with demand and no shortage (not listed). */
    satisfied: z.number().int(),
    lifeStageView: z.array(ZLifeStageSupply),
    /** The rule as data: the 目安 per service and, per life stage, its ages and the service types counted. */
    rule: z.object({
      /** Per need: children one service carries, and how its 定員 is used (at most / one per bed / ignored). */
      places: z.array(
        z.object({
          need: z.enum(GAP_NEEDS),
          perService: z.number().int(),
          capacity: z.enum(['atMost', 'perBed', 'ignored']),
        }),
      ),
      stages: z.array(
        z.object({
          stage: z.enum(LIFE_STAGES),
          minAge: z.number().int(),
          maxAge: z.number().int().nullable(),
          types: z.array(z.string()),
          needs: z.array(z.object({ need: z.enum(GAP_NEEDS), types: z.array(z.string()) })),
        }),
      ),
    }),
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
