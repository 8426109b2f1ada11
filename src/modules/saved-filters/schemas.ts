import { z } from '@hono/zod-openapi';
import { ZChildFilter } from '../registry/schemas';

/**
 * What each list that offers saved filters accepts: a saved filter is validated against its list's own
 * query schema, so it can always be replayed. Add a list here to give it saved filters.
 */
export const SAVED_FILTER_SCHEMAS = {
  registry: ZChildFilter,
} as const satisfies Record<string, z.ZodType>;

export const SAVED_FILTER_SCOPES = Object.keys(SAVED_FILTER_SCHEMAS) as [keyof typeof SAVED_FILTER_SCHEMAS];
export type SavedFilterScope = keyof typeof SAVED_FILTER_SCHEMAS;

/** The most filters one user may keep per list. */
export const MAX_SAVED_FILTERS = 100;

/**
 * A saved filter as its list's query gives it: parameter → value. The route checks it against the list's own
 * schema (SAVED_FILTER_SCHEMAS) and stores what that schema gives back (dates in ISO, unknown keys dropped).
 */
export const ZFilterValues = z
  .record(z.string().max(50), z.union([z.string().max(200), z.number(), z.boolean()]))
  .openapi('FilterValues', { example: { careItem: 'ventilator', municipality: '141003' } });

export type FilterValues = z.infer<typeof ZFilterValues>;

export const ZListSavedFiltersQuery = z.object({ scope: z.enum(SAVED_FILTER_SCOPES).default('registry') });

export const ZCreateSavedFilterRequest = z
  .object({
    scope: z.enum(SAVED_FILTER_SCOPES),
    name: z.string().trim().min(1).max(100),
    filter: ZFilterValues,
  })
  .openapi('CreateSavedFilterRequest');

export const ZSavedFilter = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    filter: ZFilterValues,
    createdAt: z.string(),
  })
  .openapi('SavedFilter');

export const ZListSavedFiltersResponse = z.array(ZSavedFilter).openapi('ListSavedFiltersResponse');

export const ZDeleteSavedFilterResponse = z
  .object({ ok: z.literal(true) })
  .openapi('DeleteSavedFilterResponse');
