import { and, asc, eq, gte, inArray, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { centreRegions, municipalities, regionMunicipalities, regions, users } from '../../db/schema';
import { AppError } from '../../server/errors';
import { recordAudit } from '../audit/record';
import type { CreateRegionInput, UpdateRegionInput } from './schemas';
import { assertMunicipalityCodes, blankToNull, definedOnly, type Tenant, todayInJapan } from './support';

/** A region as the API shows it: its current municipalities included. */
export type RegionView = {
  id: string;
  name: string;
  nameEn: string | null;
  sortOrder: number;
  note: string | null;
  version: number;
  municipalityCodes: string[];
};

const regionColumns = {
  id: regions.id,
  name: regions.name,
  nameEn: regions.nameEn,
  sortOrder: regions.sortOrder,
  note: regions.note,
  version: regions.version,
};

async function withMembers(db: DbOrTx, rows: Omit<RegionView, 'municipalityCodes'>[]): Promise<RegionView[]> {
  if (rows.length === 0) return [];
  const members = await db
    .select({ regionId: regionMunicipalities.regionId, code: regionMunicipalities.municipalityCode })
    .from(regionMunicipalities)
    .where(
      and(
        inArray(
          regionMunicipalities.regionId,
          rows.map((r) => r.id),
        ),
        isNull(regionMunicipalities.validTo),
      ),
    )
    .orderBy(asc(regionMunicipalities.municipalityCode));
  const byRegion = new Map<string, string[]>();
  for (const m of members) byRegion.set(m.regionId, [...(byRegion.get(m.regionId) ?? []), m.code]);
  return rows.map((r) => ({ ...r, municipalityCodes: byRegion.get(r.id) ?? [] }));
}

/** The regions of a prefecture in display order, with their current municipalities. */
export async function listRegions(db: DbOrTx, prefectureCode: string): Promise<RegionView[]> {
  const rows = await db
    .select(regionColumns)
    .from(regions)
    .where(eq(regions.prefectureCode, prefectureCode))
    .orderBy(asc(regions.sortOrder), asc(regions.name));
  return withMembers(db, rows);
}

/** One region of the prefecture, or undefined when it does not exist there (callers answer 404). */
export async function findRegion(
  db: DbOrTx,
  prefectureCode: string,
  unverifiedId: string,
): Promise<RegionView | undefined> {
  const rows = await db
    .select(regionColumns)
    .from(regions)
    .where(and(eq(regions.id, unverifiedId), eq(regions.prefectureCode, prefectureCode)));
  return (await withMembers(db, rows))[0];
}

/** The prefecture's municipalities with the region each currently belongs to. */
export async function listMunicipalities(db: DbOrTx, prefectureCode: string) {
  return db
    .select({
      code: municipalities.code,
      name: municipalities.name,
      kana: municipalities.kana,
      kind: municipalities.kind,
      regionId: regions.id,
      regionName: regions.name,
    })
    .from(municipalities)
    .leftJoin(
      regionMunicipalities,
      and(
        eq(regionMunicipalities.municipalityCode, municipalities.code),
        isNull(regionMunicipalities.validTo),
      ),
    )
    .leftJoin(regions, eq(regions.id, regionMunicipalities.regionId))
    .where(eq(municipalities.prefectureCode, prefectureCode))
    .orderBy(asc(municipalities.code));
}

async function assertNameFree(db: DbOrTx, prefectureCode: string, name: string, exceptId?: string) {
  const conds: SQL[] = [eq(regions.prefectureCode, prefectureCode), eq(regions.name, name)];
  if (exceptId) conds.push(ne(regions.id, exceptId));
  const [clash] = await db
    .select({ id: regions.id })
    .from(regions)
    .where(and(...conds));
  if (clash) throw new AppError('duplicate', { issues: [{ path: 'name', message: name }] });
}

/**
 * Ends current memberships matching `where` today. A membership that started today (or later) never
 * took effect, so it is removed rather than closed: that also keeps the key (region, municipality,
 * valid_from) free should the municipality be put back today.
 */
async function closeMemberships(tx: DbOrTx, where: SQL, today: string) {
  await tx
    .delete(regionMunicipalities)
    .where(and(where, isNull(regionMunicipalities.validTo), gte(regionMunicipalities.validFrom, today)));
  await tx
    .update(regionMunicipalities)
    .set({ validTo: today })
    .where(and(where, isNull(regionMunicipalities.validTo), lt(regionMunicipalities.validFrom, today)));
}

export type MembershipChange = {
  added: string[];
  removed: string[];
  /** Municipalities taken from another region: that membership was closed. */
  movedFrom: { municipalityCode: string; regionId: string }[];
};

/**
 * Makes `codes` the region's current municipalities from today: memberships no longer wanted are
 * closed, new ones opened. A municipality is in one region at a time, so adding one that belongs to
 * another region closes that membership first.
 */
export async function setRegionMembership(
  tx: DbOrTx,
  regionId: string,
  codes: readonly string[],
  today: string,
): Promise<MembershipChange> {
  const current = await tx
    .select({ code: regionMunicipalities.municipalityCode })
    .from(regionMunicipalities)
    .where(and(eq(regionMunicipalities.regionId, regionId), isNull(regionMunicipalities.validTo)));
  const currentSet = new Set(current.map((c) => c.code));
  const wanted = new Set(codes);
  const removed = [...currentSet].filter((c) => !wanted.has(c)).sort();
  const added = [...wanted].filter((c) => !currentSet.has(c)).sort();
  let movedFrom: MembershipChange['movedFrom'] = [];
  if (removed.length > 0) {
    await closeMemberships(
      tx,
      and(
        eq(regionMunicipalities.regionId, regionId),
        inArray(regionMunicipalities.municipalityCode, removed),
      )!,
      today,
    );
  }
  if (added.length > 0) {
    const held = await tx
      .select({
        municipalityCode: regionMunicipalities.municipalityCode,
        regionId: regionMunicipalities.regionId,
      })
      .from(regionMunicipalities)
      .where(
        and(inArray(regionMunicipalities.municipalityCode, added), isNull(regionMunicipalities.validTo)),
      );
    movedFrom = held;
    if (held.length > 0) {
      await closeMemberships(tx, inArray(regionMunicipalities.municipalityCode, added), today);
    }
    await tx
      .insert(regionMunicipalities)
      .values(added.map((municipalityCode) => ({ regionId, municipalityCode, validFrom: today })));
  }
  return { added, removed, movedFrom };
}

/** Creates a region with its municipalities; audited. */
export async function createRegion(tx: DbOrTx, t: Tenant, input: CreateRegionInput): Promise<RegionView> {
  const codes = await assertMunicipalityCodes(tx, t.prefectureCode, input.municipalityCodes);
  await assertNameFree(tx, t.prefectureCode, input.name);
  const [row] = await tx
    .insert(regions)
    .values({
      prefectureCode: t.prefectureCode,
      name: input.name,
      nameEn: blankToNull(input.nameEn) ?? null,
      note: blankToNull(input.note) ?? null,
      sortOrder: input.sortOrder ?? 0,
    })
    .returning({ id: regions.id });
  const change = await setRegionMembership(tx, row!.id, codes, todayInJapan(t.who.at));
  await recordAudit(tx, t.who, {
    action: 'configure',
    entityType: 'region',
    entityIds: [row!.id],
    detail: { event: 'created', name: input.name, ...change },
    prefectureCode: t.prefectureCode,
  });
  return (await findRegion(tx, t.prefectureCode, row!.id))!;
}

/** Changes a region (optimistic lock on `version`), including its membership; audited. */
export async function updateRegion(
  tx: DbOrTx,
  t: Tenant,
  unverifiedId: string,
  input: UpdateRegionInput,
): Promise<RegionView> {
  const existing = await findRegion(tx, t.prefectureCode, unverifiedId);
  if (!existing) throw new AppError('not_found');
  const codes =
    input.municipalityCodes === undefined
      ? undefined
      : await assertMunicipalityCodes(tx, t.prefectureCode, input.municipalityCodes);
  if (input.name !== undefined && input.name !== existing.name) {
    await assertNameFree(tx, t.prefectureCode, input.name, existing.id);
  }
  const set = definedOnly({
    name: input.name,
    nameEn: blankToNull(input.nameEn),
    note: blankToNull(input.note),
    sortOrder: input.sortOrder,
  });
  const updated = await tx
    .update(regions)
    .set({ ...set, version: sql`${regions.version} + 1` })
    .where(and(eq(regions.id, existing.id), eq(regions.version, input.version)))
    .returning({ id: regions.id });
  if (updated.length === 0) throw await conflictWithCurrent(tx, t.prefectureCode, existing.id);
  const change = codes
    ? await setRegionMembership(tx, existing.id, codes, todayInJapan(t.who.at))
    : undefined;
  await recordAudit(tx, t.who, {
    action: 'configure',
    entityType: 'region',
    entityIds: [existing.id],
    detail: { event: 'updated', changed: Object.keys(set), ...(change ?? {}) },
    prefectureCode: t.prefectureCode,
  });
  return (await findRegion(tx, t.prefectureCode, existing.id))!;
}

/** 409 carrying the row as it is now (re-read: another transaction may have committed meanwhile). */
async function conflictWithCurrent(tx: DbOrTx, prefectureCode: string, id: string): Promise<AppError> {
  const current = await findRegion(tx, prefectureCode, id);
  return current ? new AppError('conflict', { detail: { current } }) : new AppError('not_found');
}

/**
 * Deletes a region that nothing uses: no current municipality, no centre covering it, no user scoped to
 * it. Its closed membership rows go with it; the audit entry keeps that history.
 */
export async function deleteRegion(tx: DbOrTx, t: Tenant, unverifiedId: string): Promise<void> {
  const existing = await findRegion(tx, t.prefectureCode, unverifiedId);
  if (!existing) throw new AppError('not_found');
  const [centresUsing] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(centreRegions)
    .where(eq(centreRegions.regionId, existing.id));
  const [usersUsing] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(eq(users.scopeRegionId, existing.id));
  const usage = {
    municipalities: existing.municipalityCodes.length,
    centres: centresUsing?.n ?? 0,
    users: usersUsing?.n ?? 0,
  };
  if (usage.municipalities + usage.centres + usage.users > 0) throw new AppError('in_use', { detail: usage });
  const history = await tx
    .delete(regionMunicipalities)
    .where(eq(regionMunicipalities.regionId, existing.id))
    .returning({
      municipalityCode: regionMunicipalities.municipalityCode,
      validFrom: regionMunicipalities.validFrom,
      validTo: regionMunicipalities.validTo,
    });
  await tx.delete(regions).where(eq(regions.id, existing.id));
  await recordAudit(tx, t.who, {
    action: 'configure',
    entityType: 'region',
    entityIds: [existing.id],
    detail: { event: 'deleted', name: existing.name, history },
    prefectureCode: t.prefectureCode,
  });
}
