import { z } from '@hono/zod-openapi';
import { CARE_ITEM_CODES } from '../../shared/vocab/care-items';
import { ACCEPTANCES, CONFIRMATION_KINDS, WEEKDAYS } from '../../shared/vocab/resources';

/** Shared pieces of the resources contract: timestamps, codes, care acceptance, schedules, locations. */

export const ZTimestamp = z.string().openapi({ example: '2026-11-26T01:23:45.000Z' });
export const ZMunicipalityCode = z
  .string()
  .regex(/^\d{6}$/)
  .openapi({ example: '141003' });
export const ZTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
  .openapi({ example: '09:00' });

/** What a service accepts for one care item. `conditions` only with accepted_with_conditions. */
export const ZCareAcceptance = z
  .object({
    code: z.enum(CARE_ITEM_CODES),
    acceptance: z.enum(ACCEPTANCES),
    conditions: z.string().trim().max(500).nullable().optional(),
  })
  .openapi('ResourceCareAcceptance');

/** HSDS schedule, simplified: weekly opening days and hours (opensAt/closesAt local time). */
export const ZSchedule = z
  .object({
    byday: z.array(z.enum(WEEKDAYS)).min(1).max(7),
    opensAt: ZTime.nullable().optional(),
    closesAt: ZTime.nullable().optional(),
    note: z.string().trim().max(200).nullable().optional(),
  })
  .openapi('ResourceSchedule');

/** HSDS location (physical): address, municipality and coordinates. */
export const ZLocationInput = z.object({
  name: z.string().trim().max(200).nullable().optional(),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{3}-?\d{4}$/)
    .nullable()
    .optional(),
  address: z.string().trim().max(300),
  /** When omitted, resolved from the address (census/read/municipality.ts); unresolvable → 400. */
  municipalityCode: ZMunicipalityCode.nullable().optional(),
  latitude: z.number().min(20).max(46).nullable().optional(),
  longitude: z.number().min(122).max(154).nullable().optional(),
});

export const ZLocation = z
  .object({
    id: z.string().uuid(),
    name: z.string().nullable(),
    postalCode: z.string().nullable(),
    address: z.string(),
    municipalityCode: z.string(),
    municipalityName: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
  })
  .openapi('ResourceLocation');

export const ZServiceArea = z
  .object({ municipalityCode: z.string(), municipalityName: z.string().nullable() })
  .openapi('ResourceServiceArea');

export const ZConfirmation = z
  .object({
    at: ZTimestamp,
    kind: z.enum(CONFIRMATION_KINDS),
    /** The user's display name, or the organisation's name for a provider link, or the import file name. */
    by: z.string().nullable(),
  })
  .openapi('ResourceConfirmation');

export type CareAcceptance = z.infer<typeof ZCareAcceptance>;
export type Schedule = z.infer<typeof ZSchedule>;
