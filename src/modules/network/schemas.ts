import { z } from '@hono/zod-openapi';
import { multilineText } from '../../server/text-fields';
import { findPrefecture } from '../../shared/municipalities';
import { COORDINATOR_TIERS, DIVISIONS, ORGANISATION_KINDS } from '../../shared/vocab/network';

export { COORDINATOR_TIERS, DIVISIONS, ORGANISATION_KINDS };

export const MUNICIPALITY_KINDS = ['city', 'town', 'village', 'special_ward', 'designated_city'] as const;

const requiredText = (max: number) => z.string().trim().min(1).max(max);
/** Optional free text; an empty string or null clears the field. */
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const ZVersion = z
  .number()
  .int()
  .min(1)
  .openapi({ description: 'The version read; a stale one answers 409.' });
/** Municipality codes are checked by the service (check digit, prefecture) so the error names the problem. */
const ZMunicipalityCodeInput = z.string().max(20).openapi({ example: '432016' });

/** `?prefecture=` — required for system administrators, who have no prefecture of their own. */
export const ZTenantQuery = z.object({
  prefecture: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .openapi({ description: 'Tenant prefecture code; required for system administrators.', example: '14' }),
});

// ---------------------------------------------------------------- prefectures and municipalities

export const ZPrefecture = z
  .object({ code: z.string(), name: z.string(), nameEn: z.string() })
  .openapi('Prefecture');
export const ZListPrefecturesResponse = z.array(ZPrefecture).openapi('ListPrefecturesResponse');

export const ZCreatePrefectureRequest = z
  .object({
    code: z
      .string()
      .refine((c) => /^\d{2}$/.test(c) && findPrefecture(c) !== undefined, {
        message: 'Not a prefecture code (01–47) / 都道府県コードではありません',
      })
      .openapi({ example: '14' }),
  })
  .openapi('CreatePrefectureRequest');

export const ZMunicipality = z
  .object({
    code: z.string(),
    name: z.string(),
    kana: z.string(),
    kind: z.enum(MUNICIPALITY_KINDS),
    regionId: z.string().uuid().nullable(),
    regionName: z.string().nullable(),
  })
  .openapi('Municipality');
export const ZListMunicipalitiesResponse = z.array(ZMunicipality).openapi('ListMunicipalitiesResponse');

// ---------------------------------------------------------------- regions

export const ZRegion = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    nameEn: z.string().nullable(),
    sortOrder: z.number().int(),
    note: z.string().nullable(),
    version: z.number().int(),
    municipalityCodes: z.array(z.string()),
  })
  .openapi('Region');
export const ZListRegionsResponse = z.array(ZRegion).openapi('ListRegionsResponse');

export const ZCreateRegionRequest = z
  .object({
    name: requiredText(100),
    nameEn: optionalText(100),
    note: multilineText(2000).nullable().optional(),
    sortOrder: z.number().int().min(-10_000).max(10_000).optional(),
    municipalityCodes: z.array(ZMunicipalityCodeInput).max(500),
  })
  .openapi('CreateRegionRequest');

export const ZUpdateRegionRequest = z
  .object({
    version: ZVersion,
    name: requiredText(100).optional(),
    nameEn: optionalText(100),
    note: multilineText(2000).nullable().optional(),
    sortOrder: z.number().int().min(-10_000).max(10_000).optional(),
    municipalityCodes: z.array(ZMunicipalityCodeInput).max(500).optional(),
  })
  .openapi('UpdateRegionRequest');

// ---------------------------------------------------------------- centres

export const ZCentre = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(['hq', 'branch']),
    parentId: z.string().uuid().nullable(),
    name: z.string(),
    operator: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    version: z.number().int(),
    regionIds: z.array(z.string().uuid()),
  })
  .openapi('Centre');
export const ZListCentresResponse = z.array(ZCentre).openapi('ListCentresResponse');

export const ZCreateCentreRequest = z
  .object({
    kind: z.enum(['hq', 'branch']),
    parentId: z.string().uuid().nullable().optional(),
    name: requiredText(200),
    operator: optionalText(200),
    address: optionalText(300),
    phone: optionalText(40),
    regionIds: z.array(z.string().uuid()).max(100).optional(),
  })
  .openapi('CreateCentreRequest');

export const ZUpdateCentreRequest = z
  .object({
    version: ZVersion,
    parentId: z.string().uuid().nullable().optional(),
    name: requiredText(200).optional(),
    operator: optionalText(200),
    address: optionalText(300),
    phone: optionalText(40),
    regionIds: z.array(z.string().uuid()).max(100).optional(),
  })
  .openapi('UpdateCentreRequest');

// ---------------------------------------------------------------- organisations

export const ZOrganisation = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(ORGANISATION_KINDS),
    division: z.enum(DIVISIONS).nullable(),
    name: z.string(),
    kana: z.string().nullable(),
    municipalityCode: z.string().nullable(),
    municipalityName: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('Organisation');

const ZPage = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export const ZListOrganisationsQuery = ZTenantQuery.extend({
  kind: z.enum(ORGANISATION_KINDS).optional(),
  municipality: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  q: z.string().trim().max(100).optional(),
  ...ZPage,
});
export const ZListOrganisationsResponse = z
  .object({ items: z.array(ZOrganisation), total: z.number().int() })
  .openapi('ListOrganisationsResponse');

const divisionRule = (v: { kind?: string | undefined; division?: string | null | undefined }) =>
  (v.kind === 'municipal_division') === Boolean(v.division);
const divisionMessage = {
  message: 'division is required for a municipal division and only for it / 市町村の課のみ所属課を指定します',
  path: ['division'],
};

export const ZCreateOrganisationRequest = z
  .object({
    kind: z.enum(ORGANISATION_KINDS),
    division: z.enum(DIVISIONS).nullable().optional(),
    name: requiredText(200),
    kana: optionalText(200),
    municipalityCode: ZMunicipalityCodeInput.nullable().optional(),
    address: optionalText(300),
    phone: optionalText(40),
  })
  .refine(divisionRule, divisionMessage)
  .openapi('CreateOrganisationRequest');

export const ZUpdateOrganisationRequest = z
  .object({
    version: ZVersion,
    kind: z.enum(ORGANISATION_KINDS).optional(),
    division: z.enum(DIVISIONS).nullable().optional(),
    name: requiredText(200).optional(),
    kana: optionalText(200),
    municipalityCode: ZMunicipalityCodeInput.nullable().optional(),
    address: optionalText(300),
    phone: optionalText(40),
  })
  .openapi('UpdateOrganisationRequest');

// ---------------------------------------------------------------- people

export const ZPerson = z
  .object({
    id: z.string().uuid(),
    organisationId: z.string().uuid().nullable(),
    organisationName: z.string().nullable(),
    familyName: z.string(),
    givenName: z.string(),
    familyKana: z.string().nullable(),
    givenKana: z.string().nullable(),
    profession: z.string().nullable(),
    coordinatorTier: z.enum(COORDINATOR_TIERS).nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('Person');

export const ZListPeopleQuery = ZTenantQuery.extend({
  organisationId: z.string().uuid().optional(),
  q: z.string().trim().max(100).optional(),
  ...ZPage,
});
export const ZListPeopleResponse = z
  .object({ items: z.array(ZPerson), total: z.number().int() })
  .openapi('ListPeopleResponse');

const personFields = {
  organisationId: z.string().uuid().nullable().optional(),
  familyName: requiredText(100),
  givenName: requiredText(100),
  familyKana: optionalText(100),
  givenKana: optionalText(100),
  profession: optionalText(100),
  coordinatorTier: z.enum(COORDINATOR_TIERS).nullable().optional(),
  email: z.string().trim().toLowerCase().email().max(254).nullable().optional().or(z.literal('')),
  phone: optionalText(40),
};

export const ZCreatePersonRequest = z.object(personFields).openapi('CreatePersonRequest');

export const ZUpdatePersonRequest = z
  .object({
    ...personFields,
    version: ZVersion,
    familyName: requiredText(100).optional(),
    givenName: requiredText(100).optional(),
  })
  .openapi('UpdatePersonRequest');

export const ZDeleted = z.object({ ok: z.literal(true) }).openapi('Deleted');

export type CreateRegionInput = z.infer<typeof ZCreateRegionRequest>;
export type UpdateRegionInput = z.infer<typeof ZUpdateRegionRequest>;
export type CreateCentreInput = z.infer<typeof ZCreateCentreRequest>;
export type UpdateCentreInput = z.infer<typeof ZUpdateCentreRequest>;
export type CreateOrganisationInput = z.infer<typeof ZCreateOrganisationRequest>;
export type UpdateOrganisationInput = z.infer<typeof ZUpdateOrganisationRequest>;
export type CreatePersonInput = z.infer<typeof ZCreatePersonRequest>;
export type UpdatePersonInput = z.infer<typeof ZUpdatePersonRequest>;
