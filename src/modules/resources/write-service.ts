import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  municipalities,
  regionMunicipalities,
  resourceOrganizations,
  resourceRoundItems,
  resourceServices,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import type { Actor, RequestMeta } from '../access/actor';
import { recordAudit } from '../audit/record';
import { resolveMunicipalityFromAddress } from '../census/read/municipality';
import { inArea, type ResourcePolicy } from './policy';
import { findService, type ServiceRow, serviceOut } from './queries';
import type { ProviderEdit, ServiceInput, ServiceOut } from './schemas';
import { acceptedCodes, duplicateCodes, normaliseCareItems, searchKeyOf } from './text';
import { writeLocation } from './write-location';

/** Who writes, when: the same for every write of the module. */
export type ResourceWriter = {
  actor: Actor | null;
  meta: RequestMeta | null;
  at: Date;
  policy: ResourcePolicy;
  prefectureCode: string;
};

/** How a confirmation is recorded on the listing. */
export type Confirmation = {
  kind: 'user' | 'provider_link' | 'import';
  userId: string | null;
  by: string | null;
};

/** The municipality of a location: the code given (must be of the prefecture) or read from the address. */
export async function resolveLocationMunicipality(
  db: DbOrTx,
  prefectureCode: string,
  loc: { municipalityCode?: string | null; address: string },
): Promise<string> {
  const code = loc.municipalityCode ?? resolveMunicipalityFromAddress(loc.address, prefectureCode);
  if (!code) {
    throw new AppError('resource_address_unresolved', {
      issues: [{ path: 'location.address', message: 'municipality not found / 市区町村を特定できません' }],
    });
  }
  const [m] = await db.select().from(municipalities).where(eq(municipalities.code, code));
  if (!m) throw new AppError('invalid_municipality_code');
  if (m.prefectureCode !== prefectureCode) throw new AppError('municipality_other_prefecture');
  return code;
}

async function regionIdsOf(db: DbOrTx, municipalityCode: string): Promise<string[]> {
  const rows = await db
    .select({ id: regionMunicipalities.regionId })
    .from(regionMunicipalities)
    .where(
      and(eq(regionMunicipalities.municipalityCode, municipalityCode), isNull(regionMunicipalities.validTo)),
    );
  return rows.map((r) => r.id);
}

function checkEdit(e: ProviderEdit) {
  if (e.minAge != null && e.maxAge != null && e.minAge > e.maxAge) throw new AppError('resource_age_range');
  const dup = duplicateCodes(e.careItems ?? []);
  if (dup.length) {
    throw new AppError('validation_failed', {
      issues: dup.map((code) => ({ path: 'careItems', message: `repeated care item / 重複: ${code}` })),
    });
  }
}

/** The provider-editable scalar fields of a service (besides its schedules and care items). */
export const PROVIDER_EDIT_FIELDS = [
  'description',
  'howToApply',
  'eligibilityDescription',
  'feesDescription',
  'minAge',
  'maxAge',
  'capacity',
  'vacancy',
  'transport',
  'transportNote',
  'bathing',
  'bathingNote',
  'phone',
  'email',
  'website',
  'status',
] as const;

/** Column values of the provider-editable fields present in `e` (absent = unchanged). */
function editColumns(e: ProviderEdit, at: Date, before?: typeof resourceServices.$inferSelect) {
  const v: Partial<typeof resourceServices.$inferInsert> = {};
  for (const k of PROVIDER_EDIT_FIELDS) if (e[k] !== undefined) (v as Record<string, unknown>)[k] = e[k];
  if (e.schedules !== undefined) v.schedules = e.schedules;
  if (e.disasterSupport !== undefined) v.disasterSupport = [...new Set(e.disasterSupport)].sort();
  if (e.disasterNote !== undefined) v.disasterNote = e.disasterNote;
  if (e.careItems !== undefined) {
    const items = normaliseCareItems(e.careItems);
    v.careItems = items;
    v.accepts = acceptedCodes(items);
  }
  if (e.serviceAreaCodes !== undefined) v.areaCodes = [...new Set(e.serviceAreaCodes)].sort();
  if (
    (e.capacity !== undefined && e.capacity !== before?.capacity) ||
    (e.vacancy !== undefined && e.vacancy !== before?.vacancy)
  ) {
    v.capacityUpdatedAt = at;
  }
  return v;
}

function confirmColumns(c: Confirmation, at: Date) {
  return {
    lastConfirmedAt: at,
    lastConfirmedKind: c.kind,
    lastConfirmedByUserId: c.userId,
    lastConfirmedBy: c.by,
  };
}

/** Marks the listing confirmed in every open round that lists it. */
async function markRoundsConfirmed(tx: DbOrTx, serviceId: string, at: Date) {
  await tx
    .update(resourceRoundItems)
    .set({ confirmedAt: at })
    .where(and(eq(resourceRoundItems.serviceId, serviceId), isNull(resourceRoundItems.confirmedAt)));
}

async function checkAreaCodes(db: DbOrTx, prefectureCode: string, codes: string[] | undefined) {
  if (!codes?.length) return;
  const rows = await db
    .select({ code: municipalities.code, pref: municipalities.prefectureCode })
    .from(municipalities)
    .where(sql`${municipalities.code} in ${codes}`);
  const known = new Map(rows.map((r) => [r.code, r.pref]));
  const bad = codes.filter((c) => known.get(c) !== prefectureCode);
  if (bad.length) {
    throw new AppError('validation_failed', {
      issues: bad.map((c) => ({
        path: 'serviceAreaCodes',
        message: `unknown municipality / 不明な市区町村: ${c}`,
      })),
    });
  }
}

async function organizationOf(db: DbOrTx, prefectureCode: string, unverifiedId: string) {
  const [org] = await db
    .select()
    .from(resourceOrganizations)
    .where(
      and(
        eq(resourceOrganizations.id, unverifiedId),
        eq(resourceOrganizations.prefectureCode, prefectureCode),
      ),
    );
  if (!org) {
    throw new AppError('validation_failed', {
      issues: [{ path: 'organizationId', message: 'unknown organization / 法人が見つかりません' }],
    });
  }
  return org;
}

/** Staff create a listing; creating counts as confirming it. */
export async function createService(tx: DbOrTx, w: ResourceWriter, input: ServiceInput): Promise<ServiceOut> {
  if (w.policy.write.kind === 'none') throw new AppError('forbidden');
  checkEdit(input);
  const org = await organizationOf(tx, w.prefectureCode, input.organizationId);
  const municipalityCode = await resolveLocationMunicipality(tx, w.prefectureCode, input.location);
  if (
    !inArea(w.policy.write, {
      municipalityRegionIds: await regionIdsOf(tx, municipalityCode),
      networkOrganisationId: null,
    })
  ) {
    throw new AppError('forbidden');
  }
  await checkAreaCodes(tx, w.prefectureCode, input.serviceAreaCodes);
  const [s] = await tx
    .insert(resourceServices)
    .values({
      ...editColumns(input, w.at),
      prefectureCode: w.prefectureCode,
      organizationId: org.id,
      name: input.name,
      kana: input.kana ?? null,
      type: input.type,
      officeNumber: input.officeNumber ?? null,
      municipalityCode,
      searchKey: searchKeyOf([input.name, input.kana, org.name, org.kana, input.description]),
      ...confirmColumns(
        { kind: 'user', userId: w.actor?.userId ?? null, by: w.actor?.displayName ?? null },
        w.at,
      ),
      createdAt: w.at,
      updatedAt: w.at,
    })
    .returning();
  await writeLocation(tx, w, s!.id, org.id, input.location, municipalityCode, null);
  await recordAudit(tx, w, {
    action: 'create',
    entityType: 'resource_service',
    entityIds: [s!.id],
    detail: { name: input.name, type: input.type },
  });
  const row = await findService(tx, w.prefectureCode, { kind: 'prefecture' }, s!.id);
  return serviceOut(tx, row!, w.policy, w.at);
}

/** 409 with the listing as it is now. */
async function conflict(tx: DbOrTx, w: ResourceWriter, id: string, yourVersion: number) {
  const row = await findService(tx, w.prefectureCode, w.policy.read, id);
  if (!row) return new AppError('not_found');
  const current = await serviceOut(tx, row, w.policy, w.at);
  return new AppError('conflict', { detail: { current, yourVersion, currentVersion: current.version } });
}

/**
 * Loads the listing through the read area (404), checks the action (403) and takes the optimistic lock: the
 * version moves on only if it is still the one the client read (409 with the current listing otherwise).
 */
async function beginWrite(
  tx: DbOrTx,
  w: ResourceWriter,
  unverifiedId: string,
  clientVersion: number,
  need: 'staff' | 'edit',
): Promise<ServiceRow> {
  const row = await findService(tx, w.prefectureCode, w.policy.read, unverifiedId);
  if (!row) throw new AppError('not_found');
  const listing = {
    municipalityRegionIds: row.regionId ? [row.regionId] : [],
    networkOrganisationId: row.networkOrganisationId,
  };
  const staff = inArea(w.policy.write, listing);
  const own = w.policy.provider !== null && row.networkOrganisationId === w.policy.provider;
  if (!(staff || (need === 'edit' && own))) throw new AppError('forbidden');
  const [locked] = await tx
    .update(resourceServices)
    .set({ version: sql`${resourceServices.version} + 1`, updatedAt: w.at })
    .where(and(eq(resourceServices.id, row.s.id), eq(resourceServices.version, clientVersion)))
    .returning();
  if (!locked) throw await conflict(tx, w, row.s.id, clientVersion);
  return { ...row, s: locked };
}

/** Staff change a listing (every field). Changing counts as confirming it. */
export async function updateService(
  tx: DbOrTx,
  w: ResourceWriter,
  unverifiedId: string,
  input: ServiceInput & { version: number },
): Promise<ServiceOut> {
  checkEdit(input);
  const row = await beginWrite(tx, w, unverifiedId, input.version, 'staff');
  const org = await organizationOf(tx, w.prefectureCode, input.organizationId);
  const municipalityCode = await resolveLocationMunicipality(tx, w.prefectureCode, input.location);
  if (
    municipalityCode !== row.s.municipalityCode &&
    !inArea(w.policy.write, {
      municipalityRegionIds: await regionIdsOf(tx, municipalityCode),
      networkOrganisationId: null,
    })
  ) {
    throw new AppError('forbidden');
  }
  await checkAreaCodes(tx, w.prefectureCode, input.serviceAreaCodes);
  await tx
    .update(resourceServices)
    .set({
      ...editColumns(input, w.at, row.s),
      organizationId: org.id,
      name: input.name,
      kana: input.kana ?? null,
      type: input.type,
      officeNumber: input.officeNumber ?? null,
      municipalityCode,
      searchKey: searchKeyOf([
        input.name,
        input.kana,
        org.name,
        org.kana,
        input.description ?? row.s.description,
      ]),
      ...confirmColumns(
        { kind: 'user', userId: w.actor?.userId ?? null, by: w.actor?.displayName ?? null },
        w.at,
      ),
    })
    .where(eq(resourceServices.id, row.s.id));
  await writeLocation(tx, w, row.s.id, org.id, input.location, municipalityCode, row.loc?.id ?? null);
  await markRoundsConfirmed(tx, row.s.id, w.at);
  await recordAudit(tx, w, {
    action: 'update',
    entityType: 'resource_service',
    entityIds: [row.s.id],
    detail: { version: input.version + 1 },
  });
  const after = await findService(tx, w.prefectureCode, { kind: 'prefecture' }, row.s.id);
  return serviceOut(tx, after!, w.policy, w.at);
}

/**
 * A correction of the provider-editable fields (staff or the provider signed in, or through its link with
 * `linkOk`), confirming the listing. With no changes it is a plain confirmation.
 */
export async function correctService(
  tx: DbOrTx,
  w: ResourceWriter,
  unverifiedId: string,
  changes: ProviderEdit,
  clientVersion: number | null,
  confirmation: Confirmation,
): Promise<{ row: ServiceRow; changed: boolean }> {
  checkEdit(changes);
  let row: ServiceRow;
  if (clientVersion === null) {
    // Through a provider link (already checked): no version was read, the link itself is the lock.
    const found = await findService(tx, w.prefectureCode, { kind: 'prefecture' }, unverifiedId);
    if (!found) throw new AppError('not_found');
    const [locked] = await tx
      .update(resourceServices)
      .set({ version: sql`${resourceServices.version} + 1`, updatedAt: w.at })
      .where(eq(resourceServices.id, found.s.id))
      .returning();
    row = { ...found, s: locked! };
  } else {
    row = await beginWrite(tx, w, unverifiedId, clientVersion, 'edit');
  }
  const min = changes.minAge !== undefined ? changes.minAge : row.s.minAge;
  const max = changes.maxAge !== undefined ? changes.maxAge : row.s.maxAge;
  if (min != null && max != null && min > max) throw new AppError('resource_age_range');
  await checkAreaCodes(tx, w.prefectureCode, changes.serviceAreaCodes);
  const cols = editColumns(changes, w.at, row.s);
  const changed = Object.keys(changes).length > 0;
  const [org] = await tx
    .select()
    .from(resourceOrganizations)
    .where(eq(resourceOrganizations.id, row.s.organizationId));
  await tx
    .update(resourceServices)
    .set({
      ...cols,
      ...(changes.description !== undefined
        ? { searchKey: searchKeyOf([row.s.name, row.s.kana, org?.name, org?.kana, changes.description]) }
        : {}),
      ...confirmColumns(confirmation, w.at),
    })
    .where(eq(resourceServices.id, row.s.id));
  await markRoundsConfirmed(tx, row.s.id, w.at);
  await recordAudit(tx, w, {
    action: 'update',
    entityType: 'resource_service',
    entityIds: [row.s.id],
    detail: {
      confirmed: confirmation.kind,
      fields: Object.keys(changes),
      ...(confirmation.kind === 'provider_link' ? { by: confirmation.by } : {}),
    },
    prefectureCode: w.prefectureCode,
  });
  const after = await findService(tx, w.prefectureCode, { kind: 'prefecture' }, row.s.id);
  return { row: after!, changed };
}
