import { z } from '@hono/zod-openapi';

const zIsoDate = z.iso.date().openapi({ example: '2027-05-06' });

export const ZClosuresQuery = z.object({
  prefecture: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .openapi({ description: 'Tenant prefecture code; required for system administrators.', example: '14' }),
  year: z.coerce.number().int().min(2000).max(2050).optional(),
});

export const ZClosure = z.object({
  id: z.string(),
  closedOn: z.string(),
  label: z.string(),
  createdAt: z.string(),
});

export const ZClosuresResponse = z.object({
  year: z.number().int(),
  /** Japan's public holidays of the year (from the bundled holiday data). */
  holidays: z.array(z.object({ date: z.string(), ja: z.string(), en: z.string() })),
  /** The prefecture's extra closed days of the year. */
  closures: z.array(ZClosure),
  /** The caller may add and remove closures (the prefecture's administrators). */
  canManage: z.boolean(),
});

export const ZAddClosureRequest = z
  .object({
    closedOn: zIsoDate,
    label: z.string().trim().min(1).max(100),
  })
  .strict();

export const ZRemoveClosureQuery = ZClosuresQuery.pick({ prefecture: true }).extend({ on: zIsoDate });
