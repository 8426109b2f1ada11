import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  resourceLocations,
  resourceOrganizations,
  resourceServiceLocations,
  resourceServices,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { isoDateInJapan } from '../../shared/dates';
import { recordAudit } from '../audit/record';
import { hsdsIdOf } from './hsds-ids';
import { type HsdsFile, type HsdsListing, type HsdsOrganization, readHsds } from './hsds-import';
import { presentService, selectServices } from './queries';
import type { ServiceOut } from './schemas-service';
import { acceptedCodes, normaliseCareItems, searchKeyOf } from './text';
import { PROVIDER_EDIT_FIELDS, type ResourceWriter } from './write-service';

/**
 * HSDS import against the directory (decision 0013), as the open-data import does it: preview (nothing
 * written), then all or nothing in one transaction, audited. Records are matched by HSDS id — the id a record
 * was imported with, or the one our export derives from its own id — so importing our export, or the same file
 * twice, updates instead of duplicating; a matched listing takes every field the file carries.
 */

type Existing = Omit<ServiceOut, 'allowed'>;
type Action = 'create' | 'update' | 'unchanged' | 'error';
type OrgRow = typeof resourceOrganizations.$inferSelect;

/** Our rows of one table by HSDS id (kept or derived). */
async function byHsdsId(
  db: DbOrTx,
  t: typeof resourceServices | typeof resourceLocations | typeof resourceOrganizations,
  entity: 'service' | 'location' | 'organization',
  prefectureCode: string,
) {
  const rows = await db
    .select({ id: t.id, hsdsId: t.hsdsId })
    .from(t)
    .where(eq(t.prefectureCode, prefectureCode));
  return new Map(rows.map((r) => [hsdsIdOf(entity, r), r.id]));
}

async function loadListings(db: DbOrTx, ids: string[], at: Date) {
  const out = new Map<string, Existing>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await selectServices(db).where(inArray(resourceServices.id, ids.slice(i, i + 1000)));
    for (const r of rows) out.set(r.s.id, presentService(r, new Map(), at));
  }
  return out;
}

/** The confirmation the file gives: its instant, else the start of its assured day in Japan. */
const fileConfirmation = (l: HsdsListing) =>
  l.confirmedAt ?? (l.assuredDate ? new Date(`${l.assuredDate}T00:00:00+09:00`).toISOString() : null);

const sameConfirmation = (l: HsdsListing, e: Existing) =>
  l.confirmedAt
    ? l.confirmedAt === e.lastConfirmed?.at
    : !l.assuredDate || (!!e.lastConfirmed && isoDateInJapan(new Date(e.lastConfirmed.at)) === l.assuredDate);

const sameOrg = (f: HsdsOrganization, o: OrgRow | undefined) =>
  !!o &&
  f.name === o.name &&
  f.kana === o.kana &&
  f.description === o.description &&
  f.email === o.email &&
  f.website === o.website &&
  f.phone === o.phone;

const schedulesKey = (s: Existing['schedules'] | HsdsListing['schedules']) =>
  JSON.stringify(s.map((x) => [x.byday, x.opensAt ?? null, x.closesAt ?? null, x.note ?? null]));

/** The file says what the listing already says (and where it is, and who runs it). */
function sameListing(l: HsdsListing, e: Existing, locationHsdsId: string, orgHsdsId: string) {
  const loc = l.location!;
  const scalars = ['name', 'kana', 'type', 'officeNumber', ...PROVIDER_EDIT_FIELDS] as const;
  return (
    scalars.every((k) => l[k] === e[k]) &&
    (l.capacityUpdatedAt === null || l.capacityUpdatedAt === e.capacityUpdatedAt) &&
    sameConfirmation(l, e) &&
    orgHsdsId === l.organizationHsdsId &&
    locationHsdsId === loc.hsdsId &&
    loc.name === e.location.name &&
    loc.postalCode === e.location.postalCode &&
    loc.address === e.location.address &&
    loc.municipalityCode === e.location.municipalityCode &&
    loc.latitude === e.location.latitude &&
    loc.longitude === e.location.longitude &&
    schedulesKey(l.schedules) === schedulesKey(e.schedules) &&
    JSON.stringify(l.careItems) === JSON.stringify(normaliseCareItems(e.careItems)) &&
    JSON.stringify(l.disasterSupport) === JSON.stringify([...e.disasterSupport].sort()) &&
    l.disasterNote === (e.disasterNote || null) &&
    JSON.stringify(l.areaCodes) ===
      JSON.stringify(
        e.serviceAreas
          .map((a) => a.municipalityCode)
          .filter((c) => c !== e.location.municipalityCode)
          .sort(),
      )
  );
}

export type HsdsPlan = Awaited<ReturnType<typeof planHsdsImport>>;

/** Reads the file and plans each service against the directory; nothing is written. */
export async function planHsdsImport(
  db: DbOrTx,
  w: Pick<ResourceWriter, 'prefectureCode' | 'at'>,
  doc: unknown,
  fileName: string | null,
) {
  const { prefectureCode } = w;
  const file: HsdsFile = readHsds(doc, prefectureCode);
  const [services, locations, orgs] = await Promise.all([
    byHsdsId(db, resourceServices, 'service', prefectureCode),
    byHsdsId(db, resourceLocations, 'location', prefectureCode),
    byHsdsId(db, resourceOrganizations, 'organization', prefectureCode),
  ]);
  const matched = file.listings.map((l) => (l.hsdsId ? services.get(l.hsdsId) : undefined));
  const existing = await loadListings(
    db,
    matched.filter((x): x is string => !!x),
    w.at,
  );
  const orgIds = [
    ...new Set(
      file.listings.map((l) => orgs.get(l.organizationHsdsId ?? '')).filter((x): x is string => !!x),
    ),
  ];
  const orgRows = new Map<string, OrgRow>();
  for (let i = 0; i < orgIds.length; i += 1000) {
    const rows = await db
      .select()
      .from(resourceOrganizations)
      .where(inArray(resourceOrganizations.id, orgIds.slice(i, i + 1000)));
    for (const o of rows) orgRows.set(o.id, o);
  }
  const locHsds = new Map([...locations].map(([h, id]) => [id, h]));
  const orgHsds = new Map([...orgs].map(([h, id]) => [id, h]));
  const rows = file.listings.map((l, i) => {
    const e = matched[i] ? existing.get(matched[i]!) : undefined;
    let action: Action = 'create';
    if (!l.ok) action = 'error';
    else if (e) {
      const org = file.organizations.get(l.organizationHsdsId!)!;
      const same =
        sameListing(l, e, locHsds.get(e.location.id) ?? '', orgHsds.get(e.organizationId) ?? '') &&
        sameOrg(org, orgRows.get(orgs.get(org.hsdsId) ?? ''));
      action = same ? 'unchanged' : 'update';
    }
    return { ...l, action, existing: e ?? null };
  });
  const count = (a: Action) => rows.filter((r) => r.action === a).length;
  const issues = file.issues.list.map(({ serviceKey: _, ...i }) => i);
  return {
    fileName,
    version: file.version,
    tables: file.tables,
    rows,
    rowCount: rows.length,
    createCount: count('create'),
    updateCount: count('update'),
    unchangedCount: count('unchanged'),
    issues,
    canImport: issues.length === 0 && rows.length > 0,
    organizations: file.organizations,
    ids: { services, locations, orgs },
  };
}

export function hsdsPreviewOut(plan: HsdsPlan) {
  const { organizations: _o, ids: _i, rows, ...rest } = plan;
  return {
    ...rest,
    rows: rows.map((r) => ({
      row: r.row,
      hsdsId: r.hsdsId,
      name: r.name,
      type: r.type,
      address: r.location?.address ?? null,
      municipalityCode: r.location?.municipalityCode ?? null,
      action: r.action,
      existingServiceId: r.existing?.id ?? null,
    })),
  };
}

/** Service columns from the file (every field HSDS carries; what the file leaves out is cleared). */
function serviceColumns(l: HsdsListing, org: HsdsOrganization, at: Date, before: Existing | null) {
  const capacityChanged = !before || l.capacity !== before.capacity || l.vacancy !== before.vacancy;
  const keepCapacityTime = before?.capacityUpdatedAt ? new Date(before.capacityUpdatedAt) : null;
  return {
    name: l.name!,
    kana: l.kana,
    type: l.type,
    status: l.status,
    officeNumber: l.officeNumber,
    description: l.description,
    howToApply: l.howToApply,
    eligibilityDescription: l.eligibilityDescription,
    feesDescription: l.feesDescription,
    minAge: l.minAge,
    maxAge: l.maxAge,
    capacity: l.capacity,
    vacancy: l.vacancy,
    capacityUpdatedAt: l.capacityUpdatedAt
      ? new Date(l.capacityUpdatedAt)
      : capacityChanged && (l.capacity !== null || l.vacancy !== null)
        ? at
        : keepCapacityTime,
    transport: l.transport,
    transportNote: l.transportNote,
    bathing: l.bathing,
    bathingNote: l.bathingNote,
    disasterSupport: l.disasterSupport,
    disasterNote: l.disasterNote,
    phone: l.phone,
    email: l.email,
    website: l.website,
    schedules: l.schedules,
    careItems: l.careItems,
    accepts: acceptedCodes(l.careItems),
    areaCodes: l.areaCodes,
    municipalityCode: l.location!.municipalityCode,
    searchKey: searchKeyOf([l.name, l.kana, org.name, org.kana, l.description]),
    updatedAt: at,
  };
}

/**
 * Imports the file in one transaction, all or nothing: any issue refuses the whole file (400 with the issues).
 * Organizations, locations and services unknown here are created keeping their HSDS ids; matched ones take the
 * file's fields. The file's confirmation (confirmed_at, else assured_date) is kept, marked as an import.
 */
export async function applyHsdsImport(tx: DbOrTx, w: ResourceWriter, doc: unknown, fileName: string | null) {
  const plan = await planHsdsImport(tx, w, doc, fileName);
  if (!plan.canImport) {
    throw new AppError('resource_import_invalid', {
      issues: plan.issues.slice(0, 200).map((i) => ({
        path: `${i.column ?? 'file'} row ${i.row}`,
        message: `${i.ja} / ${i.en}`,
        ja: i.ja,
        en: i.en,
      })),
    });
  }
  const orgIds = new Map<string, string>();
  const orgFor = async (hsdsId: string) => {
    const hit = orgIds.get(hsdsId);
    if (hit) return hit;
    const f = plan.organizations.get(hsdsId)!;
    const values = {
      name: f.name,
      kana: f.kana,
      description: f.description,
      email: f.email,
      website: f.website,
      phone: f.phone,
      updatedAt: w.at,
    };
    const known = plan.ids.orgs.get(hsdsId);
    let id = known;
    if (known) await tx.update(resourceOrganizations).set(values).where(eq(resourceOrganizations.id, known));
    else {
      const [row] = await tx
        .insert(resourceOrganizations)
        .values({ ...values, prefectureCode: w.prefectureCode, hsdsId, createdAt: w.at })
        .returning({ id: resourceOrganizations.id });
      id = row!.id;
    }
    orgIds.set(hsdsId, id!);
    return id!;
  };
  const locIds = new Map<string, string>();
  const locationFor = async (l: HsdsListing, organizationId: string) => {
    const f = l.location!;
    const hit = locIds.get(f.hsdsId);
    if (hit) return hit;
    const { hsdsId, ...values } = f;
    const known = plan.ids.locations.get(hsdsId);
    let id = known;
    if (known) await tx.update(resourceLocations).set(values).where(eq(resourceLocations.id, known));
    else {
      const [row] = await tx
        .insert(resourceLocations)
        .values({ ...values, prefectureCode: w.prefectureCode, organizationId, hsdsId })
        .returning({ id: resourceLocations.id });
      id = row!.id;
    }
    locIds.set(hsdsId, id!);
    return id!;
  };

  let created = 0;
  let updated = 0;
  for (const r of plan.rows) {
    if (r.action !== 'create' && r.action !== 'update') continue;
    const org = plan.organizations.get(r.organizationHsdsId!)!;
    const organizationId = await orgFor(org.hsdsId);
    const locationId = await locationFor(r, organizationId);
    const cols = serviceColumns(r, org, w.at, r.existing);
    const confirmedAt = fileConfirmation(r);
    const confirmation = {
      lastConfirmedAt: confirmedAt ? new Date(confirmedAt) : null,
      lastConfirmedKind: confirmedAt ? ('import' as const) : null,
      lastConfirmedByUserId: null,
      lastConfirmedBy: confirmedAt ? fileName : null,
    };
    if (r.action === 'create') {
      const [s] = await tx
        .insert(resourceServices)
        .values({
          ...cols,
          ...confirmation,
          prefectureCode: w.prefectureCode,
          organizationId,
          hsdsId: r.hsdsId,
          createdAt: w.at,
        })
        .returning({ id: resourceServices.id });
      await tx
        .insert(resourceServiceLocations)
        .values({ serviceId: s!.id, locationId, prefectureCode: w.prefectureCode, isPrimary: true });
      created++;
      continue;
    }
    const e = r.existing!;
    await tx
      .update(resourceServices)
      .set({
        ...cols,
        ...(sameConfirmation(r, e) ? {} : confirmation),
        organizationId,
        version: sql`${resourceServices.version} + 1`,
      })
      .where(eq(resourceServices.id, e.id));
    if (e.location.id !== locationId) {
      await tx
        .delete(resourceServiceLocations)
        .where(
          and(eq(resourceServiceLocations.serviceId, e.id), eq(resourceServiceLocations.isPrimary, true)),
        );
      await tx
        .insert(resourceServiceLocations)
        .values({ serviceId: e.id, locationId, prefectureCode: w.prefectureCode, isPrimary: true })
        .onConflictDoUpdate({
          target: [resourceServiceLocations.serviceId, resourceServiceLocations.locationId],
          set: { isPrimary: true },
        });
    }
    updated++;
  }
  await recordAudit(tx, w, {
    action: 'create',
    entityType: 'resource_import',
    entityIds: [],
    detail: {
      format: 'hsds',
      fileName,
      rows: plan.rowCount,
      created,
      updated,
      unchanged: plan.unchangedCount,
    },
  });
  return { fileName, created, updated, unchanged: plan.unchangedCount };
}
