import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { centreRegions, centres, regions } from '../../db/schema';
import { AppError, type ErrorIssue } from '../../server/errors';
import { recordAudit } from '../audit/record';
import type { CreateCentreInput, UpdateCentreInput } from './schemas';
import { blankToNull, definedOnly, type Tenant } from './support';

/** A centre (HQ or branch) as the API shows it, with the regions it covers. */
export type CentreView = {
  id: string;
  kind: 'hq' | 'branch';
  parentId: string | null;
  name: string;
  operator: string | null;
  address: string | null;
  phone: string | null;
  version: number;
  regionIds: string[];
};

const centreColumns = {
  id: centres.id,
  kind: centres.kind,
  parentId: centres.parentId,
  name: centres.name,
  operator: centres.operator,
  address: centres.address,
  phone: centres.phone,
  version: centres.version,
};

async function withRegions(db: DbOrTx, rows: Omit<CentreView, 'regionIds'>[]): Promise<CentreView[]> {
  if (rows.length === 0) return [];
  const links = await db
    .select({ centreId: centreRegions.centreId, regionId: centreRegions.regionId })
    .from(centreRegions)
    .innerJoin(regions, eq(regions.id, centreRegions.regionId))
    .where(
      inArray(
        centreRegions.centreId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(regions.sortOrder), asc(regions.name));
  const byCentre = new Map<string, string[]>();
  for (const l of links) byCentre.set(l.centreId, [...(byCentre.get(l.centreId) ?? []), l.regionId]);
  return rows.map((r) => ({ ...r, regionIds: byCentre.get(r.id) ?? [] }));
}

/** The prefecture's centres: the HQ first, then branches by name. */
export async function listCentres(db: DbOrTx, prefectureCode: string): Promise<CentreView[]> {
  const rows = await db
    .select(centreColumns)
    .from(centres)
    .where(eq(centres.prefectureCode, prefectureCode))
    .orderBy(sql`case when ${centres.kind} = 'hq' then 0 else 1 end`, asc(centres.name));
  return withRegions(db, rows);
}

/** One centre of the prefecture, or undefined when it is not there (callers answer 404). */
export async function findCentre(
  db: DbOrTx,
  prefectureCode: string,
  unverifiedId: string,
): Promise<CentreView | undefined> {
  const rows = await db
    .select(centreColumns)
    .from(centres)
    .where(and(eq(centres.id, unverifiedId), eq(centres.prefectureCode, prefectureCode)));
  return (await withRegions(db, rows))[0];
}

/**
 * A branch hangs under an HQ of the same prefecture; an HQ has no parent. Regions must be the
 * prefecture's own. An id of another prefecture is reported exactly like an unknown one.
 */
async function checkStructure(
  db: DbOrTx,
  prefectureCode: string,
  kind: 'hq' | 'branch',
  parentId: string | null,
  regionIds: readonly string[],
): Promise<void> {
  const issues: ErrorIssue[] = [];
  if (kind === 'hq' && parentId)
    issues.push({ path: 'parentId', message: 'An HQ has no parent / 本部に親はありません' });
  if (kind === 'branch') {
    const parent = parentId ? await findCentre(db, prefectureCode, parentId) : undefined;
    if (parent?.kind !== 'hq') {
      issues.push({
        path: 'parentId',
        message: 'A branch needs the HQ of its prefecture / 支部には本部の指定が必要です',
      });
    }
  }
  const unique = [...new Set(regionIds)];
  if (unique.length > 0) {
    const found = await db
      .select({ id: regions.id })
      .from(regions)
      .where(and(inArray(regions.id, unique), eq(regions.prefectureCode, prefectureCode)));
    const ok = new Set(found.map((f) => f.id));
    for (const id of unique) {
      if (!ok.has(id))
        issues.push({ path: 'regionIds', message: `Unknown region / 圏域が見つかりません: ${id}` });
    }
  }
  if (issues.length > 0) throw new AppError('validation_failed', { issues });
}

async function replaceRegions(tx: DbOrTx, centreId: string, regionIds: readonly string[]) {
  await tx.delete(centreRegions).where(eq(centreRegions.centreId, centreId));
  const unique = [...new Set(regionIds)];
  if (unique.length > 0)
    await tx.insert(centreRegions).values(unique.map((regionId) => ({ centreId, regionId })));
}

/** Creates an HQ or a branch; audited. */
export async function createCentre(tx: DbOrTx, t: Tenant, input: CreateCentreInput): Promise<CentreView> {
  const parentId = input.parentId ?? null;
  await checkStructure(tx, t.prefectureCode, input.kind, parentId, input.regionIds ?? []);
  const [row] = await tx
    .insert(centres)
    .values({
      prefectureCode: t.prefectureCode,
      kind: input.kind,
      parentId,
      name: input.name,
      operator: blankToNull(input.operator) ?? null,
      address: blankToNull(input.address) ?? null,
      phone: blankToNull(input.phone) ?? null,
    })
    .returning({ id: centres.id });
  await replaceRegions(tx, row!.id, input.regionIds ?? []);
  await recordAudit(tx, t.who, {
    action: 'configure',
    entityType: 'centre',
    entityIds: [row!.id],
    detail: { event: 'created', kind: input.kind, name: input.name, regionIds: input.regionIds ?? [] },
    prefectureCode: t.prefectureCode,
  });
  return (await findCentre(tx, t.prefectureCode, row!.id))!;
}

/** Changes a centre (optimistic lock); `regionIds` replaces the covered set. The kind cannot change. */
export async function updateCentre(
  tx: DbOrTx,
  t: Tenant,
  unverifiedId: string,
  input: UpdateCentreInput,
): Promise<CentreView> {
  const existing = await findCentre(tx, t.prefectureCode, unverifiedId);
  if (!existing) throw new AppError('not_found');
  const parentId = input.parentId === undefined ? existing.parentId : input.parentId;
  if (parentId === existing.id) {
    throw new AppError('validation_failed', {
      issues: [{ path: 'parentId', message: 'A centre cannot be its own parent' }],
    });
  }
  await checkStructure(tx, t.prefectureCode, existing.kind, parentId, input.regionIds ?? []);
  const set = definedOnly({
    parentId: input.parentId,
    name: input.name,
    operator: blankToNull(input.operator),
    address: blankToNull(input.address),
    phone: blankToNull(input.phone),
  });
  const updated = await tx
    .update(centres)
    .set({ ...set, version: sql`${centres.version} + 1` })
    .where(and(eq(centres.id, existing.id), eq(centres.version, input.version)))
    .returning({ id: centres.id });
  if (updated.length === 0) {
    const current = await findCentre(tx, t.prefectureCode, existing.id);
    throw current ? new AppError('conflict', { detail: { current } }) : new AppError('not_found');
  }
  if (input.regionIds) await replaceRegions(tx, existing.id, input.regionIds);
  await recordAudit(tx, t.who, {
    action: 'configure',
    entityType: 'centre',
    entityIds: [existing.id],
    detail: {
      event: 'updated',
      changed: [...Object.keys(set), ...(input.regionIds ? ['regionIds'] : [])],
      ...(input.regionIds
        ? { regionIds: { before: existing.regionIds, after: [...new Set(input.regionIds)] } }
        : {}),
    },
    prefectureCode: t.prefectureCode,
  });
  return (await findCentre(tx, t.prefectureCode, existing.id))!;
}
