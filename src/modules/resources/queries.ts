import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import {
  municipalities,
  regionMunicipalities,
  resourceLocations,
  resourceOrganizations,
  resourceServiceLocations,
  resourceServices,
} from '../../db/schema';
import type { ResourceArea, ResourcePolicy } from './policy';
import { allowedOnService } from './policy';
import type { ServiceOut } from './schemas';
import { isStale, normaliseCareItems } from './text';

/**
 * Scoped reads of the directory. Every staff read adds {@link areaSql} for the actor's read area and the
 * prefecture; ids from paths are loaded through it, so out of scope and unknown both answer 404.
 */
export function areaSql(prefectureCode: string, area: ResourceArea): SQL {
  const tenant = eq(resourceServices.prefectureCode, prefectureCode);
  switch (area.kind) {
    case 'none':
      return sql`false`;
    case 'prefecture':
      return tenant;
    case 'regions':
      if (area.regionIds.length === 0) return sql`false`;
      return and(
        tenant,
        sql`${resourceServices.municipalityCode} in (select ${regionMunicipalities.municipalityCode}
              from ${regionMunicipalities}
              where ${inArray(regionMunicipalities.regionId, area.regionIds)} and ${isNull(regionMunicipalities.validTo)})`,
      )!;
    case 'organisation':
      return and(
        tenant,
        sql`${resourceServices.organizationId} in (select ${resourceOrganizations.id} from ${resourceOrganizations}
              where ${resourceOrganizations.networkOrganisationId} = ${area.organisationId})`,
      )!;
  }
}

const locMunicipality = alias(municipalities, 'loc_municipality');

/** The columns of a full listing (service + organisation + primary location + region of the municipality). */
export const serviceColumns = {
  s: resourceServices,
  organizationName: resourceOrganizations.name,
  networkOrganisationId: resourceOrganizations.networkOrganisationId,
  loc: resourceLocations,
  municipalityName: locMunicipality.name,
  regionId: regionMunicipalities.regionId,
};

export type ServiceRow = {
  s: typeof resourceServices.$inferSelect;
  organizationName: string;
  networkOrganisationId: string | null;
  loc: typeof resourceLocations.$inferSelect | null;
  municipalityName: string | null;
  regionId: string | null;
};

export function selectServices(db: DbOrTx) {
  return db
    .select(serviceColumns)
    .from(resourceServices)
    .innerJoin(resourceOrganizations, eq(resourceOrganizations.id, resourceServices.organizationId))
    .leftJoin(
      resourceServiceLocations,
      and(
        eq(resourceServiceLocations.serviceId, resourceServices.id),
        eq(resourceServiceLocations.isPrimary, true),
      ),
    )
    .leftJoin(resourceLocations, eq(resourceLocations.id, resourceServiceLocations.locationId))
    .leftJoin(locMunicipality, eq(locMunicipality.code, resourceServices.municipalityCode))
    .leftJoin(
      regionMunicipalities,
      and(
        eq(regionMunicipalities.municipalityCode, resourceServices.municipalityCode),
        isNull(regionMunicipalities.validTo),
      ),
    );
}

/** One listing by id within the area, or null. `forUpdate` locks the service row. */
export async function findService(
  db: DbOrTx,
  prefectureCode: string,
  area: ResourceArea,
  unverifiedId: string,
): Promise<ServiceRow | null> {
  const [row] = await selectServices(db)
    .where(and(eq(resourceServices.id, unverifiedId), areaSql(prefectureCode, area)))
    .limit(1);
  return row ?? null;
}

/** Names of municipalities by code. */
export async function municipalityNames(db: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (!unique.length) return new Map();
  const rows = await db
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(inArray(municipalities.code, unique));
  return new Map(rows.map((r) => [r.code, r.name]));
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The listing as the API shows it (without `allowed`). */
export function presentService(
  row: ServiceRow,
  names: Map<string, string>,
  now: Date,
): Omit<ServiceOut, 'allowed'> {
  const s = row.s;
  return {
    id: s.id,
    prefectureCode: s.prefectureCode,
    organizationId: s.organizationId,
    organizationName: row.organizationName,
    name: s.name,
    kana: s.kana,
    type: s.type as ServiceOut['type'],
    status: s.status as ServiceOut['status'],
    officeNumber: s.officeNumber,
    description: s.description,
    howToApply: s.howToApply,
    eligibilityDescription: s.eligibilityDescription,
    feesDescription: s.feesDescription,
    minAge: s.minAge,
    maxAge: s.maxAge,
    capacity: s.capacity,
    vacancy: s.vacancy,
    capacityUpdatedAt: iso(s.capacityUpdatedAt),
    transport: s.transport,
    transportNote: s.transportNote,
    bathing: s.bathing,
    bathingNote: s.bathingNote,
    disasterSupport: s.disasterSupport as ServiceOut['disasterSupport'],
    disasterNote: s.disasterNote,
    phone: s.phone,
    email: s.email,
    website: s.website,
    location: {
      id: row.loc?.id ?? s.id,
      name: row.loc?.name ?? null,
      postalCode: row.loc?.postalCode ?? null,
      address: row.loc?.address ?? '',
      municipalityCode: s.municipalityCode,
      municipalityName: row.municipalityName,
      latitude: row.loc?.latitude ?? null,
      longitude: row.loc?.longitude ?? null,
    },
    serviceAreas: s.areaCodes.map((code) => ({
      municipalityCode: code,
      municipalityName: names.get(code) ?? null,
    })),
    schedules: s.schedules.map((x) => ({
      byday: x.byday as ServiceOut['schedules'][number]['byday'],
      opensAt: x.opensAt ?? null,
      closesAt: x.closesAt ?? null,
      note: x.note ?? null,
    })),
    careItems: normaliseCareItems(s.careItems),
    lastConfirmed: s.lastConfirmedAt
      ? { at: s.lastConfirmedAt.toISOString(), kind: s.lastConfirmedKind ?? 'user', by: s.lastConfirmedBy }
      : null,
    stale: isStale(s.lastConfirmedAt, now),
    version: s.version,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** A full listing with the caller's allowed actions. */
export async function serviceOut(
  db: DbOrTx,
  row: ServiceRow,
  policy: ResourcePolicy,
  now: Date,
): Promise<ServiceOut> {
  const names = await municipalityNames(db, row.s.areaCodes);
  return {
    ...presentService(row, names, now),
    allowed: allowedOnService(policy, {
      municipalityRegionIds: row.regionId ? [row.regionId] : [],
      networkOrganisationId: row.networkOrganisationId,
    }),
  };
}
