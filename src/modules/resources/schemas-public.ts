import { z } from '@hono/zod-openapi';
import { CARE_ITEM_CODES } from '../../shared/vocab/care-items';
import { SERVICE_TYPES } from '../../shared/vocab/resources';
import { ZCareAcceptance, ZMunicipalityCode, ZTimestamp } from './schemas-common';
import { ZService, ZServiceProviderEdit } from './schemas-service';

/** Public contract (/api/public/resources, no sign-in): provider confirmation by link and the public search. */

// ───────────────────────────── provider confirmation (public) ─────────────────────────────

/** GET /api/public/resources/confirm/{token}: the listing the link is for (the token stays valid). */
export const ZConfirmView = z
  .object({
    service: ZService.omit({ allowed: true }),
    expiresAt: ZTimestamp,
  })
  .openapi('ResourceConfirmView');

/** PUT /api/public/resources/confirm/{token}: confirm as is (no `changes`) or with corrections. Single use. */
export const ZConfirmByLink = z.object({
  changes: ZServiceProviderEdit.optional(),
  /** Who answered (free text, kept in the audit log). */
  confirmedBy: z.string().trim().max(100).nullable().optional(),
});

export const ZConfirmByLinkResponse = z.object({
  serviceId: z.string().uuid(),
  confirmedAt: ZTimestamp,
  changed: z.boolean(),
});

// ───────────────────────────── public search ─────────────────────────────

/** The widest "near me" search: the listings within it stay few enough to order all by distance. */
export const MAX_RADIUS_KM = 30;

export const ZPublicSearchQuery = z.object({
  /** Prefecture (2 digits); optional when a municipality or address names it. */
  prefecture: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  municipalityCode: ZMunicipalityCode.optional(),
  /**
   * Where, as a family types it: a municipality name, an address (its municipality), or a place of the
   * gazetteer — 町名, station (駅 optional), landmark, postal code — which becomes a near search from its point.
   * A name found in several municipalities answers `choices`; nothing found answers `unresolved` (no error).
   */
  address: z.string().trim().max(200).optional(),
  /** One of the `choices` a previous search offered. */
  placeId: z.string().trim().max(40).optional(),
  type: z.enum(SERVICE_TYPES).optional(),
  /** Care items needed: every one must be accepted (with or without conditions). Repeat or comma-separate. */
  careItem: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) =>
      v === undefined
        ? []
        : (Array.isArray(v) ? v : [v])
            .flatMap((s) => s.split(','))
            .map((s) => s.trim())
            .filter(Boolean),
    )
    .pipe(z.array(z.enum(CARE_ITEM_CODES)).max(10))
    .openapi({ type: 'array', items: { type: 'string' } }),
  /** The child's age in years. */
  age: z.coerce.number().int().min(0).max(120).optional(),
  /** Free text in Japanese (kanji, kana in either width). */
  q: z.string().trim().max(100).optional(),
  /**
   * "Near me": a point as `latitude,longitude` (decimal degrees). Listings whose primary location lies within
   * `radiusKm` of it, nearest first (fresh before stale), each with its distance; combines with the other
   * filters. The browser rounds the point to about a kilometre before it is sent.
   */
  near: z
    .string()
    .trim()
    .regex(/^-?\d{1,2}(\.\d{1,6})?,-?\d{1,3}(\.\d{1,6})?$/, 'latitude,longitude')
    .transform((v) => {
      const [lat, lon] = v.split(',').map(Number) as [number, number];
      return { latitude: lat, longitude: lon };
    })
    .refine((p) => Math.abs(p.latitude) <= 90 && Math.abs(p.longitude) <= 180, 'latitude,longitude')
    .optional()
    .openapi({ type: 'string', example: '35.34,139.49' }),
  /** Radius of a `near` search in km (1–30). */
  radiusKm: z.coerce.number().int().min(1).max(MAX_RADIUS_KM).default(10),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ZPublicServiceSummary = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    organizationName: z.string(),
    type: z.enum(SERVICE_TYPES),
    address: z.string(),
    municipalityCode: z.string(),
    municipalityName: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
    transport: z.boolean().nullable(),
    bathing: z.boolean().nullable(),
    vacancy: z.number().int().nullable(),
    /** What it accepts (accepted / with conditions / not accepted; unknown items are absent). */
    careItems: z.array(ZCareAcceptance),
    howToApply: z.string().nullable(),
    phone: z.string().nullable(),
    lastConfirmedAt: ZTimestamp.nullable(),
    stale: z.boolean(),
    /** Straight-line distance from the place searched (or the `near` point) in km, one decimal; null when unknown. */
    distanceKm: z.number().nullable(),
    /** Why it matched: near the place (from: its name; null = the searcher's position), in the municipality, or serving it. */
    reason: z
      .object({
        kind: z.enum(['near', 'in', 'serves']),
        from: z.string().nullable(),
        municipalityName: z.string().nullable(),
        distanceKm: z.number().nullable(),
      })
      .nullable(),
  })
  .openapi('PublicResourceSummary');

const ZResolvedPlace = z.object({
  id: z.string().nullable(),
  name: z.string(),
  kind: z.enum(['municipality', 'town', 'station', 'landmark']),
  municipalityCode: z.string(),
  municipalityName: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});

export const ZPublicSearchResponse = z
  .object({
    items: z.array(ZPublicServiceSummary),
    /** Matches counted up to 1,000; with `totalCapped` there are more (listed by name, fresh first). */
    total: z.number().int(),
    totalCapped: z.boolean(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** The municipality the search used (given or resolved from the address). */
    municipality: z.object({ code: z.string(), name: z.string().nullable() }).nullable(),
    /** The point and radius of a `near` search. */
    near: z.object({ latitude: z.number(), longitude: z.number(), radiusKm: z.number().int() }).nullable(),
    /** The place the typed text resolved to. */
    place: ZResolvedPlace.nullable(),
    /** The text names places in several municipalities: pick one (`placeId`); no listings until then. */
    choices: z.array(ZResolvedPlace),
    /** Nothing resolved: what to type instead, in both languages. */
    unresolved: z.object({ ja: z.string(), en: z.string() }).nullable(),
    /** Named municipality points around the results: the base of a map drawn without tiles. */
    basePlaces: z.array(z.object({ name: z.string(), latitude: z.number(), longitude: z.number() })),
  })
  .openapi('PublicResourceSearch');

export const ZPublicService = ZService.omit({
  allowed: true,
  version: true,
  email: true,
  prefectureCode: true,
  officeNumber: true,
}).openapi('PublicResource');

/** GET /api/public/resources/options: vocabularies for the search form. */
export const ZPublicOptions = z
  .object({
    serviceTypes: z.array(z.object({ code: z.enum(SERVICE_TYPES), ja: z.string(), en: z.string() })),
    careItems: z.array(z.object({ code: z.string(), ja: z.string(), en: z.string() })),
    staleAfterMonths: z.number().int(),
  })
  .openapi('PublicResourceOptions');
