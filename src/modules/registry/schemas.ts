import { z } from '@hono/zod-openapi';

export const CHILD_STATUSES = ['at_home', 'in_hospital', 'moved_out', 'adult_services', 'deceased'] as const;
export const SEXES = ['female', 'male', 'unknown'] as const;

export const ZListChildrenQuery = z.object({
  q: z.string().trim().max(100).optional(),
  municipality: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  status: z.enum(CHILD_STATUSES).optional(),
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
    version: z.number().int(),
  })
  .openapi('ChildSummary');

export const ZListChildrenResponse = z
  .object({
    items: z.array(ZChildSummary),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('ListChildrenResponse');

export const ZChildDetail = ZChildSummary.extend({
  affiliations: z.array(
    z.object({
      organisationId: z.string().uuid(),
      organisationName: z.string(),
      kind: z.string(),
      startedOn: z.string(),
      endedOn: z.string().nullable(),
    }),
  ),
}).openapi('ChildDetail');
