import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  resourceLocations,
  resourceOrganizations,
  resourceServiceLocations,
  resourceServices,
} from '../../db/schema';
import { AppError } from '../../server/errors';
import { recordAudit } from '../audit/record';
import { type OpenDataRow, readOpenData } from './open-data';
import { searchKeyOf } from './text';
import type { ResourceWriter } from './write-service';

type Existing = {
  id: string;
  officeNumber: string;
  type: string;
  name: string;
  phone: string | null;
  municipalityCode: string;
  capacity: number | null;
  locationId: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  postalCode: string | null;
};

type Planned = OpenDataRow & {
  action: 'create' | 'update' | 'unchanged' | 'error';
  existing: Existing | null;
};

async function existingByKey(db: DbOrTx, prefectureCode: string, officeNumbers: string[]) {
  const map = new Map<string, Existing>();
  for (let i = 0; i < officeNumbers.length; i += 1000) {
    const rows = await db
      .select({
        id: resourceServices.id,
        officeNumber: resourceServices.officeNumber,
        type: resourceServices.type,
        name: resourceServices.name,
        phone: resourceServices.phone,
        municipalityCode: resourceServices.municipalityCode,
        capacity: resourceServices.capacity,
        locationId: resourceLocations.id,
        address: resourceLocations.address,
        latitude: resourceLocations.latitude,
        longitude: resourceLocations.longitude,
        postalCode: resourceLocations.postalCode,
      })
      .from(resourceServices)
      .leftJoin(
        resourceServiceLocations,
        and(
          eq(resourceServiceLocations.serviceId, resourceServices.id),
          eq(resourceServiceLocations.isPrimary, true),
        ),
      )
      .leftJoin(resourceLocations, eq(resourceLocations.id, resourceServiceLocations.locationId))
      .where(
        and(
          eq(resourceServices.prefectureCode, prefectureCode),
          isNotNull(resourceServices.officeNumber),
          inArray(resourceServices.officeNumber, officeNumbers.slice(i, i + 1000)),
        ),
      );
    for (const r of rows) map.set(`${r.officeNumber}|${r.type}`, r as Existing);
  }
  return map;
}

/** The row gives a whole point; a file without coordinates (or a row with a blank one) keeps the listing's. */
const hasPoint = (r: OpenDataRow) => r.latitude !== null && r.longitude !== null;

/** What the file says differs from the listing (only the fields open data carries). */
function differs(r: OpenDataRow, e: Existing): boolean {
  return (
    r.name !== e.name ||
    r.address !== e.address ||
    r.municipalityCode !== e.municipalityCode ||
    (hasPoint(r) && (r.latitude !== e.latitude || r.longitude !== e.longitude)) ||
    (r.phone !== null && r.phone !== e.phone) ||
    (r.postalCode !== null && r.postalCode !== e.postalCode) ||
    (r.capacity !== null && r.capacity !== e.capacity)
  );
}

/** Reads the file and plans each row against the directory; nothing is written. */
export async function planImport(db: DbOrTx, prefectureCode: string, buf: Buffer, fileName: string | null) {
  let file: ReturnType<typeof readOpenData>;
  try {
    file = readOpenData(buf, prefectureCode);
  } catch {
    throw new AppError('resource_file_unreadable');
  }
  const numbers = [...new Set(file.rows.map((r) => r.officeNumber).filter((n): n is string => !!n))];
  const existing = await existingByKey(db, prefectureCode, numbers);
  const rows: Planned[] = file.rows.map((r) => {
    if (!r.ok) return { ...r, action: 'error', existing: null };
    const e = existing.get(`${r.officeNumber}|${r.type}`) ?? null;
    return { ...r, action: e ? (differs(r, e) ? 'update' : 'unchanged') : 'create', existing: e };
  });
  const count = (a: Planned['action']) => rows.filter((r) => r.action === a).length;
  return {
    fileName,
    encoding: file.encoding,
    columns: file.columns,
    rows,
    rowCount: rows.length,
    createCount: count('create'),
    updateCount: count('update'),
    unchangedCount: count('unchanged'),
    issues: file.issues,
    canImport: file.issues.length === 0 && rows.length > 0,
  };
}

export function previewOut(plan: Awaited<ReturnType<typeof planImport>>) {
  return {
    ...plan,
    rows: plan.rows.map((r) => ({
      row: r.row,
      officeNumber: r.officeNumber,
      name: r.name,
      type: r.type,
      address: r.address,
      municipalityCode: r.municipalityCode,
      latitude: r.latitude,
      longitude: r.longitude,
      action: r.action,
      existingServiceId: r.existing?.id ?? null,
    })),
  };
}

/** The organization a row belongs to: its corporation, else the office itself; found by name or created. */
async function organizationFor(tx: DbOrTx, w: ResourceWriter, name: string, cache: Map<string, string>) {
  const hit = cache.get(name);
  if (hit) return hit;
  const [found] = await tx
    .select({ id: resourceOrganizations.id })
    .from(resourceOrganizations)
    .where(
      and(eq(resourceOrganizations.prefectureCode, w.prefectureCode), eq(resourceOrganizations.name, name)),
    )
    .limit(1);
  const id =
    found?.id ??
    (
      await tx
        .insert(resourceOrganizations)
        .values({ prefectureCode: w.prefectureCode, name, createdAt: w.at, updatedAt: w.at })
        .returning({ id: resourceOrganizations.id })
    )[0]!.id;
  cache.set(name, id);
  return id;
}

/**
 * Imports the file in one transaction, all or nothing: any row error refuses the whole file (400 with the
 * issues). New offices are created (confirmation kind 'import'); known ones (same 事業所番号 + type) get the
 * open-data fields updated — name, address, municipality, coordinates, phone, capacity — and keep everything
 * providers and staff entered (acceptance, how to apply, confirmation). Blank fields of the file (phone,
 * postal code, capacity, a point) keep what the listing has.
 */
export async function applyImport(tx: DbOrTx, w: ResourceWriter, buf: Buffer, fileName: string | null) {
  const plan = await planImport(tx, w.prefectureCode, buf, fileName);
  if (!plan.canImport) {
    throw new AppError('resource_import_invalid', {
      issues: plan.issues.slice(0, 200).map((i) => ({
        path: `row ${i.row}${i.column ? ` ${i.column}` : ''}`,
        message: `${i.ja} / ${i.en}`,
        ja: i.ja,
        en: i.en,
      })),
    });
  }
  const orgs = new Map<string, string>();
  let created = 0;
  let updated = 0;
  for (const r of plan.rows) {
    if (r.action === 'unchanged') continue;
    const loc = {
      address: r.address!,
      municipalityCode: r.municipalityCode!,
      latitude: r.latitude,
      longitude: r.longitude,
      ...(r.postalCode ? { postalCode: r.postalCode } : {}),
    };
    if (r.action === 'create') {
      const orgId = await organizationFor(tx, w, r.corporation ?? r.name!, orgs);
      const [s] = await tx
        .insert(resourceServices)
        .values({
          prefectureCode: w.prefectureCode,
          organizationId: orgId,
          name: r.name!,
          kana: r.kana,
          type: r.type!,
          officeNumber: r.officeNumber,
          phone: r.phone,
          capacity: r.capacity,
          capacityUpdatedAt: r.capacity !== null ? w.at : null,
          municipalityCode: r.municipalityCode!,
          searchKey: searchKeyOf([r.name, r.kana, r.corporation]),
          lastConfirmedAt: w.at,
          lastConfirmedKind: 'import',
          lastConfirmedBy: fileName,
          createdAt: w.at,
          updatedAt: w.at,
        })
        .returning({ id: resourceServices.id });
      const [l] = await tx
        .insert(resourceLocations)
        .values({ ...loc, prefectureCode: w.prefectureCode, organizationId: orgId })
        .returning({ id: resourceLocations.id });
      await tx
        .insert(resourceServiceLocations)
        .values({ serviceId: s!.id, locationId: l!.id, prefectureCode: w.prefectureCode, isPrimary: true });
      created++;
    } else if (r.action === 'update' && r.existing) {
      const e = r.existing;
      const [cur] = await tx
        .select({
          kana: resourceServices.kana,
          description: resourceServices.description,
          orgName: resourceOrganizations.name,
        })
        .from(resourceServices)
        .innerJoin(resourceOrganizations, eq(resourceOrganizations.id, resourceServices.organizationId))
        .where(eq(resourceServices.id, e.id));
      await tx
        .update(resourceServices)
        .set({
          name: r.name!,
          municipalityCode: r.municipalityCode!,
          ...(r.phone !== null ? { phone: r.phone } : {}),
          ...(r.capacity !== null && r.capacity !== e.capacity
            ? { capacity: r.capacity, capacityUpdatedAt: w.at }
            : {}),
          searchKey: searchKeyOf([r.name, r.kana ?? cur?.kana, cur?.orgName, cur?.description]),
          version: sql`${resourceServices.version} + 1`,
          updatedAt: w.at,
        })
        .where(eq(resourceServices.id, e.id));
      if (e.locationId) {
        const { latitude, longitude, ...place } = loc;
        await tx
          .update(resourceLocations)
          .set(hasPoint(r) ? { ...place, latitude, longitude } : place)
          .where(eq(resourceLocations.id, e.locationId));
      }
      updated++;
    }
  }
  await recordAudit(tx, w, {
    action: 'create',
    entityType: 'resource_import',
    entityIds: [],
    detail: { fileName, rows: plan.rowCount, created, updated, unchanged: plan.unchangedCount },
  });
  return { fileName, created, updated, unchanged: plan.unchangedCount };
}
