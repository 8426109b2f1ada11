/**
 * The data layer of outage lists and declared events (docs/disaster.md §4–5): which municipalities an actor's
 * request may name, which events it sees, and the one condition on children. A municipality, region or event
 * outside the actor's area answers 404, like an unknown one.
 */
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { municipalities, regionMunicipalities, regions } from '../../db/schema';
import { disasterEvents } from '../../db/schema/disaster-events';
import { AppError } from '../../server/errors';
import type { Actor } from '../access/actor';
import { municipalityScope } from '../municipalities/scope';
import { type DisasterPolicy, disasterPolicy } from './policy';

export type ReadyPolicy = DisasterPolicy & { prefectureCode: string };

/** The actor's policy, or 403 when its role has no outage lists at all (before any id is read). */
export function requireDisasterReader(actor: Actor): ReadyPolicy {
  const p = disasterPolicy(actor);
  if (!p.prefectureCode || p.access === 'none' || p.area.kind === 'none') throw new AppError('forbidden');
  return p as ReadyPolicy;
}

/** The condition a municipality code (a column or expression) must meet to lie in the actor's area. */
export function areaScope(p: ReadyPolicy, code: AnyPgColumn | SQL): SQL {
  return municipalityScope({ prefectureCode: p.prefectureCode, area: p.area, edit: false }, code);
}

/**
 * Resolves the municipalities and regions a request names into municipality codes of the actor's area. Every
 * code and region must be the prefecture's and inside the area, or the whole request answers 404 (an unknown
 * one alike); naming none answers 400 with a clear message.
 */
export async function resolveAreas(
  db: DbOrTx,
  p: ReadyPolicy,
  unverified: { municipalityCodes: string[]; regionIds: string[] },
): Promise<{ codes: string[]; regionIds: string[] }> {
  const codes = [...new Set(unverified.municipalityCodes)];
  const regionIds = [...new Set(unverified.regionIds)];
  if (!codes.length && !regionIds.length) throw new AppError('disaster_areas_required');
  const out = new Set<string>();
  if (codes.length) {
    if (codes.some((c) => !/^\d{6}$/.test(c))) throw new AppError('not_found');
    const rows = await db
      .select({ code: municipalities.code })
      .from(municipalities)
      .where(
        and(
          inArray(municipalities.code, codes),
          eq(municipalities.prefectureCode, p.prefectureCode),
          areaScope(p, municipalities.code),
        ),
      );
    if (rows.length !== codes.length) throw new AppError('not_found');
    for (const r of rows) out.add(r.code);
  }
  if (regionIds.length) {
    if (regionIds.some((r) => !/^[0-9a-f-]{36}$/i.test(r))) throw new AppError('not_found');
    // Each region of the prefecture with its current municipalities and whether each lies in the area, at once.
    const members = await db
      .select({
        regionId: regions.id,
        code: regionMunicipalities.municipalityCode,
        inArea: sql<boolean>`${areaScope(p, regionMunicipalities.municipalityCode)}`,
      })
      .from(regions)
      .leftJoin(
        regionMunicipalities,
        and(eq(regionMunicipalities.regionId, regions.id), isNull(regionMunicipalities.validTo)),
      )
      .where(and(inArray(regions.id, regionIds), eq(regions.prefectureCode, p.prefectureCode)));
    if (new Set(members.map((m) => m.regionId)).size !== regionIds.length) throw new AppError('not_found');
    // A region is in the area only when every one of its municipalities is (a municipality's staff cannot
    // name the region around it).
    if (members.some((m) => m.code !== null && !m.inArea)) throw new AppError('not_found');
    if (p.area.kind !== 'prefecture' && p.area.kind !== 'regions') throw new AppError('not_found');
    for (const m of members) if (m.code !== null) out.add(m.code);
  }
  return { codes: [...out].sort(), regionIds };
}

/** The condition an event must meet to be seen: the prefecture's, with at least one of its areas in the actor's. */
export function eventScope(p: ReadyPolicy): SQL {
  const tenant = eq(disasterEvents.prefectureCode, p.prefectureCode);
  const a = p.area;
  switch (a.kind) {
    case 'prefecture':
      return tenant;
    case 'municipality':
      return and(tenant, sql`${a.municipalityCode} = any(${disasterEvents.municipalityCodes})`)!;
    case 'regions':
      return and(
        tenant,
        sql`${disasterEvents.municipalityCodes} && array(
              select ${regionMunicipalities.municipalityCode}::text from ${regionMunicipalities}
              where ${inArray(regionMunicipalities.regionId, a.regionIds)} and ${isNull(regionMunicipalities.validTo)})`,
      )!;
    case 'none':
      return sql`false`;
  }
}

export type EventRow = typeof disasterEvents.$inferSelect;

/** One event the actor sees, or 404 (unknown, another prefecture's or outside the area alike). */
export async function visibleEvent(db: DbOrTx, p: ReadyPolicy, unverifiedId: string): Promise<EventRow> {
  if (!/^[0-9a-f-]{36}$/i.test(unverifiedId)) throw new AppError('not_found');
  const [row] = await db
    .select()
    .from(disasterEvents)
    .where(and(eq(disasterEvents.id, unverifiedId), eventScope(p)));
  if (!row) throw new AppError('not_found');
  return row;
}

/** The event's municipalities that lie in the actor's area (the outage list of an event is their intersection). */
export async function eventCodesInArea(db: DbOrTx, p: ReadyPolicy, e: EventRow): Promise<string[]> {
  const rows = await db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(and(inArray(municipalities.code, e.municipalityCodes), areaScope(p, municipalities.code)));
  return rows.map((r) => r.code).sort();
}
