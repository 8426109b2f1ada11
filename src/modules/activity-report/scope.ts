/**
 * Who reads the yearly activity report (事業実績) and over which area (docs/municipal-support.md §6):
 * - centre administrators, centre staff of the whole prefecture and auditors: the prefecture, or one branch of
 *   it when they name it (`centreId`);
 * - centre staff of a branch: their branch (naming another branch answers 404, as any record outside the area);
 * - regional coordinators: their region (every section's function reads a coordinator's region); naming a
 *   centre answers 404;
 * - municipal and provider staff, learners and system administrators: 403.
 *
 * A branch's report read by the HQ or an auditor is computed as the branch's staff read it: the sections are
 * called with a figures-only actor holding the branch's regions and centre. That actor never leaves this
 * module and is only handed to the sections' read functions, and it reads a part of what its reader already
 * reads (the whole prefecture).
 */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { centreRegions, centres, prefectures, regions, users } from '../../db/schema';
import { AppError } from '../../server/errors';
import type { Actor } from '../access/actor';
import { readsActivityReport } from './policy';

export type ReportArea =
  | { kind: 'prefecture' }
  | { kind: 'branch'; centreId: string; name: string }
  | { kind: 'region'; regionId: string; name: string; nameEn: string | null };

export type ReportSubject = {
  prefectureCode: string;
  prefectureName: string;
  prefectureNameEn: string;
  area: ReportArea;
  /** The actor the sections read as: the reader, or the branch's figures-only actor. */
  sectionActor: Actor;
  /** Region ids of the area (none for the whole prefecture). */
  regionIds: string[] | null;
};

/** A centre of the prefecture and its regions: a branch, or (for its own staff limited to it) the HQ. */
async function branchOf(db: DbOrTx, prefectureCode: string, centreId: string, ownCentre = false) {
  const rows = await db
    .select({ id: centres.id, name: centres.name, kind: centres.kind, regionId: centreRegions.regionId })
    .from(centres)
    .leftJoin(centreRegions, eq(centreRegions.centreId, centres.id))
    .where(and(eq(centres.id, centreId), eq(centres.prefectureCode, prefectureCode)));
  const first = rows[0];
  if (!first || (first.kind !== 'branch' && !ownCentre)) throw new AppError('not_found');
  return { id: first.id, name: first.name, regionIds: rows.flatMap((r) => (r.regionId ? [r.regionId] : [])) };
}

/** The report's area for the reader and the asked centre; 403 for roles without it, 404 outside the area. */
export async function reportSubject(
  db: DbOrTx,
  actor: Actor,
  centreId: string | undefined,
): Promise<ReportSubject> {
  const pref = actor.prefectureCode;
  if (!pref || !readsActivityReport(actor.role) || actor.scope.kind === 'none')
    throw new AppError('forbidden');
  const [p] = await db
    .select({ name: prefectures.name, nameEn: prefectures.nameEn })
    .from(prefectures)
    .where(eq(prefectures.code, pref));
  if (!p) throw new AppError('not_found');
  const base = { prefectureCode: pref, prefectureName: p.name, prefectureNameEn: p.nameEn };
  const s = actor.scope;
  if (actor.role === 'regional_coordinator') {
    if (centreId || s.kind !== 'regions' || s.regionIds.length !== 1) throw new AppError('not_found');
    const [r] = await db
      .select({ id: regions.id, name: regions.name, nameEn: regions.nameEn })
      .from(regions)
      .where(and(eq(regions.id, s.regionIds[0]!), eq(regions.prefectureCode, pref)));
    if (!r) throw new AppError('not_found');
    return {
      ...base,
      area: { kind: 'region', regionId: r.id, name: r.name, nameEn: r.nameEn },
      sectionActor: actor,
      regionIds: [r.id],
    };
  }
  if (s.kind === 'regions') {
    // Centre staff of a branch: their own branch only.
    const own = actor.scopeColumns
      ? actor.scopeColumns.scopeCentreId
      : ((await db.select({ id: users.scopeCentreId }).from(users).where(eq(users.id, actor.userId)))[0]
          ?.id ?? null);
    if (!own || (centreId && centreId !== own)) throw new AppError('not_found');
    const target = own;
    const b = await branchOf(db, pref, target, true);
    return {
      ...base,
      area: { kind: 'branch', centreId: b.id, name: b.name },
      sectionActor: actor,
      regionIds: s.regionIds,
    };
  }
  if (s.kind !== 'prefecture') throw new AppError('forbidden');
  if (!centreId) return { ...base, area: { kind: 'prefecture' }, sectionActor: actor, regionIds: null };
  const b = await branchOf(db, pref, centreId);
  const sectionActor: Actor = {
    userId: actor.userId,
    email: actor.email,
    displayName: actor.displayName,
    role: 'centre_staff',
    prefectureCode: pref,
    scope: { kind: 'regions', regionIds: b.regionIds },
    locale: actor.locale,
    scopeColumns: {
      scopeCentreId: b.id,
      scopeCentreKind: 'branch',
      scopeRegionId: null,
      scopeMunicipalityCode: null,
      personId: null,
    },
  };
  return {
    ...base,
    area: { kind: 'branch', centreId: b.id, name: b.name },
    sectionActor,
    regionIds: b.regionIds,
  };
}
