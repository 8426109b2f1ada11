import { z } from '@hono/zod-openapi';
import { CARE_ITEMS } from '../../shared/care-score';
import { CHILD_STATUSES, DEVICE_KINDS, LIFE_STAGES, SEXES } from '../../shared/vocab/registry';
import { parseJapaneseDate } from '../../shared/wareki';

export { CHILD_STATUSES, DEVICE_KINDS, SEXES };

/** Life stages a search may ask for (src/shared/age.ts lifeStage, on today's date in Japan). */
export const LIFE_STAGE_FILTERS = LIFE_STAGES;

/**
 * Orders of the list (an allow-list: each is mapped to SQL in search.ts, never a column name from the
 * request); with `q` and no explicit order, the closest names come first.
 */
export const CHILD_SORTS = [
  'kana',
  'birthDate',
  'sex',
  'municipality',
  'status',
  'careScore',
  'updated',
] as const;
export const SORT_DIRS = ['asc', 'desc'] as const;

/** A date as people type it (ISO, 2019/4/5, 平成31年4月5日, H31.4.5 …), read into ISO; unreadable → 400. */
const zJapaneseDate = z
  .string()
  .trim()
  .max(40)
  .transform((v, ctx) => {
    const iso = parseJapaneseDate(v);
    if (iso === null) {
      ctx.addIssue({ code: 'custom', message: `日付として読めません / not a date: ${v}` });
      return z.NEVER;
    }
    return iso;
  })
  .openapi({ type: 'string', example: '平成31年4月5日' });

const CARE_ITEM_CODES = CARE_ITEMS.map((i) => i.code) as [string, ...string[]];

/** The registry list's filters (also what a saved filter of scope 'registry' holds). */
export const ZChildFilter = z.object({
  /** Name in kanji or kana, variant-tolerant (src/shared/names.ts searchKey). */
  q: z.string().trim().max(100).optional(),
  birthDate: zJapaneseDate.optional(),
  birthFrom: zJapaneseDate.optional(),
  birthTo: zJapaneseDate.optional(),
  municipality: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  region: z.string().uuid().optional(),
  careItem: z.enum(CARE_ITEM_CODES).optional(),
  device: z.enum(DEVICE_KINDS).optional(),
  lifeStage: z.enum(LIFE_STAGE_FILTERS).optional(),
  status: z.enum(CHILD_STATUSES).optional(),
  sort: z.enum(CHILD_SORTS).optional(),
  /** Direction of `sort` (ascending unless asked). */
  dir: z.enum(SORT_DIRS).optional(),
});

export const ZListChildrenQuery = ZChildFilter.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

export const ZChildSummary = z
  .object({
    id: z.string().uuid(),
    familyName: z.string(),
    givenName: z.string(),
    familyKana: z.string(),
    givenKana: z.string(),
    birthDate: z.string().openapi({ example: '2019-04-05' }),
    sex: z.enum(SEXES),
    municipalityCode: z.string(),
    municipalityName: z.string(),
    status: z.enum(CHILD_STATUSES),
    careScore: z.number().int().nullable(),
    careTier: z.number().int().nullable(),
    version: z.number().int(),
  })
  .openapi('ChildSummary');

/** A row of the list: the summary and when the record was last changed (ISO timestamp). */
export const ZChildListItem = ZChildSummary.extend({ updatedAt: z.string() }).openapi('ChildListItem');

export const ZListChildrenResponse = z
  .object({
    items: z.array(ZChildListItem),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** Children in the user's area whose records are withheld (no consent to share): counted, never listed. */
    withheld: z.number().int(),
  })
  .openapi('ListChildrenResponse');

// ZChildDetail (GET /{id}) is in schemas-detail.ts.
